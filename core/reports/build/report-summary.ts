import type { z } from 'zod';
import type { LaceworkReports } from '../../domain/lacework-report';
import type { ReportSummary, SummaryChangesSchema, SummaryLaceworkSchema } from '../../domain/report-summary.schema';
import type { AggregateResult } from '../aggregation';
import type { ChangeContextTotals } from '../change-context/change-context-collector';
import type { RunComparison } from '../history/comparison';
import { accountScoreOf, runFactsOf } from '../run-facts';

const changesOf = (comparison: RunComparison | undefined): z.infer<typeof SummaryChangesSchema> =>
  comparison?.previous && comparison.counts
    ? {
        previousRunId: comparison.previous.runId,
        previousEndDate: comparison.previous.endDate,
        scoreChange: comparison.scoreChange,
        new: comparison.counts.new,
        resolved: comparison.counts.resolved,
      }
    : null;

const laceworkOf = (lacework: LaceworkReports): z.infer<typeof SummaryLaceworkSchema> => ({
  frameworks: lacework.frameworks.map((f) => ({
    frameworkName: f.frameworkName,
    policies: f.rows.length,
    policiesWithViolations: f.rows.filter((r) => r.nonCompliantResources > 0).length,
  })),
  alerts: lacework.alerts ? lacework.alerts.rows.length : null,
  errors: lacework.errors,
});

/**
 * Builds summary.json from the aggregates; accounts in account id order, rules worst first; `changes` against the
 * previous run, the Lacework headline and the change context totals when given.
 */
export const buildReportSummary = (
  run: { runId: string; startDate: string; endDate: string },
  generatedAt: Date,
  result: AggregateResult,
  extras: { comparison?: RunComparison; lacework?: LaceworkReports; changeContext?: ChangeContextTotals } = {},
): ReportSummary => {
  const scanned = result.accounts.map((a) => ({
    ...accountScoreOf(a),
    configDisabledRegions: a.configDisabledRegions,
    errors: a.errors,
  }));
  const failed = result.failed.map((f) => ({
    accountId: f.accountId,
    accountName: f.accountName,
    status: 'failed' as const,
    compliant: 0,
    nonCompliant: 0,
    score: null,
    configDisabledRegions: [],
    errors: [f.error],
  }));
  return {
    ...runFactsOf(run, generatedAt, result),
    accounts: [...scanned, ...failed].sort((a, b) => (a.accountId < b.accountId ? -1 : 1)),
    failedAccounts: result.failed,
    rules: result.rules.map(({ rule, compliant, nonCompliant, accountsWithViolations, accountsEvaluated }) => ({
      rule,
      compliant,
      nonCompliant,
      accountsWithViolations,
      accountsEvaluated,
    })),
    changes: changesOf(extras.comparison),
    ...(extras.lacework ? { lacework: laceworkOf(extras.lacework) } : {}),
    ...(extras.changeContext
      ? { changeContext: { ...extras.changeContext, errors: [...extras.changeContext.errors] } }
      : {}),
  };
};
