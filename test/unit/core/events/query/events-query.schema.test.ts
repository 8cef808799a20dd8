import {
  AccountComplianceQuerySchema,
  DEFAULT_LIMIT,
  EventsQuerySchema,
  MAX_LIMIT,
  parseQueryParameters,
} from '../../../../../core/events/query/events-query.schema';
import { InvalidQueryParameterError } from '../../../../../core/events/query/query-errors';

const rejectionOf = (raw: Record<string, string>) => {
  try {
    parseQueryParameters(EventsQuerySchema, raw);
  } catch (error) {
    if (error instanceof InvalidQueryParameterError) return { parameter: error.parameter, message: error.message };
    throw error;
  }
  throw new Error('expected a rejection');
};

describe('parseQueryParameters', () => {
  describe('EventsQuerySchema', () => {
    it('applies the default limit and converts instants to ISO UTC', () => {
      // Act
      const query = parseQueryParameters(EventsQuerySchema, {
        account: '111122223333',
        from: '2026-11-01T08:00:00+08:00',
      });

      // Assert
      expect(query).toEqual({ account: '111122223333', from: '2026-11-01T00:00:00.000Z', limit: DEFAULT_LIMIT });
    });

    it('accepts the account resource type, whose service part is empty', () => {
      expect(parseQueryParameters(EventsQuerySchema, { resourceType: 'AWS::::Account' }).resourceType).toBe(
        'AWS::::Account',
      );
    });

    it('caps a limit above the maximum', () => {
      expect(parseQueryParameters(EventsQuerySchema, { account: '111122223333', limit: '5000' }).limit).toBe(MAX_LIMIT);
    });

    it.each([
      ['account', { account: '12345' }, /parameter "account": got "12345"; expected a 12-digit account id/],
      ['region', { region: 'mars' }, /parameter "region": got "mars"; expected a region such as us-east-1/],
      ['resourceType', { resourceType: 'S3' }, /expected a resource type such as aws::s3::bucket/],
      ['complianceType', { complianceType: 'BAD' }, /parameter "complianceType": got "BAD"/],
      ['from', { from: 'yesterday' }, /parameter "from": got "yesterday"; expected an iso 8601 instant/],
      ['to', { to: '2026-13-01' }, /parameter "to"/],
      ['limit', { limit: '0' }, /parameter "limit": got "0"; expected a whole number 1–100/],
      ['limit', { limit: 'ten' }, /parameter "limit": got "ten"/],
    ])('fails naming %s when it is malformed', (parameter, raw, message) => {
      // Act
      const rejection = rejectionOf(raw);

      // Assert
      expect(rejection.parameter).toBe(parameter);
      expect(rejection.message).toMatch(message);
    });

    it('fails naming an unknown parameter', () => {
      expect(rejectionOf({ acount: '111122223333' })).toEqual({
        parameter: 'acount',
        message: 'unknown parameter "acount"; remove it',
      });
    });
  });

  describe('AccountComplianceQuerySchema', () => {
    it('fails naming id when the account id is malformed', () => {
      expect(() => parseQueryParameters(AccountComplianceQuerySchema, { id: 'abc' })).toThrow(
        expect.objectContaining({ parameter: 'id' }),
      );
    });
  });
});
