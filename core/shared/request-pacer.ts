import { realSleep, type Sleep } from './sleep';

/** A client-side token bucket: sustained requests per second and the burst a full bucket allows. */
export interface PacingRate {
  ratePerSecond: number;
  burst: number;
}

/**
 * A client-side token bucket: every attempt takes a token, waiting for one when the bucket is empty, so a client
 * never sends faster than `ratePerSecond` after its first `burst` calls. Tokens may go negative: each waiting caller
 * has reserved its slot, so concurrent callers queue in order without a timer loop.
 */
export class RequestPacer {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly rate: PacingRate,
    private readonly now: () => number = Date.now,
    private readonly sleep: Sleep = realSleep,
  ) {
    this.tokens = rate.burst;
    this.updatedAt = now();
  }

  /** Resolves when this caller may send. */
  async acquire(): Promise<void> {
    const now = this.now();
    this.tokens = Math.min(this.rate.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rate.ratePerSecond);
    this.updatedAt = now;
    this.tokens -= 1;
    if (this.tokens < 0) await this.sleep((-this.tokens / this.rate.ratePerSecond) * 1000);
  }
}
