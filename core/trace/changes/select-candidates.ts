import type { NonCompliantResource } from '../../domain/partial.schema';
import { normalizeRuleName } from '../../domain/rule-name';
import { MANAGED_RULE_SEVERITIES } from '../../domain/rule-severities';
import { SEVERITIES, type Severity } from '../../domain/severity';

/** A non-compliant resource of one region, a candidate for tracing. */
export interface TraceCandidate extends NonCompliantResource {
  region: string;
  /** The rule's severity (by its normalized name); absent when unknown. */
  severity?: Severity;
  /** `recordedTime` in epoch milliseconds. */
  recordedMs: number;
}

/** The severity of a rule by its normalized name from the shipped table; `undefined` when the rule is not in it. */
export const managedRuleSeverity = (ruleName: string): Severity | undefined =>
  MANAGED_RULE_SEVERITIES[normalizeRuleName(ruleName)];

const rank = (severity: Severity | undefined): number =>
  severity === undefined ? SEVERITIES.length : SEVERITIES.indexOf(severity);

/**
 * The candidates of an account: NON_COMPLIANT resources whose `recordedTime` lies in `[from, to)`, most severe first
 * (severity unknown after every known tier), then newest first; the first `limit` are traced, the rest only counted.
 */
export const selectCandidates = (
  regions: ReadonlyArray<{ region: string; nonCompliant: readonly NonCompliantResource[] }>,
  window: { from: Date; to: Date },
  limit: number,
  severityOf: (ruleName: string) => Severity | undefined = managedRuleSeverity,
): { selected: TraceCandidate[]; candidates: number } => {
  const all = regions.flatMap(({ region, nonCompliant }) =>
    nonCompliant.flatMap((resource): TraceCandidate[] => {
      const recordedMs = resource.recordedTime === undefined ? Number.NaN : Date.parse(resource.recordedTime);
      if (resource.complianceType !== 'NON_COMPLIANT' || Number.isNaN(recordedMs)) return [];
      if (recordedMs < window.from.getTime() || recordedMs >= window.to.getTime()) return [];
      const severity = severityOf(resource.ruleName);
      return [{ ...resource, region, recordedMs, ...(severity === undefined ? {} : { severity }) }];
    }),
  );
  all.sort((a, b) => rank(a.severity) - rank(b.severity) || b.recordedMs - a.recordedMs);
  return { selected: all.slice(0, Math.max(0, limit)), candidates: all.length };
};
