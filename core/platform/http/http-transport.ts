import { ExternalServiceError, ThrottledError } from '../../shared/errors';
import type { Log } from '../../shared/log.port';
import type { Sleep } from '../../shared/sleep';
import { EMPTY_ANSWER, type ErrorBodyReader, networkFailureCode, parseBody, rawErrorText } from './error-body';
import { Redactor, safeExcerpt } from './redact';
import { serverWaitMs } from './retry-after';
import {
  backoffMs,
  DEFAULT_RETRY_POLICY,
  defaultRetryFailureMessage,
  networkErrorText,
  type RetryFailure,
  type RetryFailureMessage,
  type RetryPolicy,
} from './retry-policy';

/** What an HTTP adapter gets injected by its composition root: `fetch`, a sleep, the policy, its service name. */
export interface HttpCaller {
  fetch: typeof fetch;
  sleep: Sleep;
  /** Service name in errors and log lines (`slack`, `jira`, `lacework`). */
  service: string;
  /** @default - {@link DEFAULT_RETRY_POLICY} */
  policy?: Partial<RetryPolicy>;
  /** Gets a warning before each retry. @default - nothing is logged */
  log?: Log;
  /** Epoch ms, to read a `Retry-After` HTTP date. @default - dates are not read (the backoff applies) */
  now?: () => number;
  /** A float in [0, 1) for full-jitter backoff. @default - no jitter */
  random?: () => number;
}

/** What the adapter of one service knows about it: its secrets and how its error bodies and messages look. */
export interface HttpServiceRules {
  /** The secrets to remove from every error text. @default - none */
  redactor?: Redactor;
  /** @default - the raw text */
  errorBody?: ErrorBodyReader;
  /** Error text is cut to this length, after redaction. @default 500 */
  maxMessageChars?: number;
  /** Read `RateLimit-Reset` when a 429 has no `Retry-After`. @default false */
  rateLimitReset?: boolean;
  /** @default - {@link defaultRetryFailureMessage} */
  failureMessage?: RetryFailureMessage;
}

/** A final answer: any status but 429 and 5xx (those are retried, then thrown). */
export interface HttpAnswer {
  status: number;
  /** Status 200–299. */
  ok: boolean;
  /** The raw body: not redacted (it may be a token answer), never to be quoted in an error. */
  text: string;
  /** The body as JSON, or the raw text when it is not JSON; undefined when empty (and for 204). */
  body: unknown;
  /** The service's error text (see {@link HttpServiceRules.errorBody}), redacted then cut; safe to quote. */
  readonly message: string;
}

/** Sends requests with a per-attempt time limit, bounded retries, and errors that carry no secret. */
export interface HttpTransport {
  /**
   * Sends one request, retrying 429 (waiting `Retry-After`, else the backoff), 5xx and network failures (backoff),
   * within `maxAttempts`; returns the first other answer, whatever its status. Gives up with ThrottledError (429) or
   * a retryable ExternalServiceError (5xx, network); a network failure is named by its code only, never by the
   * error (it may hold the URL or the headers). `what` names the call in messages and must not contain secrets.
   */
  send(what: string, url: string, init: RequestInit): Promise<HttpAnswer>;
}

type Attempt = { kind: 'answer'; answer: HttpAnswer; headers: Headers } | { kind: 'network'; code: string | undefined };

const NETWORK_CODE_MAX_CHARS = 100;

/** The {@link HttpTransport} of one service, on the caller's fetch, sleep and policy. */
export const createHttpTransport = (caller: HttpCaller, rules: HttpServiceRules = {}): HttpTransport => {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...caller.policy };
  const maxAttempts = Math.max(1, policy.maxAttempts);
  const redactor = rules.redactor ?? new Redactor();
  const maxChars = rules.maxMessageChars ?? 500;
  const errorBody = rules.errorBody ?? rawErrorText;
  const failureMessage = rules.failureMessage ?? defaultRetryFailureMessage;

  const toAnswer = (status: number, text: string): HttpAnswer => {
    const body = parseBody(text);
    let message: string | undefined;
    return {
      status,
      ok: status >= 200 && status <= 299,
      text,
      body: status === 204 ? undefined : body,
      get message() {
        message ??= safeExcerpt((errorBody(body, text) ?? text).trim(), redactor, maxChars) || EMPTY_ANSWER;
        return message;
      },
    };
  };

  const attempt = async (url: string, init: RequestInit): Promise<Attempt> => {
    const timeout = policy.timeoutMs > 0 ? AbortSignal.timeout(policy.timeoutMs) : undefined;
    const signal = timeout && init.signal ? AbortSignal.any([timeout, init.signal]) : (timeout ?? init.signal);
    try {
      const response = await caller.fetch(url, signal ? { ...init, signal } : init);
      const text = await response.text();
      return { kind: 'answer', answer: toAnswer(response.status, text), headers: response.headers };
    } catch (error) {
      const code = networkFailureCode(error);
      return {
        kind: 'network',
        code: code === undefined ? undefined : safeExcerpt(code, redactor, NETWORK_CODE_MAX_CHARS),
      };
    }
  };

  const giveUp = (failure: RetryFailure): Error =>
    failure.kind === 'throttled' || failure.kind === 'long-retry-after'
      ? new ThrottledError(failureMessage(failure), { service: caller.service })
      : new ExternalServiceError(failureMessage(failure), { service: caller.service, retryable: true });

  const send = async (what: string, url: string, init: RequestInit): Promise<HttpAnswer> => {
    for (let attempts = 1; ; attempts += 1) {
      const outcome = await attempt(url, init);
      let waitMs = backoffMs(policy, attempts, caller.random);
      let failure: RetryFailure;
      if (outcome.kind === 'network') {
        failure = { what, attempts, kind: 'network', code: outcome.code };
      } else {
        const { answer, headers } = outcome;
        if (answer.status !== 429 && answer.status < 500) return answer;
        if (answer.status === 429) {
          const asked = serverWaitMs(headers, { nowMs: caller.now?.(), rateLimitReset: rules.rateLimitReset });
          const detail = answer.message;
          if (asked !== undefined && asked > policy.maxRetryAfterMs && policy.onLongRetryAfter === 'throw') {
            throw giveUp({ what, attempts, kind: 'long-retry-after', status: 429, detail, waitMs: asked });
          }
          if (asked !== undefined) waitMs = Math.min(asked, policy.maxRetryAfterMs);
          failure = { what, attempts, kind: 'throttled', status: 429, detail };
        } else {
          failure = { what, attempts, kind: 'server', status: answer.status, detail: answer.message };
        }
      }
      if (attempts >= maxAttempts) throw giveUp(failure);
      const reason =
        failure.kind === 'network' ? networkErrorText(failure.code) : `HTTP ${failure.status} ${failure.detail}`;
      caller.log?.warn('retrying a remote call', {
        remoteService: caller.service,
        call: what,
        attempt: attempts,
        waitMs,
        reason,
      });
      await caller.sleep(waitMs);
    }
  };

  return { send };
};
