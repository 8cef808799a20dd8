import type { HistoryKey, LatestKey, MarkerKey } from './model';

/**
 * The compliance events table: one DynamoDB table (on-demand, encrypted, point-in-time recovery, TTL on `expiresAt`),
 * all attributes strings except `expiresAt` (number). The CDK stack creates it from these constants; the adapter and
 * the sandbox build keys with the functions below. Keys are only ever built, never parsed: every value is also stored
 * as its own attribute.
 *
 * | Item            | PK                  | SK                                 | GSI1 (by rule)      | GSI2 (by resource)                  | GSI3 (by status)               |
 * |-----------------|---------------------|------------------------------------|---------------------|-------------------------------------|--------------------------------|
 * | history         | `ACCT#<acct>`       | `EVT#<occurredAt>#<eventId>`       | `RULE#<normalized>` / `<occurredAt>#<acct>#<eventId>` | `RES#<acct>#<region>#<type>#<id>` / `<occurredAt>#<eventId>` | `STATUS#<type>#<yyyy-mm>` / `<occurredAt>#<acct>#<eventId>` |
 * | latest state    | `STATE#<acct>`      | `LATEST#<region>#<rule>#<type>#<id>` | –                 | –                                   | –                              |
 * | score snapshot  | `STATE#<acct>`      | `SCORE#<yyyy-mm-dd>`               | –                   | –                                   | –                              |
 * | account         | `ACCOUNTS`          | `ACCT#<acct>`                      | –                   | –                                   | –                              |
 * | marker          | `MARKER#<kind>#<id>`| `MARKER`                           | –                   | –                                   | –                              |
 *
 * Access patterns: an account's history by time (table), a rule's history across accounts by time (GSI1), one
 * resource's history (GSI2), a compliance type by time in month buckets so no partition grows hot (GSI3), an
 * account's latest states (table, `begins_with(SK, 'LATEST#')`), the known accounts (table), markers by key.
 *
 * Idempotency: the history SK holds the event id and `occurredAt` (the event's ordering time, a function of the event),
 * so a redelivered event maps to the same key and its conditional put (`attribute_not_exists(PK)`) fails: stored once.
 * Ordering: the latest state's put is conditional on the stored `orderingTimestamp` (ISO UTC, compares as a string).
 * History items carry `expiresAt` (TTL); latest states, snapshots and accounts do not; markers expire too.
 */
export const EVENTS_TABLE = {
  /** Environment variable holding the table name. */
  tableNameEnv: 'EVENTS_TABLE_NAME',
  partitionKey: 'PK',
  sortKey: 'SK',
  /** TTL attribute (epoch seconds). */
  ttlAttribute: 'expiresAt',
  /** Global secondary indexes, all projecting ALL attributes. */
  indexes: {
    byRule: { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    byResource: { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    byStatus: { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
  },
} as const;

/** Every GSI, for the CDK stack and the sandbox. */
export const EVENTS_TABLE_INDEXES = Object.values(EVENTS_TABLE.indexes);

/** The `type` attribute of each item kind. */
export const ITEM_TYPES = {
  history: 'history',
  latest: 'latest',
  score: 'score',
  account: 'account',
  marker: 'marker',
} as const;

/** The month bucket (`yyyy-mm`) of an ISO UTC instant, for GSI3. */
export const monthBucket = (isoUtc: string): string => isoUtc.slice(0, 7);

/** Key attributes of a history item (table and all three GSIs). */
export const historyKeys = (
  key: HistoryKey & { region: string; normalizedRuleName: string; resourceType: string; resourceId: string },
  complianceType: string,
): Record<string, string> => ({
  PK: `ACCT#${key.accountId}`,
  SK: `EVT#${key.occurredAt}#${key.eventId}`,
  GSI1PK: `RULE#${key.normalizedRuleName}`,
  GSI1SK: `${key.occurredAt}#${key.accountId}#${key.eventId}`,
  GSI2PK: resourcePartition(key.accountId, key.region, key.resourceType, key.resourceId),
  GSI2SK: `${key.occurredAt}#${key.eventId}`,
  GSI3PK: statusPartition(complianceType, monthBucket(key.occurredAt)),
  GSI3SK: `${key.occurredAt}#${key.accountId}#${key.eventId}`,
});

/** GSI2 partition of one resource. */
export const resourcePartition = (accountId: string, region: string, resourceType: string, resourceId: string) =>
  `RES#${accountId}#${region}#${resourceType}#${resourceId}`;

/** GSI3 partition of a compliance type in a month. */
export const statusPartition = (complianceType: string, month: string) => `STATUS#${complianceType}#${month}`;

/** Partition of an account's history. */
export const historyPartition = (accountId: string) => `ACCT#${accountId}`;

/** Partition of an account's latest states and score snapshots. */
export const statePartition = (accountId: string) => `STATE#${accountId}`;

/** Key of a latest-state item. */
export const latestKey = (k: LatestKey): { PK: string; SK: string } => ({
  PK: statePartition(k.accountId),
  SK: `LATEST#${k.region}#${k.ruleName}#${k.resourceType}#${k.resourceId}`,
});

/** Key of a score snapshot. */
export const scoreKey = (accountId: string, day: string) => ({ PK: statePartition(accountId), SK: `SCORE#${day}` });

/** Key of a known-account item. */
export const accountKey = (accountId: string) => ({ PK: 'ACCOUNTS', SK: `ACCT#${accountId}` });

/** Key of a marker. */
export const markerKey = (m: MarkerKey) => ({ PK: `MARKER#${m.kind}#${m.id}`, SK: 'MARKER' });

/** Sort-key prefixes. */
export const SK_PREFIX = { history: 'EVT#', latest: 'LATEST#', score: 'SCORE#' } as const;
