import {
  addDays,
  currentWeek,
  daysInRange,
  localDate,
  previousWeek,
  rangeFromInput,
} from '../../../../core/domain/date-range';
import { ConfigError, InvalidInputError } from '../../../../core/shared/errors';

const HK = 'Asia/Hong_Kong';

describe('date-range', () => {
  describe('localDate', () => {
    it('returns the calendar date in the time zone', () => {
      expect(localDate(new Date('2026-11-08T20:00:00Z'), HK)).toBe('2026-11-09');
      expect(localDate(new Date('2026-11-08T20:00:00Z'), 'UTC')).toBe('2026-11-08');
      expect(localDate(new Date('2026-11-09T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-08');
    });

    it('throws ConfigError for an unknown time zone', () => {
      expect(() => localDate(new Date(), 'Mars/Olympus')).toThrow(ConfigError);
      expect(() => localDate(new Date(), 'Mars/Olympus')).toThrow('invalid time zone "Mars/Olympus"');
    });
  });

  describe('addDays', () => {
    it('crosses month and year boundaries', () => {
      expect(addDays('2026-12-29', 6)).toBe('2027-01-04');
      expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    });
  });

  describe('daysInRange', () => {
    it('counts both ends', () => {
      expect(daysInRange({ startDate: '2026-11-02', endDate: '2026-11-08' })).toBe(7);
    });
  });

  describe('currentWeek', () => {
    it.each([
      ['2026-11-09T01:00:00Z', '2026-11-09', '2026-11-15'], // Monday 09:00 HK
      ['2026-11-08T15:59:00Z', '2026-11-02', '2026-11-08'], // Sunday 23:59 HK
      ['2026-11-08T16:00:00Z', '2026-11-09', '2026-11-15'], // Monday 00:00 HK (still Sunday in UTC)
    ])('returns the Monday–Sunday week containing %s in Hong Kong', (now, startDate, endDate) => {
      expect(currentWeek(new Date(now), HK)).toEqual({ startDate, endDate });
    });
  });

  describe('previousWeek', () => {
    it('returns the previous Monday–Sunday in the time zone', () => {
      expect(previousWeek(new Date('2026-11-09T01:00:00Z'), HK)).toEqual({
        startDate: '2026-11-02',
        endDate: '2026-11-08',
      });
    });

    it('uses the zone, not UTC, at the week boundary', () => {
      // Sunday 2026-11-08 20:00 UTC is Monday 04:00 in Hong Kong
      const now = new Date('2026-11-08T20:00:00Z');
      expect(previousWeek(now, HK)).toEqual({ startDate: '2026-11-02', endDate: '2026-11-08' });
      expect(previousWeek(now, 'UTC')).toEqual({ startDate: '2026-10-26', endDate: '2026-11-01' });
    });
  });

  describe('rangeFromInput', () => {
    const now = new Date('2026-11-11T02:00:00Z'); // Wednesday in Hong Kong

    it('returns both dates as given', () => {
      expect(rangeFromInput({ startDate: '2026-10-01', endDate: '2026-10-31' }, now, HK)).toEqual({
        startDate: '2026-10-01',
        endDate: '2026-10-31',
      });
    });

    it('makes a 7-day range from startDate alone', () => {
      expect(rangeFromInput({ startDate: '2026-11-02' }, now, HK)).toEqual({
        startDate: '2026-11-02',
        endDate: '2026-11-08',
      });
    });

    it('makes the 7 days ending on endDate alone', () => {
      expect(rangeFromInput({ endDate: '2026-11-08' }, now, HK)).toEqual({
        startDate: '2026-11-02',
        endDate: '2026-11-08',
      });
    });

    it('returns this week for currentWeek and the previous week by default', () => {
      expect(rangeFromInput({ currentWeek: true }, now, HK)).toEqual({
        startDate: '2026-11-09',
        endDate: '2026-11-15',
      });
      expect(rangeFromInput({}, now, HK)).toEqual({ startDate: '2026-11-02', endDate: '2026-11-08' });
    });

    it('accepts exactly 92 days', () => {
      expect(rangeFromInput({ startDate: '2026-01-01', endDate: '2026-04-02' }, now, HK).endDate).toBe('2026-04-02');
    });

    it('throws InvalidInputError when endDate is before startDate', () => {
      expect(() => rangeFromInput({ startDate: '2026-11-08', endDate: '2026-11-01' }, now, HK)).toThrow(
        new InvalidInputError('endDate 2026-11-01 is before startDate 2026-11-08; swap them'),
      );
    });

    it('throws InvalidInputError for a range over 92 days', () => {
      expect(() => rangeFromInput({ startDate: '2026-01-01', endDate: '2026-04-03' }, now, HK)).toThrow(
        'date range 2026-01-01..2026-04-03 spans 93 days; the maximum is 92, split it into shorter runs',
      );
    });

    it('throws InvalidInputError when currentWeek is combined with dates', () => {
      expect(() => rangeFromInput({ currentWeek: true, endDate: '2026-11-08' }, now, HK)).toThrow(InvalidInputError);
    });
  });
});
