import type { MapRunRecord } from './distributed-map';

/**
 * What one local execution keeps between its attempts, so that a redrive can continue it as AWS does: the original
 * `$$.Execution.StartTime`, the results of the top-level tasks that succeeded, and the last record of each
 * Distributed Map's Map Run. The run fills it in place; a redrive reads what the failed attempt left.
 */
export interface ExecutionAttempt {
  /** `$$.Execution.StartTime` of the first attempt (Resolve run's default dates depend on it); a redrive keeps it. */
  startTime: string;
  /** 0 for the first attempt, then the execution's redrive count (`$$.Execution.RedriveCount`). */
  redriveCount: number;
  /** `$$.Execution.RedriveTime` of the current redrive. @default - none (the first attempt) */
  redriveTime?: string;
  /** The handler result of each top-level Lambda task that succeeded, by state name. */
  taskResults: Record<string, unknown>;
  /** The last record of each Distributed Map's Map Run, by state name. */
  mapRuns: Record<string, MapRunRecord>;
}

/** A fresh {@link ExecutionAttempt} for an execution starting now. */
export const firstAttempt = (now = new Date()): ExecutionAttempt => ({
  startTime: now.toISOString(),
  redriveCount: 0,
  taskResults: {},
  mapRuns: {},
});

/**
 * The states a redrive never replays: the failure path runs again whenever a redriven attempt fails again (AWS
 * re-enters it as a new state transition; it did not "succeed before the failure").
 */
export const NEVER_REPLAYED: readonly string[] = ['Notify failure'];

/**
 * Wraps a top-level task's local handler for `attempt`: on a redrive a task that succeeded in an earlier attempt is
 * not invoked again, its recorded result is returned (AWS "preserves the results of the successful steps, and
 * doesn't rerun these steps"); otherwise the handler runs and a success is recorded for a later redrive.
 */
export const replayingHandler =
  (
    stateName: string,
    handler: (payload: unknown) => Promise<unknown>,
    attempt: ExecutionAttempt,
  ): ((payload: unknown) => Promise<unknown>) =>
  async (payload) => {
    const replayable = attempt.redriveCount > 0 && !NEVER_REPLAYED.includes(stateName);
    if (replayable && Object.hasOwn(attempt.taskResults, stateName)) {
      return structuredClone(attempt.taskResults[stateName]);
    }
    const result = await handler(payload);
    if (!NEVER_REPLAYED.includes(stateName)) attempt.taskResults[stateName] = structuredClone(result);
    return result;
  };
