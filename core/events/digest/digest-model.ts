import type { HistoryItem, LatestState } from '../model';
import type { AccountScore } from '../score';

/** One account's part of a daily digest. */
export interface AccountDigest {
  accountId: string;
  /** New and reopened violations recorded that day (events). */
  opened: HistoryItem[];
  /** Violations resolved that day (events). */
  resolved: HistoryItem[];
  /** Differences the reconciliation wrote that day (never alerted). */
  reconciled: HistoryItem[];
  /** Latest states failing now, oldest first, with their age in whole days. */
  stillOpen: { state: LatestState; ageDays: number }[];
  /** Rules with the most open violations: normalised name and count, most first. */
  topRules: { rule: string; count: number }[];
  score: AccountScore;
  /** Score of the day before, if a snapshot exists (`null` score: it was n/a). */
  previousScore?: number | null;
}

/** A whole digest: a local day in a time zone, and the accounts with anything to say. */
export interface Digest {
  day: string;
  timeZone: string;
  accounts: AccountDigest[];
}
