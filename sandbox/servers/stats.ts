/** Throttling answers: Config, STS, Organizations, Lacework. */
const THROTTLE_CODES = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'TooManyRequests']);

/**
 * Call counters of a running sandbox, keyed `<service>.<Operation>` (e.g. `config.GetComplianceDetailsByConfigRule`,
 * `lacework.Alerts`).
 * `throttled` counts ThrottlingException answers and `errors` every error answer by `<service>.<Code>`.
 */
export class SandboxStats {
  calls: Record<string, number> = {};
  throttled: Record<string, number> = {};
  errors: Record<string, number> = {};

  /** Counts one call. */
  recordCall(key: string): void {
    this.calls[key] = (this.calls[key] ?? 0) + 1;
  }

  /** Counts one error answer (and a throttle when the code is ThrottlingException, or Lacework's TooManyRequests). */
  recordError(service: string, operation: string, code: string): void {
    const key = `${service}.${code}`;
    this.errors[key] = (this.errors[key] ?? 0) + 1;
    if (THROTTLE_CODES.has(code)) {
      const op = `${service}.${operation}`;
      this.throttled[op] = (this.throttled[op] ?? 0) + 1;
    }
  }

  /** Every call answered so far. */
  get totalCalls(): number {
    return Object.values(this.calls).reduce((sum, n) => sum + n, 0);
  }

  /** Every ThrottlingException answered so far. */
  get totalThrottled(): number {
    return Object.values(this.throttled).reduce((sum, n) => sum + n, 0);
  }

  /** Clears every counter. */
  reset(): void {
    this.calls = {};
    this.throttled = {};
    this.errors = {};
  }

  /** A plain copy for printing: calls by kind, the total of throttled answers, and their split by call and error. */
  snapshot(): {
    calls: Record<string, number>;
    throttled: number;
    throttledByCall: Record<string, number>;
    errors: Record<string, number>;
  } {
    return {
      calls: { ...this.calls },
      throttled: this.totalThrottled,
      throttledByCall: { ...this.throttled },
      errors: { ...this.errors },
    };
  }

  /** A plain copy, for JSON.stringify. */
  toJSON(): { calls: Record<string, number>; throttled: Record<string, number>; errors: Record<string, number> } {
    return { calls: { ...this.calls }, throttled: { ...this.throttled }, errors: { ...this.errors } };
  }
}
