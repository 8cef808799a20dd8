import type { ComplianceType } from '../domain/compliance-type.schema';

/** An account's compliance score over its latest states. */
export interface AccountScore {
  compliant: number;
  nonCompliant: number;
  /** NOT_APPLICABLE and INSUFFICIENT_DATA states: counted, never scored. */
  excluded: number;
  /** compliant ÷ (compliant + nonCompliant) in [0, 1]; `null` ("n/a") when nothing is scored. */
  score: number | null;
}

/**
 * Scores latest states: compliant ÷ (compliant + non-compliant); NOT_APPLICABLE / INSUFFICIENT_DATA are excluded;
 * no scored state at all gives `null` ("n/a"), never 0 % or 100 %.
 *
 * @example computeScore([{ complianceType: 'COMPLIANT' }, { complianceType: 'NON_COMPLIANT' }]).score // 0.5
 */
export const computeScore = (states: Iterable<{ complianceType: ComplianceType }>): AccountScore => {
  let compliant = 0;
  let nonCompliant = 0;
  let excluded = 0;
  for (const { complianceType } of states) {
    if (complianceType === 'COMPLIANT') compliant += 1;
    else if (complianceType === 'NON_COMPLIANT') nonCompliant += 1;
    else excluded += 1;
  }
  const scored = compliant + nonCompliant;
  return { compliant, nonCompliant, excluded, score: scored === 0 ? null : compliant / scored };
};

/** `87.5%`, or `n/a` for a null score (one decimal, no trailing `.0`). */
export const formatScore = (score: number | null): string =>
  score === null ? 'n/a' : `${Number((score * 100).toFixed(1))}%`;
