import { createHash } from 'node:crypto';
import type { ConfigCorruption, Faults } from '../scenario.schema';
import { AwsFault } from './wire';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** The answer AWS Config gives when a caller exceeds its rate. */
export const throttled = (): AwsFault => new AwsFault('ThrottlingException', 'Rate exceeded');

/** The answer of a Config call that failed inside AWS (HTTP 500, which the SDK retries as a transient error). */
export const internalFailure = (): AwsFault =>
  new AwsFault('InternalFailure', 'The request processing has failed because of an unknown error.', 500);

/** One Config request as the server saw it: the operation and its JSON body (the same on every SDK retry). */
export interface ConfigRequest {
  operation: string;
  body: Record<string, unknown>;
}

/** A uniform draw in [0, 1) from the seed and the text: the same inputs give the same draw in any call order. */
const draw = (seed: number, text: string): number =>
  createHash('sha256').update(`${seed}|${text}`).digest().readUInt32BE(0) / 2 ** 32;

/**
 * The scenario's injected faults, with their per-account+region state: the count of Config calls seen (for
 * `configThrottling`) and the token buckets (for `configRateLimit`).
 */
export class FaultInjector {
  private readonly seen = new Map<string, number>();
  private readonly buckets = new Map<string, Bucket>();
  /** Times each distinct Config request was seen (its attempt number), for the seeded rate faults. */
  private readonly attempts = new Map<string, number>();
  private readonly hugePageServed = new Set<string>();

  constructor(
    private readonly faults: Faults = {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits the scenario's latency, if any. */
  async delay(): Promise<void> {
    const ms = this.faults.latencyMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /**
   * Throws ThrottlingException when a Config call of this account and region must be throttled; with the `request`,
   * also applies the seeded rate faults (`configThrottleRate`, then `configServerErrorRate`, drawn per request and
   * attempt) and `deletedRules` (NoSuchConfigRuleException from GetComplianceDetailsByConfigRule).
   */
  checkConfigCall(accountId: string, region: string, request?: ConfigRequest): void {
    const key = `${accountId}/${region}`;
    if (request !== undefined) this.checkRequest(key, request);
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

  /**
   * The hostile answer kind for this account's call, if any: only GetComplianceDetailsByConfigRule is corrupted, and
   * `huge-page` only once per account (a 10 MB answer per call would make the run crawl).
   */
  configCorruption(accountId: string, operation: string): ConfigCorruption | undefined {
    if (operation !== 'GetComplianceDetailsByConfigRule') return undefined;
    const kind = this.faults.configCorruptResponses?.find((c) => c.account === accountId)?.kind;
    if (kind !== 'huge-page') return kind;
    if (this.hugePageServed.has(accountId)) return undefined;
    this.hugePageServed.add(accountId);
    return kind;
  }

  private checkRequest(key: string, { operation, body }: ConfigRequest): void {
    const seed = this.faults.faultSeed ?? 0;
    const throttleRate = this.faults.configThrottleRate ?? 0;
    const errorRate = this.faults.configServerErrorRate ?? 0;
    if (throttleRate > 0 || errorRate > 0) {
      const request = `${key}|${operation}|${JSON.stringify(body)}`;
      const attempt = (this.attempts.get(request) ?? 0) + 1;
      this.attempts.set(request, attempt);
      if (draw(seed, `throttle|${request}|${attempt}`) < throttleRate) throw throttled();
      if (draw(seed, `5xx|${request}|${attempt}`) < errorRate) throw internalFailure();
    }
    if (operation === 'GetComplianceDetailsByConfigRule') {
      const deleted = this.faults.deletedRules?.some(
        (d) => `${d.account}/${d.region}` === key && d.rule === body.ConfigRuleName,
      );
      if (deleted) {
        throw new AwsFault(
          'NoSuchConfigRuleException',
          `The ConfigRule '${String(body.ConfigRuleName)}' provided in the request is invalid.`,
        );
      }
    }
  }
}
