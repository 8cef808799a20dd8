import type { AggregateResult } from '../aggregation';
import type { ChangeCounts, ChangeTracker } from './change-tracker';

/** This run against the previous one: what the Summary tab, summary.html and summary.json show as changes. */
export interface RunComparison {
  /** The previous run, when history had one. */
  previous?: { runId: string; endDate: string; score: number | null };
  /** New / Resolved counts; `null` without a previous run. */
  counts: ChangeCounts | null;
  /** Score now minus score then (ratio points); `null` when either is unknown. */
  scoreChange: number | null;
  /** Per account id, score now minus score then, for accounts scored in both runs. */
  accountScoreChanges: ReadonlyMap<string, number>;
}

/** The comparison of a first run (no history). */
export const NO_COMPARISON: RunComparison = { counts: null, scoreChange: null, accountScoreChanges: new Map() };

const difference = (now: number | null, then: number | null | undefined): number | null =>
  now === null || then === null || then === undefined ? null : now - then;

/** Compares the aggregates with the tracker's previous run. */
export const compareRuns = (result: AggregateResult, tracker: ChangeTracker): RunComparison => {
  const previous = tracker.previous;
  if (!previous) return NO_COMPARISON;
  const accountScoreChanges = new Map<string, number>();
  for (const account of result.accounts) {
    const change = difference(account.score, previous.accounts.get(account.accountId)?.score);
    if (change !== null) accountScoreChanges.set(account.accountId, change);
  }
  return {
    previous: { runId: previous.runId, endDate: previous.endDate, score: previous.totals.score },
    counts: tracker.counts(),
    scoreChange: difference(result.totals.score, previous.totals.score),
    accountScoreChanges,
  };
};
