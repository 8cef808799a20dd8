import { ChannelPacer } from '../../../../../core/platform/chat/channel-pacer';
import { type HttpCaller, redact, retryAfterMs, sendWithRetry } from '../../../../../core/platform/http/http-retry';
import { ExternalServiceError, ThrottledError } from '../../../../../core/shared/errors';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';

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

describe('sendWithRetry', () => {
  it('waits exactly Retry-After on a 429 and then returns the answer', async () => {
    // Arrange
    const waits: number[] = [];
    const { fetchFn } = scriptedFetch([
      () => new Response('rate_limited', { status: 429, headers: { 'retry-after': '7' } }),
      () => new Response('ok', { status: 200 }),
    ]);

    // Act
    const response = await sendWithRetry(caller(fetchFn, waits), 'slack webhook post', 'https://h/secret', {
      method: 'POST',
    });

    // Assert
    expect(await response.text()).toBe('ok');
    expect(waits).toEqual([7000]);
  });

  it('backs off exponentially on 5xx and throws a retryable ExternalServiceError after the last attempt', async () => {
    // Arrange
    const waits: number[] = [];
    const { fetchFn, calls } = scriptedFetch([1, 2, 3].map(() => () => new Response('', { status: 503 })));

    // Act
    const outcome = sendWithRetry(caller(fetchFn, waits), 'jira issue create', 'https://h/x', { method: 'POST' });

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
    const outcome = sendWithRetry(caller(fetchFn, waits), 'slack webhook post', 'https://h/x', {});

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
    const outcome = sendWithRetry(caller(failing, waits), 'slack webhook post', 'https://h/secret', {});

    // Assert
    await expect(outcome).rejects.toThrow('slack webhook post failed after 3 attempts (network error ECONNREFUSED)');
    await expect(outcome).rejects.not.toThrow(/secret/);
  });
});

describe('retryAfterMs', () => {
  it('reads delta-seconds and ignores anything else', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('1.5')).toBe(1500);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('redact', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redact('a TOKEN b TOKEN c URL', ['TOKEN', 'URL', ''])).toBe('a [redacted] b [redacted] c [redacted]');
  });
});

describe('ChannelPacer', () => {
  it('spaces posts to one channel a second apart and leaves other channels alone', async () => {
    // Arrange
    const clock = new FixedClock();
    const waits: number[] = [];
    const pacer = new ChannelPacer(clock, async (ms) => {
      waits.push(ms);
    });

    // Act
    await pacer.wait('#a');
    await pacer.wait('#a');
    await pacer.wait('#b');
    clock.advance(400);
    await pacer.wait('#a');

    // Assert
    expect(waits).toEqual([1000, 1600]);
  });
});
