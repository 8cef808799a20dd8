import type { z } from 'zod';
import type { ObjectStore } from '../../platform/storage/object-store.port';
import type { Log } from '../../shared/log.port';
import type { AccountScore, ReportTotals } from '../report-model';
import { HistoryEntrySchema, type TrendPoint, trendPointOf } from './history.schema';
import { decodeKeys, sortUnique } from './resource-keys';

/** The run before this one, with what New / Resolved and score changes need. */
export interface PreviousRun {
  runId: string;
  endDate: string;
  totals: ReportTotals;
  /** Scanned accounts of that run by id: name, score and the regions where Config was recording. */
  accounts: ReadonlyMap<string, Pick<AccountScore, 'accountName' | 'score'> & { regions: readonly string[] }>;
  /** Its non-compliant resource keys, sorted and unique. */
  keys: readonly string[];
}

/** What the merger knows about earlier runs. */
export interface EarlierRuns {
  /** Earlier runs, oldest first (at most the limit asked for). */
  trend: TrendPoint[];
  previous?: PreviousRun;
}

/** How many earlier runs the trend shows (with this run: 12). */
export const TREND_EARLIER_RUNS = 11;

const HISTORY_PREFIX = 'history/';
const HISTORY_KEY = /^history\/(\d{4}-\d{2}-\d{2})\.json$/;

/** Without the keys: older entries only feed the trend, so their 200,000 keys are not validated. */
const TrendEntrySchema = HistoryEntrySchema.omit({ nonCompliantKeys: true });

type EntryRead = { ok: true; entry: z.infer<typeof TrendEntrySchema>; keys?: string[] } | { ok: false; reason: string };

const issuesOf = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.message} at ${i.path.join('.') || '(root)'}`).join('; ');

/** Reads one entry; with `withKeys` also validates and decodes its keys. Never throws. */
const readEntry = async (store: ObjectStore, key: string, withKeys: boolean): Promise<EntryRead> => {
  let json: unknown;
  try {
    const text = await store.getText(key);
    if (text === undefined) return { ok: false, reason: 'missing' };
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not readable: ${(error as Error).message}` };
  }
  if (!withKeys) {
    const parsed = TrendEntrySchema.safeParse(json);
    return parsed.success
      ? { ok: true, entry: parsed.data }
      : { ok: false, reason: `invalid: ${issuesOf(parsed.error)}` };
  }
  const parsed = HistoryEntrySchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `invalid: ${issuesOf(parsed.error)}` };
  try {
    return { ok: true, entry: parsed.data, keys: sortUnique(decodeKeys(parsed.data.nonCompliantKeys.values)) };
  } catch (error) {
    return { ok: false, reason: `invalid keys: ${(error as Error).message}` };
  }
};

/**
 * Reads the runs before `run` from `history/`: entries whose end date is earlier than the run's (the run's own entry
 * and any other entry of the same run id are ignored), newest first, one file at a time. The newest valid entry is the
 * previous run (its keys decoded); up to `limit` entries make the trend. A missing, unreadable or invalid file is
 * skipped with a warning: history never fails a run.
 */
export const readEarlierRuns = async (
  store: ObjectStore,
  run: { runId: string; endDate: string },
  log: Log,
  limit = TREND_EARLIER_RUNS,
): Promise<EarlierRuns> => {
  const candidates: { key: string; endDate: string }[] = [];
  try {
    for await (const key of store.list(HISTORY_PREFIX)) {
      const endDate = HISTORY_KEY.exec(key)?.[1];
      if (endDate !== undefined && endDate < run.endDate) candidates.push({ key, endDate });
    }
  } catch (error) {
    log.warn('history not listed; no trend or changes this run', { error: (error as Error).message });
    return { trend: [] };
  }
  candidates.sort((a, b) => (a.endDate < b.endDate ? 1 : -1));

  const trend: TrendPoint[] = [];
  let previous: PreviousRun | undefined;
  for (const { key, endDate } of candidates) {
    if (trend.length >= limit) break;
    const read = await readEntry(store, key, previous === undefined);
    if (!read.ok || read.entry.runId === run.runId) {
      log.warn('history entry skipped', { key, reason: read.ok ? 'same run id as this run' : read.reason });
      continue;
    }
    const { entry } = read;
    if (!previous && read.keys) {
      const accounts = new Map(entry.accounts.map((a) => [a.accountId, a]));
      previous = { runId: entry.runId, endDate, totals: entry.totals, accounts, keys: read.keys };
    }
    trend.push(trendPointOf({ ...entry, endDate }));
  }
  return { trend: trend.reverse(), previous };
};
