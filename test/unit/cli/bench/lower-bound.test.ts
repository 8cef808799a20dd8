import { lowerBound } from '../../../../cli/bench/lower-bound';

describe('lowerBound', () => {
  it('takes calls × latency ÷ concurrency when the rate limit is loose', () => {
    // Act
    const bound = lowerBound({
      totalCalls: 66_000,
      latencyMs: 20,
      concurrency: 40,
      slowest: { key: '111111111111/us-east-1', calls: 40 },
      configRate: { ratePerSecond: 10, burst: 10 },
    });

    // Assert
    expect(bound.throughputMs).toBe(33_000);
    expect(bound.rateLimitMs).toBe(3_020);
    expect(bound.boundMs).toBe(33_000);
    expect(bound.dominant).toBe('throughput');
  });

  it('takes the slowest account+region through its token bucket when that is longer', () => {
    // Act
    const bound = lowerBound({
      totalCalls: 1_000,
      latencyMs: 20,
      concurrency: 40,
      slowest: { key: '111111111111/us-east-1', calls: 210 },
      configRate: { ratePerSecond: 10, burst: 10 },
    });

    // Assert: (210 − 10) ÷ 10/s = 20 s, plus the last call's 20 ms
    expect(bound.rateLimitMs).toBe(20_020);
    expect(bound.boundMs).toBe(20_020);
    expect(bound.dominant).toBe('rate limit');
  });

  it('has no rate term within the burst or without a rate limit', () => {
    // Act
    const withinBurst = lowerBound({
      totalCalls: 8,
      latencyMs: 20,
      concurrency: 1,
      slowest: { key: 'a', calls: 8 },
      configRate: { ratePerSecond: 1, burst: 10 },
    });
    const unlimited = lowerBound({ totalCalls: 8, latencyMs: 20, concurrency: 1, slowest: { key: 'a', calls: 8 } });

    // Assert
    expect(withinBurst.rateLimitMs).toBe(20);
    expect(unlimited.rateLimitMs).toBe(0);
    expect(unlimited.boundMs).toBe(160);
  });
});
