import type { Faults } from '../scenario.schema';
import type { Principal } from './credentials';
import { AwsFault } from './wire';

/** A token bucket's settings: sustained requests per second, and the burst a full bucket allows. */
export interface RateLimit {
  ratePerSecond: number;
  burst: number;
}

/** The hub-side services a {@link HubRateLimiter} guards. */
export type HubService = 'sts' | 'organizations';

/**
 * What AWS answers when a caller exceeds its rate, per protocol; both codes are in the SDK v3's throttling list
 * (`@smithy/service-error-classification` THROTTLING_ERROR_CODES), so the client backs off and retries:
 * - Organizations (JSON 1.1): `TooManyRequestsException`, HTTP 400;
 * - STS (query protocol): `<Code>Throttling</Code>` "Rate exceeded", HTTP 400.
 */
export const hubThrottle = (service: HubService): AwsFault =>
  service === 'organizations'
    ? new AwsFault(
        'TooManyRequestsException',
        "AWS Organizations can't complete your request because another request is already in progress. Try again later.",
      )
    : new AwsFault('Throttling', 'Rate exceeded');

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Per-calling-account token buckets for STS and Organizations (scenario `faults.hubRateLimit`). AWS meters both per
 * calling account (STS: 600 requests/s per account and region, shared by AssumeRole and GetCallerIdentity, per the
 * IAM and STS quotas page), so a bucket is keyed by the account whose credentials sign the call: the hub for
 * AssumeRole and ListAccounts. No limit configured for a service: it never throttles.
 */
export class HubRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: Faults['hubRateLimit'] = undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token of the caller's bucket for `service`; throws the service's throttling fault when it is empty. */
  check(service: HubService, caller: Pick<Principal, 'accountId'>): void {
    const limit = this.limits?.[service];
    if (limit === undefined) return;
    const key = `${service}/${caller.accountId}`;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, updatedAt: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * limit.ratePerSecond);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) throw hubThrottle(service);
    bucket.tokens -= 1;
  }
}
