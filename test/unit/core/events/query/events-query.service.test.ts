import { InMemoryComplianceEventStore } from '../../../../../core/events/in-memory-event-store';
import { EventsQuerySchema, parseQueryParameters } from '../../../../../core/events/query/events-query.schema';
import { getAccountCompliance, queryEvents } from '../../../../../core/events/query/events-query.service';
import { InvalidQueryParameterError } from '../../../../../core/events/query/query-errors';
import { historyItem, latestState } from './history-builders';

const storeWith = async (count: number) => {
  const store = new InMemoryComplianceEventStore();
  for (let n = 0; n < count; n += 1) {
    await store.putHistory(historyItem(n, n % 4 === 0 ? { accountId: '444455556666' } : {}));
  }
  return store;
};

const query = (raw: Record<string, string>) => parseQueryParameters(EventsQuerySchema, raw);

describe('queryEvents', () => {
  it('pages over several pages with nothing missing or repeated, newest first', async () => {
    // Arrange
    const store = await storeWith(230);
    const expected = [...store.history.values()]
      .filter((h) => h.accountId === '111122223333' && h.complianceType === 'NON_COMPLIANT')
      .map((h) => h.eventId)
      .sort()
      .reverse();
    const filters = { account: '111122223333', complianceType: 'NON_COMPLIANT', limit: '20' };

    // Act
    const seen: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      const page = await queryEvents(query({ ...filters, ...(cursor ? { cursor } : {}) }), store);
      seen.push(...page.items.map((i) => i.eventId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);

    // Assert
    expect(expected.length).toBeGreaterThan(100);
    expect(pages).toBe(Math.ceil(expected.length / 20));
    expect(seen).toEqual(expected);
  });

  it('keeps the time range: from inclusive, to exclusive', async () => {
    // Arrange
    const store = await storeWith(30);

    // Act
    const page = await queryEvents(
      query({ rule: 's3-bucket-versioning-enabled', from: '2026-11-01T00:10:00Z', to: '2026-11-01T00:13:00Z' }),
      store,
    );

    // Assert
    expect(page.items.map((i) => i.eventId)).toEqual(['evt-00012', 'evt-00011', 'evt-00010']);
    expect(page.items[0]).not.toHaveProperty('expiresAt');
  });

  it('normalises a raw rule name to the rule across accounts', async () => {
    // Arrange
    const store = await storeWith(5);

    // Act
    const page = await queryEvents(query({ rule: 'securityhub-s3-bucket-versioning-enabled-1a2b3c4d' }), store);

    // Assert
    expect(page.items).toHaveLength(5);
  });

  it('fails on the cursor parameter when a cursor is reused with other filters', async () => {
    // Arrange
    const store = await storeWith(50);
    const first = await queryEvents(query({ account: '111122223333', limit: '5' }), store);

    // Act
    const reuse = queryEvents(query({ account: '444455556666', limit: '5', cursor: first.nextCursor ?? '' }), store);

    // Assert
    await expect(reuse).rejects.toThrow(InvalidQueryParameterError);
    await expect(reuse).rejects.toMatchObject({ parameter: 'cursor' });
  });

  it('accepts the cursor with another limit', async () => {
    // Arrange
    const store = await storeWith(50);
    const first = await queryEvents(query({ account: '111122223333', limit: '5' }), store);

    // Act
    const next = await queryEvents(
      query({ account: '111122223333', limit: '7', cursor: first.nextCursor ?? '' }),
      store,
    );

    // Assert
    expect(next.items).toHaveLength(7);
    expect((next.items[0]?.occurredAt ?? '') < (first.items.at(-1)?.occurredAt ?? '')).toBe(true);
  });

  it('fails naming account when no key filter is given (no scans)', async () => {
    await expect(queryEvents(query({ region: 'us-east-1' }), await storeWith(1))).rejects.toMatchObject({
      parameter: 'account',
    });
  });

  it('reads by compliance type when a start time is given', async () => {
    const page = await queryEvents(
      query({ complianceType: 'COMPLIANT', from: '2026-11-01T00:00:00Z', limit: '3' }),
      await storeWith(30),
    );

    expect(page.items.map((i) => i.complianceType)).toEqual(['COMPLIANT', 'COMPLIANT', 'COMPLIANT']);
  });

  it('fails naming from when the range is empty', async () => {
    const range = { account: '111122223333', from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' };

    await expect(queryEvents(query(range), await storeWith(1))).rejects.toMatchObject({ parameter: 'from' });
  });
});

describe('getAccountCompliance', () => {
  it('scores every latest state and pages through them', async () => {
    // Arrange
    const store = new InMemoryComplianceEventStore();
    const types = ['COMPLIANT', 'COMPLIANT', 'COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'] as const;
    for (let n = 0; n < 25; n += 1) await store.putLatestIfNewer(latestState(n, { complianceType: types[n % 5] }));

    // Act
    const first = await getAccountCompliance({ id: '111122223333', limit: 10 }, store);
    const second = await getAccountCompliance({ id: '111122223333', limit: 10, cursor: first.nextCursor }, store);

    // Assert
    expect(first.score).toEqual({ compliant: 15, nonCompliant: 5, excluded: 5, score: 0.75 });
    expect(first.states).toHaveLength(10);
    expect(second.states.map((s) => s.resourceId)).toEqual(
      Array.from({ length: 10 }, (_, i) => `vol-${String(i + 10).padStart(5, '0')}`),
    );
  });

  it('gives a null score to an account with nothing to score', async () => {
    const result = await getAccountCompliance({ id: '999988887777', limit: 10 }, new InMemoryComplianceEventStore());

    expect(result).toEqual({
      accountId: '999988887777',
      score: { compliant: 0, nonCompliant: 0, excluded: 0, score: null },
      states: [],
      limit: 10,
    });
  });
});
