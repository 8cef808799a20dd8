import { ExternalServiceError, ThrottledError } from '../../shared/errors';
import type { Log } from '../../shared/log';

/** Waits `ms` milliseconds; injected so tests run on a fake clock. */
export type Sleep = (ms: number) => Promise<void>;

/** The real {@link Sleep}. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** How an HTTP client retries 429 and 5xx answers and network failures. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff for 5xx, network errors and 429 without `Retry-After`; doubles on each retry. */
  baseDelayMs: number;
  /** The longest `Retry-After` waited in process; a longer one throws ThrottledError at once (the state's Retry waits). */
  maxRetryAfterMs: number;
}

/** @default - 4 attempts, 500 ms first backoff, Retry-After honoured up to 30 s */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxRetryAfterMs: 30_000 };

/** What an HTTP adapter gets injected: `fetch`, a sleep, the policy, and its service name for errors. */
export interface HttpCaller {
  fetch: typeof fetch;
  sleep: Sleep;
  /** Service name in errors (`slack`, `jira`). */
  service: string;
  policy?: Partial<RetryPolicy>;
  log?: Log;
}

/** Replaces every secret in `text` with `[redacted]` (defence in depth for remote error text put in messages). */
export const redact = (text: string, secrets: readonly string[]): string =>
  secrets.filter((s) => s.length > 0).reduce((acc, secret) => acc.split(secret).join('[redacted]'), text);

/** `Retry-After` in milliseconds (delta-seconds form), or `undefined` when absent or unreadable. */
export const retryAfterMs = (header: string | null): number | undefined => {
  if (header === null || !/^\s*\d+(\.\d+)?\s*$/.test(header)) return undefined;
  return Math.round(Number(header) * 1000);
};

const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;

/**
 * Sends one request, retrying what can pass: 429 waits `Retry-After` (seconds) or the backoff, 5xx and network
 * errors back off exponentially, all within `maxAttempts`. Returns the first other response (the caller reads its
 * status). Gives up with ThrottledError (429) or ExternalServiceError `retryable: true` (5xx, network). `what` names
 * the call in messages and must not contain secrets (never a webhook URL or a token).
 */
export const sendWithRetry = async (
  caller: HttpCaller,
  what: string,
  url: string,
  init: RequestInit,
): Promise<Response> => {
  const policy = { ...DEFAULT_RETRY_POLICY, ...caller.policy };
  let last = '';
  for (let attempt = 1; ; attempt += 1) {
    const backoffMs = policy.baseDelayMs * 2 ** (attempt - 1);
    let waitMs = backoffMs;
    try {
      const response = await caller.fetch(url, init);
      if (!isRetryableStatus(response.status)) return response;
      await response.body?.cancel();
      last = `HTTP ${response.status}`;
      if (response.status === 429) {
        const retryAfter = retryAfterMs(response.headers.get('retry-after'));
        if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) {
          throw new ThrottledError(
            `${what} throttled with Retry-After ${retryAfter / 1000} s; the workflow retries later`,
            {
              service: caller.service,
            },
          );
        }
        waitMs = retryAfter ?? backoffMs;
        if (attempt >= policy.maxAttempts) {
          throw new ThrottledError(
            `${what} still throttled (HTTP 429) after ${attempt} attempts; the workflow retries later`,
            {
              service: caller.service,
            },
          );
        }
      }
    } catch (error) {
      if (error instanceof ExternalServiceError) throw error;
      // fetch rejects on network failures; its cause may carry the address, so keep only the code.
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      last = `network error${typeof code === 'string' ? ` ${code}` : ''}`;
    }
    if (attempt >= policy.maxAttempts) {
      throw new ExternalServiceError(`${what} failed after ${attempt} attempts (${last}); the workflow retries later`, {
        service: caller.service,
        retryable: true,
      });
    }
    caller.log?.warn('retrying a remote call', {
      remoteService: caller.service,
      call: what,
      attempt,
      waitMs,
      reason: last,
    });
    await caller.sleep(waitMs);
  }
};
