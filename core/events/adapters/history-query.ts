import { ValidationError } from '../../shared/errors';
import type { HistoryFilter, PageKey } from '../model';
import {
  EVENTS_TABLE,
  historyPartition,
  monthBucket,
  resourcePartition,
  SK_PREFIX,
  statusPartition,
} from '../table-design';

/** One DynamoDB Query plan for a history filter: which index and partition(s), the sort-key range, the filters. */
export interface HistoryPlan {
  indexName?: string;
  partitionKeyName: string;
  sortKeyName: string;
  /** Partitions to read in order (GSI3 month buckets); one for the other keys. */
  partitions: string[];
  /** Prefix put in front of `from`/`to` on the sort key. */
  sortPrefix: string;
  /** Attribute → value equality filters applied after the key (FilterExpression). */
  filters: Record<string, string>;
  /** Key attribute names of a resume key built from an item. */
  keyNames: string[];
}

const months = (from: string, to: string, newestFirst: boolean): string[] => {
  const out: string[] = [];
  const cursor = new Date(`${monthBucket(from)}-01T00:00:00.000Z`);
  const last = monthBucket(to);
  while (monthBucket(cursor.toISOString()) <= last) {
    out.push(monthBucket(cursor.toISOString()));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return newestFirst ? out.reverse() : out;
};

/**
 * Picks the key for a filter: one resource (GSI2) › one account (table) › one rule (GSI1) › one compliance type in
 * month buckets (GSI3, needs `from`). What the key does not cover becomes an equality filter on top of it.
 */
export const planHistoryQuery = (filter: HistoryFilter, now: Date): HistoryPlan => {
  const { byRule, byResource, byStatus } = EVENTS_TABLE.indexes;
  const base = [EVENTS_TABLE.partitionKey, EVENTS_TABLE.sortKey];
  const rest = (skip: (keyof HistoryFilter)[]): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const name of [
      'accountId',
      'normalizedRuleName',
      'region',
      'resourceType',
      'resourceId',
      'complianceType',
    ] as const) {
      const value = filter[name];
      if (value !== undefined && !skip.includes(name)) out[name] = value;
    }
    return out;
  };
  const { accountId, region, resourceType, resourceId } = filter;
  if (accountId && region && resourceType && resourceId) {
    return {
      indexName: byResource.indexName,
      partitionKeyName: byResource.partitionKey,
      sortKeyName: byResource.sortKey,
      partitions: [resourcePartition(accountId, region, resourceType, resourceId)],
      sortPrefix: '',
      filters: rest(['accountId', 'region', 'resourceType', 'resourceId']),
      keyNames: [...base, byResource.partitionKey, byResource.sortKey],
    };
  }
  if (accountId) {
    return {
      partitionKeyName: EVENTS_TABLE.partitionKey,
      sortKeyName: EVENTS_TABLE.sortKey,
      partitions: [historyPartition(accountId)],
      sortPrefix: SK_PREFIX.history,
      filters: rest(['accountId']),
      keyNames: base,
    };
  }
  if (filter.normalizedRuleName) {
    return {
      indexName: byRule.indexName,
      partitionKeyName: byRule.partitionKey,
      sortKeyName: byRule.sortKey,
      partitions: [`RULE#${filter.normalizedRuleName}`],
      sortPrefix: '',
      filters: rest(['normalizedRuleName']),
      keyNames: [...base, byRule.partitionKey, byRule.sortKey],
    };
  }
  if (filter.complianceType && filter.from) {
    const type = filter.complianceType;
    const to = filter.to ?? now.toISOString();
    return {
      indexName: byStatus.indexName,
      partitionKeyName: byStatus.partitionKey,
      sortKeyName: byStatus.sortKey,
      partitions: months(filter.from, to, (filter.order ?? 'newest-first') === 'newest-first').map((m) =>
        statusPartition(type, m),
      ),
      sortPrefix: '',
      filters: rest(['complianceType']),
      keyNames: [...base, byStatus.partitionKey, byStatus.sortKey],
    };
  }
  throw new ValidationError(
    'history query needs a key: accountId (optionally with region, resourceType and resourceId), normalizedRuleName, or complianceType with from',
  );
};

/** A resume key made of the key attributes of the last item returned (so a page can end mid DynamoDB page). */
export const resumeKeyOf = (raw: Record<string, unknown>, keyNames: readonly string[]): PageKey => {
  const key: PageKey = {};
  for (const name of keyNames) key[name] = raw[name] as string;
  return key;
};
