import { ValidationError } from '../../shared/errors';
import type { AlertWindow } from '../lacework-api.port';

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An inclusive range of UTC days, `YYYY-MM-DD`. */
export interface AlertDateRange {
  startDate: string;
  endDate: string;
}

const parseDay = (date: string, what: string): number => {
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  if (!DATE.test(date) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new ValidationError(`invalid ${what} ${JSON.stringify(date)}: use a calendar date as YYYY-MM-DD`);
  }
  return ms;
};

/**
 * Splits an inclusive range of UTC days into consecutive windows of at most `maxDays` days (the API refuses windows
 * over 7 days): each from `00:00:00.000Z` of its first day to `23:59:59.999Z` of its last, with no gap or overlap.
 * Throws ValidationError for a malformed date or a start after the end.
 *
 * @example alertWindows({ startDate: '2026-11-01', endDate: '2026-11-20' }).length // 3 (7 + 7 + 6 days)
 */
export const alertWindows = ({ startDate, endDate }: AlertDateRange, maxDays = 7): AlertWindow[] => {
  const first = parseDay(startDate, 'start date');
  const last = parseDay(endDate, 'end date');
  if (first > last)
    throw new ValidationError(`invalid date range ${startDate} to ${endDate}: the start is after the end`);
  const windows: AlertWindow[] = [];
  for (let day = first; day <= last; day += maxDays * DAY_MS) {
    const windowLast = Math.min(day + (maxDays - 1) * DAY_MS, last);
    windows.push({ start: new Date(day), end: new Date(windowLast + DAY_MS - 1) });
  }
  return windows;
};
