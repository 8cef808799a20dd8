import type { Clock } from '../../../core/platform/clock.port';

/** A Clock stopped at `iso`; `advance(ms)` moves it, for tests that check durations or timestamps. */
export class FixedClock implements Clock {
  private current: number;
  constructor(iso = '2026-11-09T01:00:00.000Z') {
    this.current = Date.parse(iso);
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
