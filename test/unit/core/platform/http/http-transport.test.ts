import { createHttpTransport, type HttpCaller } from '../../../../../core/platform/http/http-transport';
import { ExternalServiceError, ThrottledError } from '../../../../../core/shared/errors';

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
