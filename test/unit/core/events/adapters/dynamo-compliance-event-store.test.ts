import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoComplianceEventStore } from '../../../../../core/events/adapters/dynamo-compliance-event-store';
import type { HistoryItem, LatestState } from '../../../../../core/events/model';
import {
  createEventsTable,
  type DynamoSandbox,
  SANDBOX_DYNAMO_CREDENTIALS,
  startDynamoSandbox,
} from '../../../../../sandbox/dynamodb/dynamo-sandbox';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';

const history = (n: number, over: Partial<HistoryItem> = {}): HistoryItem => ({
  accountId: '111111111111',
  occurredAt: new Date(Date.UTC(2026, 10, 1) + n * 3_600_000).toISOString(),
  eventId: `evt-${String(n).padStart(4, '0')}`,
  region: n % 2 === 0 ? 'us-east-1' : 'eu-west-1',
  ruleName: 'securityhub-s3-bucket-public-read-prohibited-a1b2c3d4',
  normalizedRuleName: 's3-bucket-public-read-prohibited',
  resourceType: 'AWS::S3::Bucket',
  resourceId: `bucket-${n % 3}`,
  complianceType: n % 4 === 0 ? 'COMPLIANT' : 'NON_COMPLIANT',
  severity: 'Critical',
  transition: 'new-violation',
  source: 'event',
  ingestedAt: '2026-11-22T00:00:00.000Z',
  expiresAt: 1_900_000_000,
  ...over,
});

const latest = (orderingTimestamp: string, over: Partial<LatestState> = {}): LatestState => ({
  accountId: '111111111111',
  region: 'us-east-1',
  ruleName: 'root-account-mfa-enabled',
  normalizedRuleName: 'root-account-mfa-enabled',
  severity: 'Critical',
  resourceType: 'AWS::::Account',
  resourceId: '111111111111',
  complianceType: 'NON_COMPLIANT',
  orderingTimestamp,
  lastEventId: `e-${orderingTimestamp}`,
  lastTransition: 'new-violation',
  firstSeenAt: orderingTimestamp,
  source: 'event',
  updatedAt: orderingTimestamp,
  ...over,
});

describe('DynamoComplianceEventStore (dynalite)', () => {
  let db: DynamoSandbox;
  let tableCount = 0;
  const freshStore = async () => {
    tableCount += 1;
    const admin = new DynamoDBClient({
      region: db.region,
      endpoint: db.endpoint,
      credentials: SANDBOX_DYNAMO_CREDENTIALS,
    });
    const name = `events-${tableCount}`;
    await createEventsTable(admin, name);
    admin.destroy();
    return new DynamoComplianceEventStore(db.documentClient(), name, new FixedClock('2026-11-22T00:00:00.000Z'));
  };

  beforeAll(async () => {
    db = await startDynamoSandbox();
  });
  afterAll(async () => {
    await db.stop();
  });

  describe('putHistory', () => {
    it('stores an event once and reports the redelivery as a duplicate', async () => {
      // Arrange
      const store = await freshStore();
      // Act
      const first = await store.putHistory(history(1));
      const second = await store.putHistory(history(1));
      // Assert
      expect([first, second]).toEqual(['stored', 'duplicate']);
      const page = await store.queryHistory({ accountId: '111111111111' }, { limit: 10 });
      expect(page.items).toEqual([history(1)]);
    });
  });

  describe('putLatestIfNewer', () => {
    it('updates only from the state read and only forward in time', async () => {
      // Arrange
      const store = await freshStore();
      const t1 = '2026-11-01T00:00:00.000Z';
      const t2 = '2026-11-02T00:00:00.000Z';
      // Act
      const created = await store.putLatestIfNewer(latest(t1));
      const raceLost = await store.putLatestIfNewer(latest(t2));
      const moved = await store.putLatestIfNewer(latest(t2, { complianceType: 'COMPLIANT' }), t1);
      const older = await store.putLatestIfNewer(latest(t1), t2);
      // Assert
      expect([created, raceLost, moved, older]).toEqual(['updated', 'stale', 'updated', 'stale']);
      expect(await store.getLatest(latest(t1))).toEqual(latest(t2, { complianceType: 'COMPLIANT' }));
    });
  });

  describe('queryHistory', () => {
    it('pages newest first through an account with nothing missing or repeated', async () => {
      // Arrange
      const store = await freshStore();
      for (let n = 0; n < 23; n += 1) await store.putHistory(history(n));
      // Act
      const seen: string[] = [];
      let cursor: Record<string, string | number> | undefined;
      let pages = 0;
      do {
        const page = await store.queryHistory(
          { accountId: '111111111111' },
          { limit: 5, ...(cursor ? { exclusiveStartKey: cursor } : {}) },
        );
        seen.push(...page.items.map((i) => i.eventId));
        cursor = page.lastEvaluatedKey;
        pages += 1;
      } while (cursor);
      // Assert
      expect(pages).toBe(5);
      expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `evt-${String(22 - i).padStart(4, '0')}`));
    });

    it('fills pages when filters narrow the key, and honours the time range', async () => {
      // Arrange
      const store = await freshStore();
      for (let n = 0; n < 40; n += 1) await store.putHistory(history(n));
      const filter = {
        accountId: '111111111111',
        region: 'us-east-1',
        complianceType: 'NON_COMPLIANT' as const,
        from: history(4).occurredAt,
        to: history(36).occurredAt,
      };
      // Act
      const first = await store.queryHistory(filter, { limit: 6 });
      const rest = await store.queryHistory(filter, { limit: 50, exclusiveStartKey: first.lastEvaluatedKey });
      // Assert
      const expected = [34, 30, 26, 22, 18, 14, 10, 6].map((n) => `evt-00${String(n).padStart(2, '0')}`);
      expect(first.items).toHaveLength(6);
      expect([...first.items, ...rest.items].map((i) => i.eventId)).toEqual(expected);
      expect(rest.lastEvaluatedKey).toBeUndefined();
    });

    it('reads a rule across accounts, one resource, and a compliance type across month buckets', async () => {
      // Arrange
      const store = await freshStore();
      await store.putHistory(history(1, { accountId: '222222222222' }));
      await store.putHistory(history(2));
      await store.putHistory(history(3, { occurredAt: '2026-12-03T00:00:00.000Z' }));
      // Act
      const byRule = await store.queryHistory(
        { normalizedRuleName: 's3-bucket-public-read-prohibited' },
        { limit: 10 },
      );
      const byResource = await store.queryHistory(
        { accountId: '111111111111', region: 'eu-west-1', resourceType: 'AWS::S3::Bucket', resourceId: 'bucket-0' },
        { limit: 10 },
      );
      const byStatus = await store.queryHistory(
        { complianceType: 'NON_COMPLIANT', from: '2026-10-15T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
        { limit: 2 },
      );
      // Assert
      expect(byRule.items.map((i) => i.eventId)).toEqual(['evt-0003', 'evt-0002', 'evt-0001']);
      expect(byResource.items.map((i) => i.eventId)).toEqual(['evt-0003']);
      expect(byStatus.items.map((i) => i.eventId)).toEqual(['evt-0003', 'evt-0002']);
      expect(byStatus.lastEvaluatedKey).toBeDefined();
    });

    it('throws a ValidationError without a key to query by', async () => {
      // Arrange
      const store = await freshStore();
      // Act
      const act = store.queryHistory({ region: 'us-east-1' }, { limit: 1 });
      // Assert
      await expect(act).rejects.toMatchObject({ name: 'ValidationError' });
    });
  });

  describe('markers, accounts, latest states and scores', () => {
    it('claims a marker once until released, lists accounts, pages latest states and keeps snapshots', async () => {
      // Arrange
      const store = await freshStore();
      const marker = { kind: 'alert' as const, id: 'evt-1' };
      for (let d = 1; d <= 3; d += 1) {
        await store.putLatestIfNewer(latest(`2026-11-0${d}T00:00:00.000Z`, { resourceId: `r${d}` }));
      }
      // Act
      const claims = [await store.claimMarker(marker, 'now', 1), await store.claimMarker(marker, 'now')];
      await store.releaseMarker(marker);
      const reclaimed = await store.claimMarker(marker, 'now');
      await store.registerAccount('222222222222', 'a');
      await store.registerAccount('111111111111', 'b');
      await store.registerAccount('111111111111', 'c');
      const firstPage = await store.queryLatestByAccount('111111111111', { limit: 2 });
      const lastPage = await store.queryLatestByAccount('111111111111', {
        limit: 2,
        exclusiveStartKey: firstPage.lastEvaluatedKey,
      });
      await store.putScoreSnapshot({ accountId: '1', day: '2026-11-21', compliant: 1, nonCompliant: 1, score: 0.5 });
      // Assert
      expect([...claims, reclaimed]).toEqual(['claimed', 'already', 'claimed']);
      expect(await store.listAccounts()).toEqual(['111111111111', '222222222222']);
      expect([...firstPage.items, ...lastPage.items].map((s) => s.resourceId)).toEqual(['r1', 'r2', 'r3']);
      expect(await store.getScoreSnapshot('1', '2026-11-21')).toMatchObject({ score: 0.5 });
      expect(await store.getScoreSnapshot('1', '2026-11-20')).toBeUndefined();
    });
  });
});
