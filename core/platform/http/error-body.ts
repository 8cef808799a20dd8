/**
 * Turns an answer's body into the service's error text (Jira's `errorMessages`, Lacework's `message`, Slack's
 * `error`), or `undefined` to fall back to the raw text. `body` is the parsed JSON, or the raw text when it is not
 * JSON, or `undefined` when empty. The result is redacted and cut afterwards: the function may return it whole.
 */
export type ErrorBodyReader = (body: unknown, raw: string) => string | undefined;

/** The default {@link ErrorBodyReader}: the raw text. */
export const rawErrorText: ErrorBodyReader = () => undefined;

/** What an answer with no readable error text is called in messages. */
export const EMPTY_ANSWER = 'empty answer';

/** A body as JSON, or the raw text when it is not JSON, or `undefined` when it is blank. */
export const parseBody = (raw: string): unknown => {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
};

/** The string at `key` of a JSON object body, else undefined: the usual building block of an {@link ErrorBodyReader}. */
export const stringField = (body: unknown, key: string): string | undefined => {
  if (body === null || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
};

/**
 * What went wrong in a fetch failure (`ECONNREFUSED`, `TimeoutError`, `bad port`), without the error itself: it may
 * hold the request, its URL and its headers. `undefined` when the error names nothing.
 */
export const networkFailureCode = (error: unknown): string | undefined => {
  const e = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  const found = [e?.cause?.code, e?.code, e?.cause?.message, e?.name === 'TypeError' ? undefined : e?.name, e?.message];
  return found.find((value): value is string => typeof value === 'string' && value !== '');
};
