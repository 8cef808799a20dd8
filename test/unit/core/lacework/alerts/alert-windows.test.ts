import { alertWindows } from '../../../../../core/lacework/alerts/alert-windows';
import { ValidationError } from '../../../../../core/shared/errors';

const iso = (windows: { start: Date; end: Date }[]) => windows.map((w) => [w.start.toISOString(), w.end.toISOString()]);

describe('alertWindows', () => {
  it('covers one week with one window from 00:00:00.000Z to 23:59:59.999Z', () => {
    expect(iso(alertWindows({ startDate: '2026-11-02', endDate: '2026-11-08' }))).toEqual([
      ['2026-11-02T00:00:00.000Z', '2026-11-08T23:59:59.999Z'],
    ]);
  });

  it('splits a 20-day range into 3 consecutive windows with no gap or overlap', () => {
    // Act
    const windows = alertWindows({ startDate: '2026-10-30', endDate: '2026-11-18' });

    // Assert
    expect(iso(windows)).toEqual([
      ['2026-10-30T00:00:00.000Z', '2026-11-05T23:59:59.999Z'],
      ['2026-11-06T00:00:00.000Z', '2026-11-12T23:59:59.999Z'],
      ['2026-11-13T00:00:00.000Z', '2026-11-18T23:59:59.999Z'],
    ]);
    for (let i = 1; i < windows.length; i++) {
      expect(windows[i]?.start.getTime()).toBe((windows[i - 1]?.end.getTime() ?? 0) + 1);
    }
  });

  it('covers a single day', () => {
    expect(iso(alertWindows({ startDate: '2026-02-28', endDate: '2026-02-28' }))).toEqual([
      ['2026-02-28T00:00:00.000Z', '2026-02-28T23:59:59.999Z'],
    ]);
  });

  it('splits 14 days into exactly two full windows', () => {
    expect(alertWindows({ startDate: '2026-11-01', endDate: '2026-11-14' })).toHaveLength(2);
  });

  it.each([
    [{ startDate: '2026-11-08', endDate: '2026-11-02' }, 'the start is after the end'],
    [{ startDate: '2026-02-30', endDate: '2026-03-02' }, 'invalid start date "2026-02-30"'],
    [{ startDate: '2026-11-02', endDate: '2026-11-8' }, 'invalid end date "2026-11-8"'],
  ])('throws ValidationError for %j', (range, message) => {
    expect(() => alertWindows(range)).toThrow(ValidationError);
    expect(() => alertWindows(range)).toThrow(message);
  });
});
