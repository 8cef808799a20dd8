import type { AggregateResult } from './aggregation';
import type { AccountScore } from './report-model';

/** The facts summary.json and `history/<endDate>.json` both start with (`RUN_FACTS_SHAPE`). */
export const runFactsOf = (
  run: { runId: string; startDate: string; endDate: string },
  generatedAt: Date,
  result: AggregateResult,
) => ({
  schemaVersion: 1 as const,
  runId: run.runId,
  startDate: run.startDate,
  endDate: run.endDate,
  generatedAt: generatedAt.toISOString(),
  totals: result.totals,
});

/** One scanned account's counts and score, as both files record them (`ACCOUNT_SCORE_SHAPE`). */
export const accountScoreOf = (a: AccountScore) => ({
  accountId: a.accountId,
  accountName: a.accountName,
  status: a.status,
  compliant: a.compliant,
  nonCompliant: a.nonCompliant,
  score: a.score,
});
