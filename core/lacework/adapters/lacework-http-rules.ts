import { stringField } from '../../platform/http/error-body';
import { createHttpTransport, type HttpCaller, type HttpTransport } from '../../platform/http/http-transport';
import type { Redactor } from '../../platform/http/redact';
import { networkErrorText, type RetryFailureMessage, type RetryPolicy } from '../../platform/http/retry-policy';

/** The `service` of every error this adapter throws. */
export const LACEWORK_SERVICE = 'lacework';

/**
 * Lacework's retry policy: backoff from 1 s (at most 30 s, full jitter), and a `Retry-After` or `RateLimit-Reset`
 * waited up to 5 min (a longer one is cut: a Lambda cannot wait an hour).
 */
export const laceworkRetryPolicy = (maxAttempts: number, timeoutMs: number): RetryPolicy => ({
  maxAttempts,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 300_000,
  onLongRetryAfter: 'wait',
  timeoutMs,
});

/** The API's error text: `data.message`, else `message`, else undefined (the raw text). */
const laceworkErrorBody = (body: unknown): string | undefined =>
  stringField(body !== null && typeof body === 'object' ? (body as { data?: unknown }).data : undefined, 'message') ??
  stringField(body, 'message');

/** The messages of the errors a Lacework call gives up with. */
const laceworkFailureMessage: RetryFailureMessage = (failure) => {
  const { what, attempts } = failure;
  const tries = `after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  switch (failure.kind) {
    case 'throttled':
      return `lacework ${what} throttled (HTTP 429 ${failure.detail}) ${tries}; wait for the rate limit to reset or let the workflow retry`;
    case 'long-retry-after':
      return `lacework ${what} throttled (HTTP 429 ${failure.detail}) with Retry-After ${failure.waitMs / 1000} s; wait for the rate limit to reset or let the workflow retry`;
    case 'server':
      return `lacework ${what} failed: HTTP ${failure.status} ${failure.detail} ${tries}; check the Lacework status or retry later`;
    case 'network':
      return `lacework ${what} failed: ${networkErrorText(failure.code)} ${tries}; check the Lacework status or retry later`;
  }
};

/**
 * The transport of the Lacework API: bounded retries of 429 (honouring `Retry-After` in seconds or as an HTTP date,
 * else `RateLimit-Reset`), 5xx and network failures; error texts are the API's `message`, with every secret in
 * `redactor` (the API secret, each token as it is issued) removed before they are cut to 200 characters.
 */
export const createLaceworkTransport = (caller: HttpCaller, redactor: Redactor): HttpTransport =>
  createHttpTransport(caller, {
    redactor,
    errorBody: laceworkErrorBody,
    maxMessageChars: 200,
    rateLimitReset: true,
    failureMessage: laceworkFailureMessage,
  });
