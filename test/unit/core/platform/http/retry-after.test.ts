import { retryAfterMs, serverWaitMs } from '../../../../../core/platform/http/retry-after';

const NOW = Date.parse('2026-10-21T07:27:50.000Z');

describe('retryAfterMs', () => {
  it('reads delta-seconds and, without a clock, ignores anything else', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('1.5')).toBe(1500);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it('reads an HTTP date against the clock, a past date as no wait', () => {
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', NOW)).toBe(10_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:00:00 GMT', NOW)).toBe(0);
    expect(retryAfterMs(' 3 ', NOW)).toBe(3000);
  });

  it('ignores blank, negative and unreadable values', () => {
    for (const value of ['', '  ', '-1', '1 2', 'soon', '1e3']) expect(retryAfterMs(value, NOW)).toBeUndefined();
  });
});

describe('serverWaitMs', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it('prefers Retry-After and reads RateLimit-Reset only when asked', () => {
    const both = headers({ 'retry-after': '2', 'ratelimit-reset': '9' });
    const reset = headers({ 'ratelimit-reset': '9' });

    expect(serverWaitMs(both, { rateLimitReset: true })).toBe(2000);
    expect(serverWaitMs(reset, { rateLimitReset: true })).toBe(9000);
    expect(serverWaitMs(reset)).toBeUndefined();
  });

  it('falls back to RateLimit-Reset when Retry-After is unreadable, and reads no date in RateLimit-Reset', () => {
    expect(serverWaitMs(headers({ 'retry-after': 'soon', 'ratelimit-reset': '4' }), { rateLimitReset: true })).toBe(
      4000,
    );
    expect(
      serverWaitMs(headers({ 'ratelimit-reset': 'Wed, 21 Oct 2026 07:28:00 GMT' }), {
        nowMs: NOW,
        rateLimitReset: true,
      }),
    ).toBeUndefined();
  });
});
