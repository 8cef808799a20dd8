import type { AggregateResult } from '../aggregation';
import { accountScoreOf, runFactsOf } from '../run-facts';
import type { ChangeTracker } from './change-tracker';
import { type HistoryEntry, KEY_ENCODING } from './history.schema';
import { encodeKeys } from './resource-keys';

/**
 * This run's `history/<endDate>.json`: totals, scanned accounts with their recording regions, rules with
 * violations, the changes against the previous run and the front-coded non-compliant keys.
 */
export const buildHistoryEntry = (
  run: { runId: string; startDate: string; endDate: string },
  generatedAt: Date,
  result: AggregateResult,
  tracker: ChangeTracker,
): HistoryEntry => {
  const keys = tracker.currentKeys();
  const counts = tracker.counts();
  return {
    ...runFactsOf(run, generatedAt, result),
    accounts: result.accounts.map((a) => ({
      ...accountScoreOf(a),
      regions: [...tracker.scannedRegionsOf(a.accountId)],
    })),
    rules: result.rules.filter((r) => r.nonCompliant > 0).map((r) => ({ rule: r.rule, nonCompliant: r.nonCompliant })),
    changes:
      counts && tracker.previous
        ? {
            previousRunId: tracker.previous.runId,
            previousEndDate: tracker.previous.endDate,
            new: counts.new,
            resolved: counts.resolved,
          }
        : null,
    nonCompliantKeys: { encoding: KEY_ENCODING, count: keys.length, values: encodeKeys(keys) },
  };
};
