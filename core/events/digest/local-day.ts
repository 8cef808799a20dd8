/** Offset of `timeZone` from UTC at `instantMs`, in ms (positive east of Greenwich). */
const offsetMs = (instantMs: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
};

/** The local date (`yyyy-mm-dd`) of an instant in `timeZone`. */
export const localDayOf = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/** The date `days` after `day` (`yyyy-mm-dd`, calendar arithmetic). */
export const addDays = (day: string, days: number): string => {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The UTC instant of local midnight starting `day` in `timeZone` (DST-safe: the offset is taken at that instant). */
export const localMidnightUtc = (day: string, timeZone: string): Date => {
  const naive = Date.parse(`${day}T00:00:00.000Z`);
  const first = naive - offsetMs(naive, timeZone);
  const second = naive - offsetMs(first, timeZone);
  return new Date(second);
};

/**
 * The UTC range `[from, to)` of a local day: 24 h in Hong Kong; 23 h or 25 h on New York's DST changes.
 *
 * @example localDayRange('2026-03-08', 'America/New_York') // 05:00Z → 04:00Z next day (23 h)
 */
export const localDayRange = (day: string, timeZone: string): { from: string; to: string } => ({
  from: localMidnightUtc(day, timeZone).toISOString(),
  to: localMidnightUtc(addDays(day, 1), timeZone).toISOString(),
});
