import { z } from 'zod';
import type { AggregateResult } from '../reports/aggregation';
import type { ChangeContextTotals } from '../reports/change-context/change-context-collector';
import type { RunComparison } from '../reports/history/comparison';
import type { LaceworkReports } from './lacework-report';
import { PhaseSchema, ScanStatusSchema } from './partial.schema';

/** A score in [0, 1]; `null` when nothing was evaluated. */
export const ScoreSchema = z.number().min(0).max(1).nullable();
/** A non-negative integer count. */
export const CountSchema = z.number().int().nonnegative();

/** Run-wide totals, in summary.json and in the Build reports output. */
export const ReportTotalsSchema = z.object({
  accounts: CountSchema,
  scanned: CountSchema,
  failed: CountSchema,
  compliant: CountSchema,
  nonCompliant: CountSchema,
  /** compliant ÷ (compliant + nonCompliant); `null` when nothing was evaluated. */
  score: ScoreSchema,
  /** Account × region pairs where AWS Config is not recording. */
  configDisabledRegions: CountSchema,
});

/** An account without usable data and why (a Failed accounts row). */
export const FailedAccountSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  phase: PhaseSchema,
  error: z.string(),
});

/** Changes since the previous run (summary.json); `null` on a first run. */
export const SummaryChangesSchema = z
  .object({
    previousRunId: z.string(),
    previousEndDate: z.string(),
    scoreChange: z.number().nullable(),
    new: CountSchema,
    resolved: CountSchema,
  })
  .nullable();

/** Lacework headline per framework (summary.json); absent when the run has no Lacework part. */
export const SummaryLaceworkSchema = z.object({
  frameworks: z.array(
    z.object({
      frameworkName: z.string(),
      policies: CountSchema,
      policiesWithViolations: CountSchema,
    }),
  ),
  alerts: CountSchema.nullable(),
  errors: z.array(z.string()),
});

/** Trace changes' headline: traced resources, untraced by reason, left out by the bound, findings by severity. */
export const SummaryChangeContextSchema = z.object({
  /** Accounts with a usable trace file. */
  accounts: CountSchema,
  traced: CountSchema,
  untraced: z.record(z.string(), CountSchema),
  notTraced: CountSchema,
  findings: z.record(z.string(), CountSchema),
  /** Unusable trace files and the step's own errors. */
  errors: z.array(z.string()),
});

/** The facts every run file starts with: summary.json and `history/<endDate>.json`. */
export const RUN_FACTS_SHAPE = {
  schemaVersion: z.literal(1),
  runId: z.string().min(1),
  startDate: z.string(),
  endDate: z.string(),
  generatedAt: z.string(),
  totals: ReportTotalsSchema,
};

/** One account's counts and score, as summary.json and the history entries record them. */
export const ACCOUNT_SCORE_SHAPE = {
  accountId: z.string(),
  accountName: z.string(),
  status: ScanStatusSchema,
  compliant: CountSchema,
  nonCompliant: CountSchema,
  score: ScoreSchema,
};

/**
 * `reports/<endDate>/<runId>/summary.json`, version 1: the run's facts for trends, Slack and Jira. `accounts` lists
 * every account of the run (failed ones with `status: failed`, zero counts and `score: null`); `failedAccounts` says why.
 */
export const ReportSummarySchema = z.object({
  ...RUN_FACTS_SHAPE,
  accounts: z.array(
    z.object({
      ...ACCOUNT_SCORE_SHAPE,
      configDisabledRegions: z.array(z.string()),
      errors: z.array(z.string()),
    }),
  ),
  failedAccounts: z.array(FailedAccountSchema),
  rules: z.array(
    z.object({
      rule: z.string(),
      compliant: CountSchema,
      nonCompliant: CountSchema,
      accountsWithViolations: CountSchema,
      accountsEvaluated: CountSchema,
    }),
  ),
  /** Added with history (optional, so older summaries still parse). */
  changes: SummaryChangesSchema.optional(),
  lacework: SummaryLaceworkSchema.optional(),
  /** Added with Trace changes (optional, so older summaries still parse). */
  changeContext: SummaryChangeContextSchema.optional(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

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
    accountId: a.accountId,
    accountName: a.accountName,
    status: a.status,
    compliant: a.compliant,
    nonCompliant: a.nonCompliant,
    score: a.score,
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
    schemaVersion: 1,
    runId: run.runId,
    startDate: run.startDate,
    endDate: run.endDate,
    generatedAt: generatedAt.toISOString(),
    totals: result.totals,
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
