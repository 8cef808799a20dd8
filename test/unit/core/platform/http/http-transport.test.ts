import { createHttpTransport, type HttpCaller } from '../../../../../core/platform/http/http-transport';
import { Redactor } from '../../../../../core/platform/http/redact';
import { ExternalServiceError, ThrottledError } from '../../../../../core/shared/errors';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';

/** A fetch answering from a list, recording every URL. */
const scriptedFetch = (answers: (() => Response)[]) => {
  const calls: string[] = [];
  const fetchFn = (async (url: string | URL | Request) => {
    calls.push(String(url));
    const next = answers.shift();
    if (!next) throw new Error('no scripted answer left');
    return next();
  }) as typeof fetch;
  return { fetchFn, calls };
};

const caller = (fetchFn: typeof fetch, waits: number[]): HttpCaller => ({
  fetch: fetchFn,
  sleep: async (ms) => {
    waits.push(ms);
  },
  service: 'slack',
  policy: { maxAttempts: 3, baseDelayMs: 100, maxRetryAfterMs: 30_000 },
});

/** One request through a transport built on `caller` with the default rules. */
const send = (caller: HttpCaller, what: string, url: string, init: RequestInit) =>
  createHttpTransport(caller).send(what, url, init);

describe('HttpTransport.send', () => {
  it('waits exactly Retry-After on a 429 and then returns the answer', async () => {
    // Arrange
    const waits: number[] = [];
    const { fetchFn } = scriptedFetch([
      () => new Response('rate_limited', { status: 429, headers: { 'retry-after': '7' } }),
      () => new Response('ok', { status: 200 }),
    ]);

    // Act
    const answer = await send(caller(fetchFn, waits), 'slack webhook post', 'https://h/secret', {
      method: 'POST',
    });

    // Assert
    expect(answer.text).toBe('ok');
    expect(waits).toEqual([7000]);
  });

  it('backs off exponentially on 5xx and throws a retryable ExternalServiceError after the last attempt', async () => {
    // Arrange
    const waits: number[] = [];
    const { fetchFn, calls } = scriptedFetch([1, 2, 3].map(() => () => new Response('', { status: 503 })));

    // Act
    const outcome = send(caller(fetchFn, waits), 'jira issue create', 'https://h/x', { method: 'POST' });

    // Assert
    await expect(outcome).rejects.toMatchObject({
      name: 'ExternalServiceError',
      retryable: true,
      message: 'jira issue create failed after 3 attempts (HTTP 503); the workflow retries later',
    });
    await expect(outcome).rejects.toBeInstanceOf(ExternalServiceError);
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([100, 200]);
  });

  it('throws ThrottledError at once when Retry-After is longer than the in-process limit', async () => {
    // Arrange
    const waits: number[] = [];
    const { fetchFn } = scriptedFetch([() => new Response('', { status: 429, headers: { 'retry-after': '120' } })]);

    // Act
    const outcome = send(caller(fetchFn, waits), 'slack webhook post', 'https://h/x', {});

    // Assert
    await expect(outcome).rejects.toBeInstanceOf(ThrottledError);
    expect(waits).toEqual([]);
  });

  it('retries network failures without quoting the address', async () => {
    // Arrange
    const waits: number[] = [];
    const failing = (async () => {
      throw new TypeError('fetch failed', {
        cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED https://h/secret' },
      });
    }) as unknown as typeof fetch;

    // Act
    const outcome = send(caller(failing, waits), 'slack webhook post', 'https://h/secret', {});

    // Assert
    await expect(outcome).rejects.toThrow('slack webhook post failed after 3 attempts (network error ECONNREFUSED)');
    await expect(outcome).rejects.not.toThrow(/secret/);
  });
});

describe('HttpTransport retry rules', () => {
  const NOW = Date.parse('2026-10-21T07:27:50.000Z');

  it('reads a Retry-After HTTP date when the caller has a clock, and backs off without one', async () => {
    // Arrange
    const dated = () => new Response('', { status: 429, headers: { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' } });
    const withClock: number[] = [];
    const withoutClock: number[] = [];
    const first = scriptedFetch([dated, () => new Response('ok')]);
    const second = scriptedFetch([dated, () => new Response('ok')]);

    // Act
    await send({ ...caller(first.fetchFn, withClock), now: () => NOW }, 'call', 'https://h/x', {});
    await send(caller(second.fetchFn, withoutClock), 'call', 'https://h/x', {});

    // Assert
    expect(withClock).toEqual([10_000]);
    expect(withoutClock).toEqual([100]);
  });

  it('waits RateLimit-Reset only for a service whose rules read it', async () => {
    // Arrange
    const reset = () => new Response('', { status: 429, headers: { 'ratelimit-reset': '16' } });
    const reading: number[] = [];
    const ignoring: number[] = [];
    const first = scriptedFetch([reset, () => new Response('ok')]);
    const second = scriptedFetch([reset, () => new Response('ok')]);

    // Act
    await createHttpTransport(caller(first.fetchFn, reading), { rateLimitReset: true }).send('call', 'https://h', {});
    await createHttpTransport(caller(second.fetchFn, ignoring)).send('call', 'https://h', {});

    // Assert
    expect(reading).toEqual([16_000]);
    expect(ignoring).toEqual([100]);
  });

  it('cuts a long Retry-After to the limit when the policy says wait', async () => {
    // Arrange
    const waits: number[] = [];
    const { fetchFn } = scriptedFetch([
      () => new Response('', { status: 429, headers: { 'retry-after': '3600' } }),
      () => new Response('ok'),
    ]);
    const patient: HttpCaller = {
      ...caller(fetchFn, waits),
      policy: { maxRetryAfterMs: 300_000, onLongRetryAfter: 'wait' },
    };

    // Act
    const answer = await send(patient, 'call', 'https://h/x', {});

    // Assert
    expect(answer.status).toBe(200);
    expect(waits).toEqual([300_000]);
  });

  it('draws full-jitter backoff under a ceiling that doubles up to maxDelayMs', async () => {
    // Arrange
    const waits: number[] = [];
    const { fetchFn } = scriptedFetch([1, 2, 3, 4, 5].map(() => () => new Response('', { status: 502 })));
    const jittered: HttpCaller = {
      ...caller(fetchFn, waits),
      policy: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 3000 },
      random: () => 0.5,
    };

    // Act
    const outcome = send(jittered, 'call', 'https://h/x', {});

    // Assert
    await expect(outcome).rejects.toBeInstanceOf(ExternalServiceError);
    expect(waits).toEqual([500, 1000, 1500, 1500]);
  });

  it('ends an attempt at the time limit and names it TimeoutError', async () => {
    // Arrange
    const waits: number[] = [];
    const hanging = ((_url: string, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as typeof fetch;
    const limited: HttpCaller = {
      ...caller(hanging, waits),
      policy: { maxAttempts: 2, baseDelayMs: 1, timeoutMs: 20 },
    };

    // Act
    const outcome = send(limited, 'slack webhook post', 'https://h/x', {});

    // Assert
    await expect(outcome).rejects.toThrow('slack webhook post failed after 2 attempts (network error TimeoutError)');
    expect(waits).toEqual([1]);
  });

  it('logs each retry with the service, the call and the reason', async () => {
    // Arrange
    const log = new RecordingLog();
    const { fetchFn } = scriptedFetch([() => new Response('busy', { status: 503 }), () => new Response('ok')]);

    // Act
    await send({ ...caller(fetchFn, []), log }, 'jira issue create', 'https://h/x', {});

    // Assert
    expect(log.at('warn')).toEqual([
      {
        level: 'warn',
        message: 'retrying a remote call',
        extra: { remoteService: 'slack', call: 'jira issue create', attempt: 1, waitMs: 100, reason: 'HTTP 503 busy' },
      },
    ]);
  });
});

describe('HttpTransport answers', () => {
  const SECRET = 'xoxb-SECRET-0123456789';

  it('parses the body and reads the error text with the service reader', async () => {
    // Arrange
    const { fetchFn } = scriptedFetch([
      () => new Response(JSON.stringify({ ok: false, error: 'invalid_auth' }), { status: 200 }),
    ]);
    const transport = createHttpTransport(caller(fetchFn, []), {
      errorBody: (body) => (body as { error?: string }).error,
    });

    // Act
    const answer = await transport.send('call', 'https://h/x', {});

    // Assert
    expect(answer).toMatchObject({ status: 200, ok: true, body: { ok: false, error: 'invalid_auth' } });
    expect(answer.message).toBe('invalid_auth');
  });

  it('calls a blank answer an empty answer, with no body', async () => {
    // Arrange
    const { fetchFn } = scriptedFetch([() => new Response(' ', { status: 400 })]);

    // Act
    const answer = await send(caller(fetchFn, []), 'call', 'https://h/x', {});

    // Assert
    expect(answer).toMatchObject({ status: 400, ok: false, body: undefined, message: 'empty answer' });
  });

  it('redacts the error text before cutting it, so a secret across the cut leaves no part of itself', async () => {
    // Arrange
    const { fetchFn } = scriptedFetch([() => new Response(`${'x'.repeat(90)}${SECRET}`, { status: 400 })]);
    const transport = createHttpTransport(caller(fetchFn, []), {
      redactor: new Redactor([SECRET]),
      maxMessageChars: 100,
    });

    // Act
    const answer = await transport.send('call', 'https://h/x', {});

    // Assert
    expect(answer.message).toBe(`${'x'.repeat(90)}[redacted]`);
    expect(answer.message).not.toContain(SECRET.slice(0, 4));
  });

  it('redacts secrets registered after the transport was built from errors and network codes', async () => {
    // Arrange
    const redactor = new Redactor();
    const failing = (async () => {
      throw new TypeError('fetch failed', { cause: { message: `refused https://h/${SECRET}` } });
    }) as unknown as typeof fetch;
    const transport = createHttpTransport({ ...caller(failing, []), policy: { maxAttempts: 1 } }, { redactor });
    redactor.add(SECRET);

    // Act
    const outcome = transport.send('call', 'https://h/x', {});

    // Assert
    await expect(outcome).rejects.toThrow('call failed after 1 attempts (network error refused https://h/[redacted])');
  });

  it('gives up on 429 with the service failure message', async () => {
    // Arrange
    const { fetchFn } = scriptedFetch([() => new Response('slow down', { status: 429 })]);
    const transport = createHttpTransport(
      { ...caller(fetchFn, []), policy: { maxAttempts: 1 } },
      { failureMessage: (failure) => `${failure.kind} ${failure.what} ${'detail' in failure ? failure.detail : ''}` },
    );

    // Act
    const outcome = transport.send('GET /x', 'https://h/x', {});

    // Assert
    await expect(outcome).rejects.toMatchObject({
      name: 'ThrottledError',
      service: 'slack',
      retryable: true,
      message: 'throttled GET /x slow down',
    });
  });
});
