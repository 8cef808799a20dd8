import { ConfigError, InvalidInputError } from '../shared/errors';

/** An inclusive range of calendar dates `YYYY-MM-DD` in the report time zone. */
export interface DateRange {
  startDate: string;
  endDate: string;
}

/** The longest range a run may cover, in days; a longer one is invalid input. */
export const MAX_RANGE_DAYS = 92;

const DAY_MS = 86_400_000;

const toUtcMidnight = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromUtcMidnight = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The calendar date of `now` in `timeZone` (IANA name), e.g. 2026-11-08T20:00Z is 2026-11-09 in Asia/Hong_Kong.
 * Throws ConfigError for an unknown time zone.
 */
export const localDate = (now: Date, timeZone: string): string => {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch (err) {
    throw new ConfigError(`invalid time zone "${timeZone}": use an IANA name such as Asia/Hong_Kong`, { cause: err });
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
};

/** `date` plus `days` (negative to go back), on the calendar. */
export const addDays = (date: string, days: number): string => fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);

/** Number of days in the inclusive range (`2026-11-02..2026-11-08` → 7). */
export const daysInRange = (range: DateRange): number =>
  Math.round((toUtcMidnight(range.endDate) - toUtcMidnight(range.startDate)) / DAY_MS) + 1;

/** Monday–Sunday week containing `now` in `timeZone`. */
export const currentWeek = (now: Date, timeZone: string): DateRange => {
  const today = localDate(now, timeZone);
  const mondayOffset = (new Date(toUtcMidnight(today)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const startDate = addDays(today, -mondayOffset);
  return { startDate, endDate: addDays(startDate, 6) };
};

/** The Monday–Sunday week before the one containing `now` in `timeZone`: the weekly report's default. */
export const previousWeek = (now: Date, timeZone: string): DateRange => {
  const { startDate } = currentWeek(now, timeZone);
  return { startDate: addDays(startDate, -7), endDate: addDays(startDate, -1) };
};

/** The date fields of the execution input (already schema-checked as real `YYYY-MM-DD` dates). */
export interface DateRangeInput {
  startDate?: string;
  endDate?: string;
  currentWeek?: boolean;
}

/**
 * Resolves the report range from the execution input: both dates as given; `startDate` alone → 7 days from it;
 * `endDate` alone → the 7 days ending on it; `currentWeek` → this Monday–Sunday; nothing → the previous Monday–Sunday.
 * `now` is the reference time (scheduled time of the run) and `timeZone` the report time zone. Throws InvalidInputError
 * when `endDate` is before `startDate`, the range is over {@link MAX_RANGE_DAYS} days, or `currentWeek` is combined
 * with dates.
 */
export const rangeFromInput = (input: DateRangeInput, now: Date, timeZone: string): DateRange => {
  const { startDate, endDate } = input;
  if (input.currentWeek && (startDate || endDate)) {
    throw new InvalidInputError(
      'currentWeek cannot be combined with startDate/endDate; give either the flag or the dates',
    );
  }
  if (input.currentWeek) return currentWeek(now, timeZone);
  let range: DateRange;
  if (startDate && endDate) range = { startDate, endDate };
  else if (startDate) range = { startDate, endDate: addDays(startDate, 6) };
  else if (endDate) range = { startDate: addDays(endDate, -6), endDate };
  else return previousWeek(now, timeZone);

  if (range.endDate < range.startDate) {
    throw new InvalidInputError(`endDate ${range.endDate} is before startDate ${range.startDate}; swap them`);
  }
  const days = daysInRange(range);
  if (days > MAX_RANGE_DAYS) {
    throw new InvalidInputError(
      `date range ${range.startDate}..${range.endDate} spans ${days} days; the maximum is ${MAX_RANGE_DAYS}, split it into shorter runs`,
    );
  }
  return range;
};
