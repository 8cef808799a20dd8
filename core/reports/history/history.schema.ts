import { z } from 'zod';
import { ACCOUNT_SCORE_SHAPE, CountSchema as Count, RUN_FACTS_SHAPE } from '../../domain/report-summary.schema';

/** What changed since the run before (absent on the first run, when there is nothing to compare with). */
export const RunChangesSchema = z.object({
  previousRunId: z.string(),
  previousEndDate: z.string(),
  /** Non-compliant now, not in the previous run. */
  new: Count,
  /** Non-compliant in the previous run, no longer (among accounts and regions scanned in both runs). */
  resolved: Count,
});
export type RunChanges = z.infer<typeof RunChangesSchema>;

/** Identifies the front coding of `nonCompliantKeys.values` (see `encodeKeys`). */
export const KEY_ENCODING = 'front-coded-v1';

/**
 * `history/<endDate>.json`, version 1: one run's summary for the trend and its non-compliant resource keys for the
 * next run's New / Resolved lists. Keyed by end date: a rerun of the same week replaces the entry, and when two
 * different run ids share an end date the latest write wins (the trend then shows only that run).
 */
export const HistoryEntrySchema = z.object({
  ...RUN_FACTS_SHAPE,
  /** Scanned accounts (ok / partial) with the regions where Config was recording. */
  accounts: z.array(
    z.object({
      ...ACCOUNT_SCORE_SHAPE,
      regions: z.array(z.string()),
    }),
  ),
  /** Normalized rules with at least one non-compliant resource. */
  rules: z.array(z.object({ rule: z.string(), nonCompliant: Count })),
  changes: RunChangesSchema.nullable(),
  /** Sorted `account⇥region⇥rule⇥type⇥id` keys (resource-keys.ts), front coded. */
  nonCompliantKeys: z.object({
    encoding: z.literal(KEY_ENCODING),
    count: Count,
    values: z.array(z.string()),
  }),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** One run on the Trend tab and in summary.html's charts. */
export interface TrendPoint {
  endDate: string;
  runId: string;
  accounts: number;
  compliant: number;
  nonCompliant: number;
  score: number | null;
  /** `null` when that run had no earlier run to compare with. */
  new: number | null;
  resolved: number | null;
}

/** The trend point of a stored entry. */
export const trendPointOf = (entry: Pick<HistoryEntry, 'endDate' | 'runId' | 'totals' | 'changes'>): TrendPoint => ({
  endDate: entry.endDate,
  runId: entry.runId,
  accounts: entry.totals.accounts,
  compliant: entry.totals.compliant,
  nonCompliant: entry.totals.nonCompliant,
  score: entry.totals.score,
  new: entry.changes?.new ?? null,
  resolved: entry.changes?.resolved ?? null,
});
