import type { LaceworkFrameworkResult } from '../../domain/partial.schema';
import { pyInt } from '../python-compat';

type Recommendation = LaceworkFrameworkResult['recommendations'][number];

/** Per-policy sums over the aggregated accounts, as the legacy mapping tool added them up. */
export interface PolicyTotals {
  compliant: number;
  nonCompliant: number;
  couldNotAssess: number;
  /** Accounts whose own non-compliant sum for the policy is > 0 (a NonCompliant rec with RESOURCE_COUNT 0 does not count). */
  accountsWithViolations: number;
}

/** One account's sums per `REC_ID`, plus what could not be read. */
export interface AccountStats {
  byRecId: Map<string, Omit<PolicyTotals, 'accountsWithViolations'>>;
  /** One line per skipped recommendation (bad count). */
  warnings: string[];
}

const COMPLIANT = new Set(['compliant']);
const NON_COMPLIANT = new Set(['noncompliant', 'non-compliant']);
const COULD_NOT_ASSESS = new Set([
  'requiresmanualassessment',
  'requires_manual_assessment',
  'couldnotassess',
  'could_not_assess',
]);

/** Which count a status adds to, and from which field; `undefined` for ignored statuses (suppressed, …). */
const ruleFor = (
  status: string,
): { into: 'compliant' | 'nonCompliant' | 'couldNotAssess'; field: keyof Recommendation } | undefined => {
  if (COMPLIANT.has(status)) return { into: 'compliant', field: 'ASSESSED_RESOURCE_COUNT' };
  if (NON_COMPLIANT.has(status)) return { into: 'nonCompliant', field: 'RESOURCE_COUNT' };
  if (COULD_NOT_ASSESS.has(status)) return { into: 'couldNotAssess', field: 'ASSESSED_RESOURCE_COUNT' };
  return undefined;
};

/**
 * One account's report, summed as the legacy mapping tool did: for each recommendation (every `REC_ID`; ids outside the
 * framework are dropped later by {@link FrameworkTotals.totalsFor}), lower-case `STATUS`, then `compliant` +=
 * int(ASSESSED_RESOURCE_COUNT); `noncompliant`/`non-compliant` += int(RESOURCE_COUNT); the manual/could-not-assess
 * aliases += int(ASSESSED_RESOURCE_COUNT); other statuses are ignored. A `REC_ID` listed twice is added twice (legacy
 * behaviour).
 *
 * Counts are converted like Python `int()` (strings such as `"12"` included). A count `int()` would reject (`null`,
 * `"n/a"`, missing) skips **that recommendation only**, with a warning: the legacy tool's try/except around the whole
 * loop silently dropped the rest of the account's recommendations, which is deliberately not reproduced.
 */
export const aggregateAccount = (accountId: string, recommendations: readonly Recommendation[]): AccountStats => {
  const byRecId: AccountStats['byRecId'] = new Map();
  const warnings: string[] = [];
  for (const rec of recommendations) {
    const rule = ruleFor(String(rec.STATUS).toLowerCase());
    if (!rule) continue;
    const raw = rec[rule.field];
    const count = pyInt(raw);
    if (count === undefined) {
      warnings.push(
        `account ${accountId}: recommendation ${rec.REC_ID} has a bad ${rule.field} ${JSON.stringify(raw) ?? 'undefined'}; skipped`,
      );
      continue;
    }
    const sums = byRecId.get(rec.REC_ID) ?? { compliant: 0, nonCompliant: 0, couldNotAssess: 0 };
    sums[rule.into] += count;
    byRecId.set(rec.REC_ID, sums);
  }
  return { byRecId, warnings };
};

/**
 * The legacy mapping tool's total over accounts for one framework, fed one account at a time so the merger never holds
 * more than the sums: only accounts with an `ok` report are added (`no-report` and `error` accounts are left out of
 * every count).
 */
export class FrameworkTotals {
  private readonly totals = new Map<string, PolicyTotals>();
  private accounts = 0;
  readonly warnings: string[] = [];

  /** Adds one account's `ok` report. */
  add(accountId: string, recommendations: readonly Recommendation[]): void {
    const stats = aggregateAccount(accountId, recommendations);
    this.accounts += 1;
    this.warnings.push(...stats.warnings);
    for (const [recId, sums] of stats.byRecId) {
      const total = this.totals.get(recId) ?? {
        compliant: 0,
        nonCompliant: 0,
        couldNotAssess: 0,
        accountsWithViolations: 0,
      };
      total.compliant += sums.compliant;
      total.nonCompliant += sums.nonCompliant;
      total.couldNotAssess += sums.couldNotAssess;
      if (sums.nonCompliant > 0) total.accountsWithViolations += 1;
      this.totals.set(recId, total);
    }
  }

  /** Accounts added so far. */
  get accountsAggregated(): number {
    return this.accounts;
  }

  /** The sums for each of the framework's policy ids (zeros for a policy no account reported). */
  totalsFor(policyIds: readonly string[]): Map<string, PolicyTotals> {
    return new Map(
      policyIds.map((id) => [
        id,
        { ...(this.totals.get(id) ?? { compliant: 0, nonCompliant: 0, couldNotAssess: 0, accountsWithViolations: 0 }) },
      ]),
    );
  }
}

/**
 * Convenience over {@link FrameworkTotals}: the totals of one framework's policies over a set of account results.
 *
 * @example aggregateFramework(['lacework-global-1'], [{ accountId: '1111', result }]).totals.get('lacework-global-1')
 */
export const aggregateFramework = (
  policyIds: readonly string[],
  accounts: readonly { accountId: string; result: LaceworkFrameworkResult }[],
): { totals: Map<string, PolicyTotals>; accountsAggregated: number; warnings: string[] } => {
  const framework = new FrameworkTotals();
  for (const { accountId, result } of accounts) {
    if (result.status === 'ok') framework.add(accountId, result.recommendations);
  }
  return {
    totals: framework.totalsFor(policyIds),
    accountsAggregated: framework.accountsAggregated,
    warnings: framework.warnings,
  };
};
