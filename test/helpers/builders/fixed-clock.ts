import type { Clock } from '../../../core/platform/clock.port';

/** The instant every builder and fixed clock uses. */
export const FIXED_NOW = new Date('2026-11-09T01:00:00.000Z');

/** A Clock that always says {@link FIXED_NOW} (or `at`). */
export const fixedClock = (at: Date = FIXED_NOW): Clock => ({ now: () => new Date(at) });
