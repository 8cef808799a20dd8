import type { ExecutionStatus } from './sfn-records';

/** How long after it stopped an execution can be redriven. */
export const REDRIVABLE_PERIOD_MS = 14 * 24 * 3600 * 1000;
/** The longest a Standard execution stays open (one year). */
export const MAX_OPEN_MS = 365 * 24 * 3600 * 1000;
/** A redrive appends at least `ExecutionRedriven` and one more event to the 25,000-event history. */
export const MAX_EVENTS_FOR_REDRIVE = 24_999;

/** What `DescribeExecution` says of redriving an execution: `redriveStatus` and, when not redrivable, the reason. */
export interface RedriveVerdict {
  redriveStatus: 'REDRIVABLE' | 'NOT_REDRIVABLE' | 'REDRIVABLE_BY_MAP_RUN';
  redriveStatusReason?: string;
}

/** The facts of a top-level Standard execution that decide whether it can be redriven. */
export interface RedriveFacts {
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  eventCount: number;
}

/**
 * Whether AWS would redrive a Standard execution now. The conditions and the reason texts are those of the Step
 * Functions API reference (`RedriveExecution`: not SUCCEEDED, stopped less than 14 days ago, open less than a year,
 * fewer than 24,999 history events; `DescribeExecution.redriveStatusReason` for the texts).
 */
export const redriveVerdict = (facts: RedriveFacts, now: Date): RedriveVerdict => {
  const refuse = (reason: string): RedriveVerdict => ({ redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: reason });
  if (facts.status === 'RUNNING') return refuse('Execution is RUNNING and cannot be redriven');
  if (facts.status === 'SUCCEEDED') return refuse('Execution is SUCCEEDED and cannot be redriven');
  if (facts.eventCount >= MAX_EVENTS_FOR_REDRIVE) return refuse('Execution history event limit exceeded');
  if ((facts.stopDate ?? now).getTime() - facts.startDate.getTime() > MAX_OPEN_MS) {
    return refuse('Execution has exceeded the max execution time');
  }
  if (facts.stopDate && now.getTime() - facts.stopDate.getTime() > REDRIVABLE_PERIOD_MS) {
    return refuse('Execution redrivable period exceeded');
  }
  return { redriveStatus: 'REDRIVABLE' };
};

/**
 * The verdict on a child execution of a Distributed Map (STANDARD children): an unsuccessful child is redriven by
 * redriving its parent, which redrives the Map Run (`REDRIVABLE_BY_MAP_RUN`); a succeeded one never is.
 */
export const childRedriveVerdict = (status: ExecutionStatus): RedriveVerdict =>
  status === 'SUCCEEDED' || status === 'RUNNING'
    ? { redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: `Execution is ${status} and cannot be redriven` }
    : { redriveStatus: 'REDRIVABLE_BY_MAP_RUN' };
