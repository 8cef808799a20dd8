import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { hasAwsErrorName, toAppError } from '../../platform/aws/aws-errors';
import { type Clock, systemClock } from '../../platform/clock.port';
import type { ComplianceEventStore } from '../event-store.port';
import type {
  HistoryFilter,
  HistoryItem,
  LatestKey,
  LatestState,
  MarkerKey,
  Page,
  PageRequest,
  ScoreSnapshot,
} from '../model';
import {
  accountKey,
  historyKeys,
  ITEM_TYPES,
  latestKey,
  markerKey,
  SK_PREFIX,
  scoreKey,
  statePartition,
} from '../table-design';
import { planHistoryQuery, resumeKeyOf } from './history-query';

/** Attributes that only exist for DynamoDB (keys, item type): stripped when reading items back. */
const STORAGE_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'type'];
/** DynamoDB pages one filtered history query may read before handing back a short page with a resume key. */
const MAX_ROUNDS = 20;

const strip = <T>(raw: Record<string, unknown>): T => {
  const out = { ...raw };
  for (const name of STORAGE_ATTRIBUTES) delete out[name];
  return out as T;
};

/**
 * {@link ComplianceEventStore} on one DynamoDB table (core/events/table-design.ts) through the DocumentClient:
 * conditional puts for idempotency and ordering, Query only (never Scan), strongly consistent reads on the table.
 */
export class DynamoComplianceEventStore implements ComplianceEventStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock = systemClock,
  ) {}

  async putHistory(item: HistoryItem): Promise<'stored' | 'duplicate'> {
    const stored = await this.conditionalPut('PutItem history', {
      ...historyKeys(item, item.complianceType),
      type: ITEM_TYPES.history,
      ...item,
    });
    return stored ? 'stored' : 'duplicate';
  }

  async getLatest(key: LatestKey): Promise<LatestState | undefined> {
    const out = await this.call('GetItem latest', () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: latestKey(key), ConsistentRead: true })),
    );
    return out.Item ? strip<LatestState>(out.Item) : undefined;
  }

  async putLatestIfNewer(item: LatestState, previousOrderingTimestamp?: string): Promise<'updated' | 'stale'> {
    if (previousOrderingTimestamp !== undefined && item.orderingTimestamp <= previousOrderingTimestamp) return 'stale';
    const condition =
      previousOrderingTimestamp === undefined
        ? { ConditionExpression: 'attribute_not_exists(PK)' }
        : {
            ConditionExpression: 'orderingTimestamp = :previous',
            ExpressionAttributeValues: { ':previous': previousOrderingTimestamp },
          };
    const updated = await this.conditionalPut(
      'PutItem latest',
      { ...latestKey(item), type: ITEM_TYPES.latest, ...item },
      condition,
    );
    return updated ? 'updated' : 'stale';
  }

  async queryHistory(filter: HistoryFilter, page: PageRequest): Promise<Page<HistoryItem>> {
    const plan = planHistoryQuery(filter, this.clock.now());
    const newestFirst = (filter.order ?? 'newest-first') === 'newest-first';
    const names: Record<string, string> = { '#pk': plan.partitionKeyName, '#sk': plan.sortKeyName };
    const values: Record<string, unknown> = {};
    const range: string[] = [];
    if (filter.from !== undefined && filter.to !== undefined) {
      range.push('#sk BETWEEN :from AND :to');
    } else if (filter.from !== undefined) range.push('#sk >= :from');
    else if (filter.to !== undefined) range.push('#sk < :to');
    else if (plan.sortPrefix) range.push('begins_with(#sk, :prefix)');
    if (filter.from !== undefined) values[':from'] = `${plan.sortPrefix}${filter.from}`;
    if (filter.to !== undefined) values[':to'] = `${plan.sortPrefix}${filter.to}`;
    if (range[0]?.startsWith('begins_with')) values[':prefix'] = plan.sortPrefix;
    const filterParts = Object.entries(plan.filters).map(([attr, value], i) => {
      names[`#f${i}`] = attr;
      values[`:f${i}`] = value;
      return `#f${i} = :f${i}`;
    });
    if (range.length === 0) delete names['#sk'];
    const filtered = filterParts.length > 0;
    const start = page.exclusiveStartKey;
    let partition = start ? Math.max(0, plan.partitions.indexOf(String(start[plan.partitionKeyName]))) : 0;
    let startKey: Record<string, unknown> | undefined = start;
    const items: HistoryItem[] = [];
    for (let round = 0; partition < plan.partitions.length; round += 1) {
      const remaining = page.limit - items.length;
      const input: QueryCommandInput = {
        TableName: this.tableName,
        ...(plan.indexName ? { IndexName: plan.indexName } : { ConsistentRead: true }),
        KeyConditionExpression: ['#pk = :pk', ...range].join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...values, ':pk': plan.partitions[partition] },
        ...(filtered ? { FilterExpression: filterParts.join(' AND ') } : {}),
        ScanIndexForward: !newestFirst,
        Limit: filtered ? Math.min(1000, Math.max(remaining * 4, 50)) : remaining,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      };
      const out = await this.call('Query history', () => this.client.send(new QueryCommand(input)));
      const rows = out.Items ?? [];
      for (const [i, raw] of rows.entries()) {
        items.push(strip<HistoryItem>(raw));
        if (items.length === page.limit) {
          const more =
            i < rows.length - 1 || out.LastEvaluatedKey !== undefined || partition < plan.partitions.length - 1;
          return more ? { items, lastEvaluatedKey: resumeKeyOf(raw, plan.keyNames) } : { items };
        }
      }
      startKey = out.LastEvaluatedKey;
      if (!startKey) partition += 1;
      else if (round + 1 >= MAX_ROUNDS)
        return { items, lastEvaluatedKey: startKey as Page<HistoryItem>['lastEvaluatedKey'] };
    }
    return { items };
  }

  async queryLatestByAccount(accountId: string, page: PageRequest): Promise<Page<LatestState>> {
    const out = await this.call('Query latest', () =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': statePartition(accountId), ':prefix': SK_PREFIX.latest },
          Limit: page.limit,
          ConsistentRead: true,
          ...(page.exclusiveStartKey ? { ExclusiveStartKey: page.exclusiveStartKey } : {}),
        }),
      ),
    );
    const items = (out.Items ?? []).map((raw) => strip<LatestState>(raw));
    return out.LastEvaluatedKey
      ? { items, lastEvaluatedKey: out.LastEvaluatedKey as Page<LatestState>['lastEvaluatedKey'] }
      : { items };
  }

  async listAccounts(): Promise<string[]> {
    const accounts: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await this.call('Query accounts', () =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': accountKey('').PK },
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        ),
      );
      for (const raw of out.Items ?? []) accounts.push(String(raw.accountId));
      startKey = out.LastEvaluatedKey;
    } while (startKey);
    return accounts;
  }

  async registerAccount(accountId: string, at: string): Promise<void> {
    await this.call('UpdateItem account', () =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: accountKey(accountId),
          UpdateExpression: 'SET #type = :type, accountId = :id, firstSeenAt = if_not_exists(firstSeenAt, :at)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':type': ITEM_TYPES.account, ':id': accountId, ':at': at },
        }),
      ),
    );
  }

  async claimMarker(key: MarkerKey, at: string, expiresAt?: number): Promise<'claimed' | 'already'> {
    const claimed = await this.conditionalPut('PutItem marker', {
      ...markerKey(key),
      type: ITEM_TYPES.marker,
      kind: key.kind,
      id: key.id,
      claimedAt: at,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    });
    return claimed ? 'claimed' : 'already';
  }

  async releaseMarker(key: MarkerKey): Promise<void> {
    await this.call('DeleteItem marker', () =>
      this.client.send(new DeleteCommand({ TableName: this.tableName, Key: markerKey(key) })),
    );
  }

  async putScoreSnapshot(snapshot: ScoreSnapshot): Promise<void> {
    await this.call('PutItem score', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...scoreKey(snapshot.accountId, snapshot.day), type: ITEM_TYPES.score, ...snapshot },
        }),
      ),
    );
  }

  async getScoreSnapshot(accountId: string, day: string): Promise<ScoreSnapshot | undefined> {
    const out = await this.call('GetItem score', () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: scoreKey(accountId, day) })),
    );
    return out.Item ? strip<ScoreSnapshot>(out.Item) : undefined;
  }

  /** A put that must not overwrite (default: the key must be new); false when the condition failed. */
  private async conditionalPut(
    operation: string,
    item: Record<string, unknown>,
    condition: { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> } = {
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  ): Promise<boolean> {
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item, ...condition }));
      return true;
    } catch (error) {
      if (hasAwsErrorName(error, 'ConditionalCheckFailedException')) return false;
      throw toAppError(error, { service: 'dynamodb', operation, target: this.tableName });
    }
  }

  private async call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw toAppError(error, { service: 'dynamodb', operation, target: this.tableName });
    }
  }
}
