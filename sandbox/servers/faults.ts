import type { Faults } from '../scenario.schema';
import { AwsFault } from './wire';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** The answer AWS Config gives when a caller exceeds its rate. */
export const throttled = (): AwsFault => new AwsFault('ThrottlingException', 'Rate exceeded');

/**
 * The scenario's injected faults, with their per-account+region state: the count of Config calls seen (for
 * `configThrottling`) and the token buckets (for `configRateLimit`).
 */
export class FaultInjector {
  private readonly seen = new Map<string, number>();
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly faults: Faults = {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits the scenario's latency, if any. */
  async delay(): Promise<void> {
    const ms = this.faults.latencyMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Throws ThrottlingException when a Config call of this account and region must be throttled. */
  checkConfigCall(accountId: string, region: string): void {
    const key = `${accountId}/${region}`;
    const throttling = this.faults.configThrottling;
    if (throttling !== undefined && (throttling.accounts === '*' || throttling.accounts.includes(accountId))) {
      const count = (this.seen.get(key) ?? 0) + 1;
      this.seen.set(key, count);
      if (count <= throttling.firstCallsPerRegion) throw throttled();
    }
    const limit = this.faults.configRateLimit;
    if (limit !== undefined) {
      const now = this.now();
      const bucket = this.buckets.get(key) ?? { tokens: limit.burst, updatedAt: now };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * limit.ratePerSecond);
      bucket.updatedAt = now;
      this.buckets.set(key, bucket);
      if (bucket.tokens < 1) throw throttled();
      bucket.tokens -= 1;
    }
  }
}
