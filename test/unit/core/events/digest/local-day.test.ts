import { localDayOf, localDayRange } from '../../../../../core/events/digest/local-day';

describe('localDayRange', () => {
  it.each([
    ['Asia/Hong_Kong', '2026-11-21', '2026-11-20T16:00:00.000Z', '2026-11-21T16:00:00.000Z'],
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z'],
    ['America/New_York', '2026-07-04', '2026-07-04T04:00:00.000Z', '2026-07-05T04:00:00.000Z'],
    ['UTC', '2026-12-31', '2026-12-31T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ])('maps %s %s to its UTC range', (zone, day, from, to) => {
    // Act
    const range = localDayRange(day, zone);
    // Assert
    expect(range).toEqual({ from, to });
  });
});

describe('localDayOf', () => {
  it('names the local day of an instant on either side of midnight', () => {
    // Act
    const before = localDayOf(new Date('2026-11-21T15:59:59.999Z'), 'Asia/Hong_Kong');
    const after = localDayOf(new Date('2026-11-21T16:00:00.000Z'), 'Asia/Hong_Kong');
    // Assert
    expect([before, after]).toEqual(['2026-11-21', '2026-11-22']);
  });
});
