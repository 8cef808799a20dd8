import { ValidationError } from '../shared/errors';
import type { ComplianceEventStore } from './event-store.port';
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
import { latestKey, markerKey } from './table-design';

const keyText = (k: { PK: string; SK: string }) => `${k.PK}|${k.SK}`;
const historyId = (h: Pick<HistoryItem, 'accountId' | 'occurredAt' | 'eventId'>) =>
  `${h.accountId}|${h.occurredAt}|${h.eventId}`;

/**
 * The event store in memory, with the DynamoDB adapter's semantics (conditional writes, newest-first history, filled
 * pages, opaque resume keys). For tests and offline runs; `writes` counts every write call.
 */
export class InMemoryComplianceEventStore implements ComplianceEventStore {
  readonly history = new Map<string, HistoryItem>();
  readonly latest = new Map<string, LatestState>();
  readonly markers = new Map<string, string>();
  readonly scores = new Map<string, ScoreSnapshot>();
  readonly accounts = new Set<string>();
  writes = 0;

  async putHistory(item: HistoryItem): Promise<'stored' | 'duplicate'> {
    this.writes += 1;
    const id = historyId(item);
    if (this.history.has(id)) return 'duplicate';
    this.history.set(id, structuredClone(item));
    return 'stored';
  }

  async getLatest(key: LatestKey): Promise<LatestState | undefined> {
    const found = this.latest.get(keyText(latestKey(key)));
    return found ? structuredClone(found) : undefined;
  }

  async putLatestIfNewer(item: LatestState, previousOrderingTimestamp?: string): Promise<'updated' | 'stale'> {
    this.writes += 1;
    const id = keyText(latestKey(item));
    const stored = this.latest.get(id);
    const unchanged =
      previousOrderingTimestamp === undefined
        ? stored === undefined
        : stored?.orderingTimestamp === previousOrderingTimestamp;
    if (!unchanged || (stored && stored.orderingTimestamp >= item.orderingTimestamp)) return 'stale';
    this.latest.set(id, structuredClone(item));
    return 'updated';
  }

  async queryHistory(filter: HistoryFilter, page: PageRequest): Promise<Page<HistoryItem>> {
    if (!filter.accountId && !filter.normalizedRuleName && !(filter.complianceType && filter.from)) {
      throw new ValidationError('history query needs accountId, normalizedRuleName, or complianceType with from');
    }
    const matches = [...this.history.values()]
      .filter(
        (h) =>
          (filter.accountId === undefined || h.accountId === filter.accountId) &&
          (filter.normalizedRuleName === undefined || h.normalizedRuleName === filter.normalizedRuleName) &&
          (filter.region === undefined || h.region === filter.region) &&
          (filter.resourceType === undefined || h.resourceType === filter.resourceType) &&
          (filter.resourceId === undefined || h.resourceId === filter.resourceId) &&
          (filter.complianceType === undefined || h.complianceType === filter.complianceType) &&
          (filter.from === undefined || h.occurredAt >= filter.from) &&
          (filter.to === undefined || h.occurredAt < filter.to),
      )
      .sort((a, b) => (historyId(a) < historyId(b) ? -1 : 1));
    if ((filter.order ?? 'newest-first') === 'newest-first') matches.reverse();
    return this.slice(matches, page, historyId);
  }

  async queryLatestByAccount(accountId: string, page: PageRequest): Promise<Page<LatestState>> {
    const states = [...this.latest.entries()]
      .filter(([, s]) => s.accountId === accountId)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, s]) => s);
    return this.slice(states, page, (s) => keyText(latestKey(s)));
  }

  async listAccounts(): Promise<string[]> {
    return [...this.accounts].sort();
  }

  async registerAccount(accountId: string): Promise<void> {
    this.writes += 1;
    this.accounts.add(accountId);
  }

  async claimMarker(key: MarkerKey, at: string): Promise<'claimed' | 'already'> {
    this.writes += 1;
    const id = keyText(markerKey(key));
    if (this.markers.has(id)) return 'already';
    this.markers.set(id, at);
    return 'claimed';
  }

  async releaseMarker(key: MarkerKey): Promise<void> {
    this.writes += 1;
    this.markers.delete(keyText(markerKey(key)));
  }

  async putScoreSnapshot(snapshot: ScoreSnapshot): Promise<void> {
    this.writes += 1;
    this.scores.set(`${snapshot.accountId}|${snapshot.day}`, { ...snapshot });
  }

  async getScoreSnapshot(accountId: string, day: string): Promise<ScoreSnapshot | undefined> {
    return this.scores.get(`${accountId}|${day}`);
  }

  private slice<T>(all: T[], page: PageRequest, idOf: (t: T) => string): Page<T> {
    const after = page.exclusiveStartKey?.id;
    const start = after === undefined ? 0 : all.findIndex((t) => idOf(t) === after) + 1;
    const items = all.slice(start, start + page.limit).map((t) => structuredClone(t));
    const last = items.at(-1);
    return start + page.limit < all.length && last ? { items, lastEvaluatedKey: { id: idOf(last) } } : { items };
  }
}
