/** One injected answer: a 429 (with `Retry-After` seconds) or a 5xx. */
export interface InjectedFault {
  status: number;
  retryAfterSeconds?: number;
}

/**
 * The faults a notify server answers with before serving: queued one-off answers (`failNext`), or an outage (every
 * request 503 until cleared). Tests and scenarios change it while the server runs.
 */
export class HttpFaultPlan {
  private readonly queue: InjectedFault[] = [];
  /** While true, every request gets 503. */
  outage = false;

  constructor(faults: readonly InjectedFault[] = [], outage = false) {
    this.queue.push(...faults);
    this.outage = outage;
  }

  /** Answers the next `count` requests with `fault`. */
  failNext(count: number, fault: InjectedFault): this {
    for (let i = 0; i < count; i += 1) this.queue.push(fault);
    return this;
  }

  /** The fault for the request at hand, if any. */
  take(): InjectedFault | undefined {
    return this.outage ? { status: 503 } : this.queue.shift();
  }
}
