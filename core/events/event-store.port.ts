import type {
  HistoryFilter,
  HistoryItem,
  LatestKey,
  LatestState,
  MarkerKey,
  Page,
  PageRequest,
  ScoreSnapshot,
} from './model';

/**
 * The compliance events table (DynamoDB in AWS, dynalite locally), in domain terms. Every method is one key-based
 * access: no scans. Conditional writes carry the idempotency and ordering rules, so services stay simple.
 */
export interface ComplianceEventStore {
  /** Writes a history record unless one with the same event id (and key) exists: `duplicate` then. */
  putHistory(item: HistoryItem): Promise<'stored' | 'duplicate'>;

  /** The latest state of one rule on one resource, strongly consistent; `undefined` when never seen. */
  getLatest(key: LatestKey): Promise<LatestState | undefined>;

  /**
   * Replaces the latest state only if it is still what the caller read (`previousOrderingTimestamp`; absent = no state
   * yet) and `item.orderingTimestamp` is strictly newer. `stale` otherwise: re-read and decide again.
   */
  putLatestIfNewer(item: LatestState, previousOrderingTimestamp?: string): Promise<'updated' | 'stale'>;

  /**
   * History records matching `filter`, newest first by default. Needs `accountId`, `normalizedRuleName` or
   * `resourceId` (with accountId, region, resourceType) as its key; the other fields narrow within that key. Pages are
   * filled up to `limit` (a short page only at the end); resume with `lastEvaluatedKey`.
   */
  queryHistory(filter: HistoryFilter, page: PageRequest): Promise<Page<HistoryItem>>;

  /** The latest states of one account (all regions, rules and resources), in key order. */
  queryLatestByAccount(accountId: string, page: PageRequest): Promise<Page<LatestState>>;

  /** Accounts that ever sent an event (registered when an account's first latest state is written). */
  listAccounts(): Promise<string[]>;

  /** Records an account as known (idempotent). */
  registerAccount(accountId: string, at: string): Promise<void>;

  /** Takes a one-shot marker (alert per event, digest per day); `already` when someone took it first. */
  claimMarker(key: MarkerKey, at: string, expiresAt?: number): Promise<'claimed' | 'already'>;

  /** Gives a marker back (the action after the claim failed, so a retry may take it again). */
  releaseMarker(key: MarkerKey): Promise<void>;

  /** Stores an account's score for a day (overwrites: a rerun of the day's digest writes the same). */
  putScoreSnapshot(snapshot: ScoreSnapshot): Promise<void>;

  /** The account's score snapshot of a day, if any. */
  getScoreSnapshot(accountId: string, day: string): Promise<ScoreSnapshot | undefined>;
}
