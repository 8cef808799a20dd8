import { normalizeRuleName } from '../../domain/rule-name';
import type { ComplianceEventStore } from '../event-store.port';
import type { HistoryFilter, HistoryItem, LatestState } from '../model';
import { type AccountScore, computeScore } from '../score';
import { decodeCursor, encodeCursor } from './cursor';
import type { AccountComplianceQuery, EventsQuery } from './events-query.schema';
import { InvalidQueryParameterError } from './query-errors';

/** The store calls the query API makes (key-based reads only). */
export type EventsQueryStore = Pick<ComplianceEventStore, 'queryHistory' | 'queryLatestByAccount'>;

/** One history record as the API returns it (the TTL is storage detail). */
export type EventView = Omit<HistoryItem, 'expiresAt'>;

/** A page of `GET /events`. */
export interface EventsPage {
  items: EventView[];
  /** The page size applied (the requested `limit`, capped). */
  limit: number;
  /** Pass as `cursor` with the same filters for the next page; absent on the last page. */
  nextCursor?: string;
}

/** `GET /accounts/{id}/compliance`: the account's score over all its latest states, and a page of them. */
export interface AccountCompliance {
  accountId: string;
  score: AccountScore;
  states: LatestState[];
  limit: number;
  nextCursor?: string;
}

/** Page size of the full read behind the score. */
const SCORE_PAGE = 1000;

const withoutTtl = ({ expiresAt: _ttl, ...item }: HistoryItem): EventView => item;

/** The filters a cursor of `GET /events` is bound to (everything but `limit` and `cursor`). */
const eventsFilters = (query: EventsQuery) => ({
  account: query.account,
  region: query.region,
  rule: query.rule,
  resourceType: query.resourceType,
  resourceId: query.resourceId,
  complianceType: query.complianceType,
  from: query.from,
  to: query.to,
});

/**
 * `GET /events`: history records matching the filters, newest first.
 * 1. Checks the filters name a key (`account`, `rule`, or `complianceType` with `from`): the API never scans.
 * 2. Checks the time range (`from` before `to`) and decodes the cursor against the filters.
 * 3. Reads one page from the store (it fills the page up to `limit` across DynamoDB pages).
 * 4. Returns the items and, when more may follow, a cursor bound to the filters.
 */
export const queryEvents = async (query: EventsQuery, store: EventsQueryStore): Promise<EventsPage> => {
  const byStatus = query.complianceType !== undefined && query.from !== undefined;
  if (query.account === undefined && query.rule === undefined && !byStatus) {
    throw new InvalidQueryParameterError(
      'account',
      'parameter "account" is required, or "rule", or "complianceType" with "from": the history is read by key, never scanned',
    );
  }
  if (query.from !== undefined && query.to !== undefined && query.from >= query.to) {
    throw new InvalidQueryParameterError(
      'from',
      `parameter "from": got ${query.from}, not before "to" ${query.to}; from is inclusive, to exclusive`,
    );
  }
  const filters = eventsFilters(query);
  const exclusiveStartKey = query.cursor === undefined ? undefined : decodeCursor(query.cursor, filters);
  const filter: HistoryFilter = {
    ...(query.account !== undefined ? { accountId: query.account } : {}),
    ...(query.rule !== undefined ? { normalizedRuleName: normalizeRuleName(query.rule) } : {}),
    ...(query.region !== undefined ? { region: query.region } : {}),
    ...(query.resourceType !== undefined ? { resourceType: query.resourceType } : {}),
    ...(query.resourceId !== undefined ? { resourceId: query.resourceId } : {}),
    ...(query.complianceType !== undefined ? { complianceType: query.complianceType } : {}),
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
    order: 'newest-first',
  };
  const page = await store.queryHistory(filter, {
    limit: query.limit,
    ...(exclusiveStartKey ? { exclusiveStartKey } : {}),
  });
  return {
    items: page.items.map(withoutTtl),
    limit: query.limit,
    ...(page.lastEvaluatedKey ? { nextCursor: encodeCursor(page.lastEvaluatedKey, filters) } : {}),
  };
};

/**
 * `GET /accounts/{id}/compliance`: the account's score (compliant ÷ (compliant + non-compliant) over every latest
 * state, NOT_APPLICABLE excluded, `null` when nothing is scored) and one page of its latest states in key order.
 */
export const getAccountCompliance = async (
  query: AccountComplianceQuery,
  store: EventsQueryStore,
): Promise<AccountCompliance> => {
  const filters = { account: query.id };
  const exclusiveStartKey = query.cursor === undefined ? undefined : decodeCursor(query.cursor, filters);
  const [score, page] = await Promise.all([
    scoreAccount(query.id, store),
    store.queryLatestByAccount(query.id, { limit: query.limit, ...(exclusiveStartKey ? { exclusiveStartKey } : {}) }),
  ]);
  return {
    accountId: query.id,
    score,
    states: page.items,
    limit: query.limit,
    ...(page.lastEvaluatedKey ? { nextCursor: encodeCursor(page.lastEvaluatedKey, filters) } : {}),
  };
};

/** Scores every latest state of the account (one partition, read page by page). */
const scoreAccount = async (accountId: string, store: EventsQueryStore): Promise<AccountScore> => {
  const states: Pick<LatestState, 'complianceType'>[] = [];
  let exclusiveStartKey: Record<string, string | number> | undefined;
  do {
    const page = await store.queryLatestByAccount(accountId, {
      limit: SCORE_PAGE,
      ...(exclusiveStartKey ? { exclusiveStartKey } : {}),
    });
    for (const state of page.items) states.push({ complianceType: state.complianceType });
    exclusiveStartKey = page.lastEvaluatedKey;
  } while (exclusiveStartKey);
  return computeScore(states);
};
