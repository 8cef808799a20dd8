import type { LaceworkFaults } from '../lacework-scenario.schema';

/** A fault answer: status, body and headers. */
export interface LaceworkFaultAnswer {
  status: number;
  code: string;
  body: { message: string };
  headers: Record<string, string>;
}

const hits = (rule: { everyNth?: number; firstCalls?: number }, n: number): boolean =>
  n <= (rule.firstCalls ?? 0) || (rule.everyNth !== undefined && n % rule.everyNth === 0);

/** The Lacework section's faults, with the count of API calls seen (for `everyNth` and `firstCalls`). */
export class LaceworkFaultInjector {
  private calls = 0;

  constructor(private readonly faults: LaceworkFaults = {}) {}

  /** Waits the scenario's latency, if any. */
  async delay(): Promise<void> {
    const ms = this.faults.latencyMs ?? 0;
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** 503 for every call during an outage. */
  outage(): LaceworkFaultAnswer | undefined {
    if (this.faults.outage !== true) return undefined;
    return { status: 503, code: 'ServiceUnavailable', body: { message: 'Service Unavailable' }, headers: {} };
  }

  /** True when the token endpoint must refuse every key. */
  get rejectKey(): boolean {
    return this.faults.rejectKey === true;
  }

  /** True when an empty alert search answers 204. */
  get noContentWhenEmpty(): boolean {
    return this.faults.noContentWhenEmpty === true;
  }

  /** Counts one API call and answers 429 or 5xx when the scenario says this call fails. */
  checkApiCall(): LaceworkFaultAnswer | undefined {
    this.calls += 1;
    const limit = this.faults.rateLimit429;
    if (limit !== undefined && hits(limit, this.calls)) {
      const seconds = String(limit.retryAfterSeconds);
      const headers: Record<string, string> =
        limit.header === 'none'
          ? {}
          : limit.header === 'Retry-After'
            ? { 'retry-after': seconds }
            : { 'ratelimit-reset': seconds };
      return { status: 429, code: 'TooManyRequests', body: { message: 'Rate limit exceeded' }, headers };
    }
    const errors = this.faults.serverErrors;
    if (errors !== undefined && hits(errors, this.calls)) {
      return {
        status: errors.status,
        code: `HTTP${errors.status}`,
        body: { message: 'Internal Server Error' },
        headers: {},
      };
    }
    return undefined;
  }
}
