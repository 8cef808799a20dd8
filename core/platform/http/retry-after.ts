const DELTA_SECONDS = /^\d+(\.\d+)?$/;
/** Every HTTP date form names a day or a month; `Date.parse` alone would read `-1` or `1 2` as dates. */
const NAMES_A_DAY_OR_MONTH = /[A-Za-z]{3}/;

/**
 * A `Retry-After` value in milliseconds: delta-seconds (`7`, `1.5`), or an HTTP date when `nowMs` (epoch ms) is given
 * to measure it against (a date in the past waits 0). `undefined` when absent or unreadable, or a date without `nowMs`.
 */
export const retryAfterMs = (value: string | null | undefined, nowMs?: number): number | undefined => {
  const text = value?.trim();
  if (text === undefined || text === '') return undefined;
  if (DELTA_SECONDS.test(text)) return Math.round(Number(text) * 1000);
  if (nowMs === undefined || !NAMES_A_DAY_OR_MONTH.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
};

/** How {@link serverWaitMs} reads a throttled answer's headers. */
export interface ServerWaitOptions {
  /** Epoch ms, to read a `Retry-After` HTTP date. @default - dates are not read */
  nowMs?: number;
  /** Also read `RateLimit-Reset` (delta-seconds) when `Retry-After` is absent (Lacework sends it). @default false */
  rateLimitReset?: boolean;
}

/** The wait a throttled answer asks for, in ms: `Retry-After`, else (when asked) `RateLimit-Reset`; else undefined. */
export const serverWaitMs = (headers: Headers, options: ServerWaitOptions = {}): number | undefined => {
  const retryAfter = retryAfterMs(headers.get('retry-after'), options.nowMs);
  if (retryAfter !== undefined || options.rateLimitReset !== true) return retryAfter;
  return retryAfterMs(headers.get('ratelimit-reset'));
};
