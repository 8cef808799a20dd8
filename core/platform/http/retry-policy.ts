/** How an HTTP client retries 429 and 5xx answers and network failures. */
export interface RetryPolicy {
  /** Attempts in all, the first included (at least 1). */
  maxAttempts: number;
  /** First backoff for 5xx, network errors and 429 without a wait header; doubles on each retry. */
  baseDelayMs: number;
  /** The longest backoff. */
  maxDelayMs: number;
  /** The longest server-requested wait (`Retry-After`) honoured in process. */
  maxRetryAfterMs: number;
  /**
   * A longer server-requested wait: `throw` a ThrottledError at once (the workflow's Retry waits instead), or `wait`
   * `maxRetryAfterMs` and try again.
   */
  onLongRetryAfter: 'throw' | 'wait';
  /** Time limit of one attempt, body included; 0 for none. */
  timeoutMs: number;
}

/**
 * @default - 4 attempts, 500 ms first backoff (at most 30 s), Retry-After honoured up to 30 s (a longer one throws),
 * no time limit per attempt
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 30_000,
  onLongRetryAfter: 'throw',
  timeoutMs: 0,
};

/**
 * The backoff before retry `attempt` + 1: `baseDelayMs · 2^(attempt − 1)`, at most `maxDelayMs`; with `random` (a
 * float in [0, 1)) full jitter, a uniform draw below that ceiling.
 */
export const backoffMs = (policy: RetryPolicy, attempt: number, random?: () => number): number => {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return random === undefined ? ceiling : Math.floor(random() * ceiling);
};

/** Why a call gave up; {@link RetryFailureMessage} turns it into the error's message. */
export type RetryFailure = {
  /** The call, as named by the caller (`slack webhook post`, `GET /api/v2/Alerts`). */
  what: string;
  /** Attempts made. */
  attempts: number;
} & (
  | { kind: 'throttled'; status: 429; detail: string }
  | { kind: 'long-retry-after'; status: 429; detail: string; waitMs: number }
  | { kind: 'server'; status: number; detail: string }
  | { kind: 'network'; code: string | undefined }
);

/** Builds the message of the error thrown when a call gives up (the error's type is the transport's). */
export type RetryFailureMessage = (failure: RetryFailure) => string;

/** A network failure in messages: `network error ECONNREFUSED`, or `network error` when nothing names it. */
export const networkErrorText = (code: string | undefined): string => `network error${code ? ` ${code}` : ''}`;

/** The default {@link RetryFailureMessage}: the call, the attempts, the status or network code, and what happens next. */
export const defaultRetryFailureMessage: RetryFailureMessage = (failure) => {
  const { what, attempts } = failure;
  switch (failure.kind) {
    case 'long-retry-after':
      return `${what} throttled with Retry-After ${failure.waitMs / 1000} s; the workflow retries later`;
    case 'throttled':
      return `${what} still throttled (HTTP 429) after ${attempts} attempts; the workflow retries later`;
    case 'server':
      return `${what} failed after ${attempts} attempts (HTTP ${failure.status}); the workflow retries later`;
    case 'network':
      return `${what} failed after ${attempts} attempts (${networkErrorText(failure.code)}); the workflow retries later`;
  }
};
