/** A token bucket: sustained requests per second and the burst a full bucket allows. */
export interface TokenBucket {
  ratePerSecond: number;
  burst: number;
}

/** What {@link lowerBound} needs: the run's required calls and the sandbox's settings. */
export interface LowerBoundInput {
  /** Every API call the run needs at least (no retries). */
  totalCalls: number;
  latencyMs: number;
  /** Child executions in flight at once (the map's MaxConcurrency). */
  concurrency: number;
  /** The account+region with the most Config calls (Config meters each account and region on its own). */
  slowest: { key: string; calls: number };
  /** Config's token bucket per account+region; absent: no rate term. */
  configRate?: TokenBucket;
}

/** The two terms of the bound, in milliseconds, and which one dominates. */
export interface LowerBound {
  /** totalCalls × latency ÷ concurrency: every call takes `latency`, and at most `concurrency` children call at once. */
  throughputMs: number;
  /** max(0, calls − burst) ÷ rate + latency for the slowest account+region: its last call cannot start sooner. */
  rateLimitMs: number;
  boundMs: number;
  dominant: 'throughput' | 'rate limit';
}

/**
 * The lower bound on a scan's wall time: the larger of (a) all calls at `latency` each with `concurrency` children
 * each keeping one call in flight, and (b) the slowest account+region's calls through its Config token bucket: a full
 * bucket lets `burst` calls start at once, each further call waits 1 ÷ rate s for a token, and the last one still takes
 * `latency` to answer. Both assume perfect overlap of everything else, so no schedule can beat it.
 */
export const lowerBound = (input: LowerBoundInput): LowerBound => {
  const throughputMs = (input.totalCalls * input.latencyMs) / input.concurrency;
  const rate = input.configRate;
  const rateLimitMs =
    rate === undefined
      ? 0
      : (Math.max(0, input.slowest.calls - rate.burst) / rate.ratePerSecond) * 1000 + input.latencyMs;
  return {
    throughputMs,
    rateLimitMs,
    boundMs: Math.max(throughputMs, rateLimitMs),
    dominant: rateLimitMs > throughputMs ? 'rate limit' : 'throughput',
  };
};
