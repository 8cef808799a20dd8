import { decodeCursor, encodeCursor, filterHash } from '../../../../../core/events/query/cursor';
import { InvalidQueryParameterError } from '../../../../../core/events/query/query-errors';

const KEY = { PK: 'ACCT#111122223333', SK: 'EVT#2026-11-01T00:00:00.000Z#evt-1' };

const failureOf = (act: () => unknown): InvalidQueryParameterError => {
  try {
    act();
  } catch (error) {
    if (error instanceof InvalidQueryParameterError) return error;
    throw error;
  }
  throw new Error('expected InvalidQueryParameterError');
};

describe('cursor', () => {
  describe('encodeCursor / decodeCursor', () => {
    it('returns the key it was issued with for the same filters', () => {
      // Arrange
      const filters = { account: '111122223333', region: 'us-east-1' };

      // Act
      const cursor = encodeCursor(KEY, filters);

      // Assert
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(cursor, { region: 'us-east-1', account: '111122223333' })).toEqual(KEY);
    });

    it('ignores filters that are absent', () => {
      const cursor = encodeCursor(KEY, { account: '111122223333', rule: undefined });

      expect(decodeCursor(cursor, { account: '111122223333' })).toEqual(KEY);
    });

    it('fails on the cursor parameter when the filters differ', () => {
      // Arrange
      const cursor = encodeCursor(KEY, { account: '111122223333' });

      // Act
      const error = failureOf(() => decodeCursor(cursor, { account: '111122223333', region: 'eu-west-1' }));

      // Assert
      expect(error.parameter).toBe('cursor');
      expect(error.message).toMatch(/issued for other filters/);
    });

    it.each([
      ['not base64 JSON', 'abc'],
      ['JSON of another shape', Buffer.from('{"k":{}}').toString('base64url')],
      ['a forged hash', Buffer.from(JSON.stringify({ v: 1, k: KEY, f: 'x' })).toString('base64url')],
    ])('fails on the cursor parameter for %s', (_what, cursor) => {
      expect(failureOf(() => decodeCursor(cursor, {})).parameter).toBe('cursor');
    });
  });

  describe('filterHash', () => {
    it('does not depend on key order', () => {
      expect(filterHash({ a: '1', b: 2 })).toBe(filterHash({ b: 2, a: '1' }));
    });

    it('tells a value in another field apart', () => {
      expect(filterHash({ account: '1' })).not.toBe(filterHash({ rule: '1' }));
    });
  });
});
