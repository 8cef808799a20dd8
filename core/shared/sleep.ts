/** Waits `ms` milliseconds; injected wherever code waits, so that tests record the waits instead of taking them. */
export type Sleep = (ms: number) => Promise<void>;

/** The real {@link Sleep}: a timer. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
