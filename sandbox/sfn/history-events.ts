import { type ExecutionStatus, type ExecutionUpdate, type HistoryEventInput, toDate } from './sfn-records';

/** A history event as `GetExecutionHistory` lists it (dates as Dates; the server writes epoch seconds). */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  type: string;
  timestamp: Date;
  [details: string]: unknown;
}

const TERMINAL_EVENT: Partial<Record<ExecutionStatus, string>> = {
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  TIMED_OUT: 'ExecutionTimedOut',
  ABORTED: 'ExecutionAborted',
};

/**
 * The events of an execution update, with the closing event (`ExecutionSucceeded`, `ExecutionFailed`, …, and its
 * `<type>EventDetails`) added when the update ends the execution and the engine did not report one.
 */
export const withTerminalEvent = (update: ExecutionUpdate, now: Date): HistoryEventInput[] => {
  const events = [...(update.events ?? [])];
  const terminal = TERMINAL_EVENT[update.status];
  if (terminal && !events.some((e) => e.type === terminal)) {
    const key = `${terminal.charAt(0).toLowerCase()}${terminal.slice(1)}EventDetails`;
    const details =
      update.status === 'SUCCEEDED'
        ? { [key]: { output: update.output ?? '{}' } }
        : { [key]: { error: update.error, cause: update.cause } };
    events.push({ type: terminal, timestamp: update.stopDate ?? now, details });
  }
  return events;
};

/** Appends events to a history, numbering them on (`id`, `previousEventId`) as GetExecutionHistory does. */
export const appendEvents = (history: HistoryEvent[], events: HistoryEventInput[]): void => {
  for (const event of events) {
    const id = history.length + 1;
    history.push({
      id,
      previousEventId: id - 1,
      type: event.type,
      timestamp: toDate(event.timestamp),
      ...event.details,
    });
  }
};
