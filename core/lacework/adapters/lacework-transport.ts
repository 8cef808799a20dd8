import { ExternalServiceError, ThrottledError } from '../../shared/errors';
import type { Log } from '../../shared/log';

/** The `service` of every error this adapter throws. */
export const LACEWORK_SERVICE = 'lacework';

/** One HTTP call, relative to the base URL. */
export interface LaceworkRequest {
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/api/v2/Alerts?startTime=…`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** A final answer: any status but 429 and 5xx (those are retried, then thrown). `body` is undefined for 204/empty. */
export interface LaceworkResponse {
  status: number;
  body: unknown;
  /** The API's error text (`message`, `data.message`), or the raw text when it is not JSON; redacted. */
  message: string;
}

/** Options of {@link LaceworkTransport}. */
export interface LaceworkTransportOptions {
  baseUrl: string;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  maxAttempts: number;
  /** A float in [0, 1) for the backoff jitter. */
  random: () => number;
  /** Epoch ms, to read a `Retry-After` HTTP date. */
  now: () => number;
  timeoutMs: number;
  log: Log;
  /** Removes secrets (the API secret, tokens) from any text that may end up in an error or a log line. */
  redact: (text: string) => string;
}

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 30_000;
/** The longest server-requested wait we honour; longer ones are cut (a Lambda cannot wait an hour). */
const MAX_SERVER_WAIT_MS = 300_000;

/** Seconds from `Retry-After` (seconds or an HTTP date), else `RateLimit-Reset` (seconds), in ms. */
export const serverWaitMs = (headers: Headers, nowMs: number): number | undefined => {
  for (const name of ['retry-after', 'ratelimit-reset']) {
    const value = headers.get(name)?.trim();
    if (value === undefined || value === '') continue;
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_SERVER_WAIT_MS);
    const date = Date.parse(value);
    if (name === 'retry-after' && !Number.isNaN(date)) return Math.min(Math.max(0, date - nowMs), MAX_SERVER_WAIT_MS);
  }
  return undefined;
};

const errorText = (body: unknown, raw: string): string => {
  if (body !== null && typeof body === 'object') {
    const b = body as { message?: unknown; data?: { message?: unknown } };
    if (typeof b.data?.message === 'string') return b.data.message;
    if (typeof b.message === 'string') return b.message;
  }
  return raw.slice(0, 200);
};

const parseBody = (raw: string): unknown => {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
};

/**
 * What went wrong in a fetch failure (`ECONNREFUSED`, `TimeoutError`, `bad port`), without the error itself: it may
 * hold the request and its headers.
 */
const networkCode = (err: unknown): string => {
  const e = err as { name?: unknown; code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const found = [e?.cause?.code, e?.code, e?.cause?.message, e?.name === 'TypeError' ? undefined : e?.name, e?.message];
  const text = found.find((value): value is string => typeof value === 'string' && value !== '');
  return text === undefined ? 'unknown network error' : text.slice(0, 100);
};

/**
 * HTTP with bounded retries for the Lacework API: 429 waits `Retry-After`/`RateLimit-Reset` (else backoff), 5xx and
 * network failures back off exponentially with full jitter. After `maxAttempts` a 429 becomes {@link ThrottledError}
 * and a 5xx or network failure a retryable {@link ExternalServiceError}. Errors never carry the request (headers hold
 * the secret or the token): network failures are rebuilt from their code only.
 */
export class LaceworkTransport {
  constructor(private readonly options: LaceworkTransportOptions) {}

  /** Sends the request, retrying as above; returns the first answer that is neither 429 nor 5xx. */
  async send(request: LaceworkRequest, what: string): Promise<LaceworkResponse> {
    const { maxAttempts, log } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.once(request);
      const last = attempt >= maxAttempts;
      if (outcome.kind === 'answer') return outcome.response;
      if (last) throw this.finalError(outcome, what, attempt);
      const waitMs = outcome.waitMs ?? this.backoffMs(attempt);
      log.warn('lacework call failed; retrying', { call: what, attempt, reason: outcome.reason, waitMs });
      await this.options.sleep(waitMs);
    }
  }

  private async once(request: LaceworkRequest): Promise<Outcome> {
    const { baseUrl, timeoutMs, redact } = this.options;
    let res: Response;
    try {
      res = await this.options.fetch(`${baseUrl}${request.path}`, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      return { kind: 'network', reason: redact(networkCode(err)) };
    }
    let raw: string;
    try {
      raw = await res.text();
    } catch (err) {
      return { kind: 'network', reason: redact(networkCode(err)) };
    }
    const body = parseBody(raw);
    const message = redact(errorText(body, raw));
    if (res.status === 429) {
      return {
        kind: 'throttled',
        reason: `HTTP 429 ${message}`,
        waitMs: serverWaitMs(res.headers, this.options.now()),
      };
    }
    if (res.status >= 500) {
      return { kind: 'server', status: res.status, reason: `HTTP ${res.status} ${message}` };
    }
    return { kind: 'answer', response: { status: res.status, body: res.status === 204 ? undefined : body, message } };
  }

  private backoffMs(attempt: number): number {
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
    return Math.floor(this.options.random() * ceiling);
  }

  private finalError(outcome: Exclude<Outcome, { kind: 'answer' }>, what: string, attempts: number): Error {
    const tries = `after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
    if (outcome.kind === 'throttled') {
      return new ThrottledError(
        `lacework ${what} throttled (${outcome.reason}) ${tries}; wait for the rate limit to reset or let the workflow retry`,
        { service: LACEWORK_SERVICE },
      );
    }
    const reason = outcome.kind === 'server' ? outcome.reason : `network error ${outcome.reason}`;
    return new ExternalServiceError(
      `lacework ${what} failed: ${reason} ${tries}; check the Lacework status or retry later`,
      {
        service: LACEWORK_SERVICE,
        retryable: true,
      },
    );
  }
}

type Outcome =
  | { kind: 'answer'; response: LaceworkResponse }
  | { kind: 'throttled'; reason: string; waitMs: number | undefined }
  | { kind: 'server'; status: number; reason: string; waitMs?: undefined }
  | { kind: 'network'; reason: string; waitMs?: undefined };
