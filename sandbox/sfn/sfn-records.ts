/** Execution statuses of the Step Functions API (`ExecutionStatus`). */
export const EXECUTION_STATUSES = [
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
  'PENDING_REDRIVE',
] as const;
/** An `ExecutionStatus`. */
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];
/** A `MapRunStatus`. */
export type MapRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
/** A date as the engine has it: a Date, ISO 8601 text (ResultWriter records) or epoch milliseconds. */
export type DateLike = Date | string | number;

/**
 * One child execution of a Map Run, in the shape ResultWriter writes to `SUCCEEDED_n.json` / `FAILED_n.json`:
 * `Input`/`Output` are JSON text, a failed child has `Error`/`Cause` instead of `Output`.
 */
export interface ChildRecord {
  ExecutionArn: string;
  Name?: string;
  Input?: string;
  InputDetails?: { Included: boolean };
  Output?: string;
  OutputDetails?: { Included: boolean };
  Error?: string;
  Cause?: string;
  Status: ExecutionStatus;
  StartDate: DateLike;
  StopDate?: DateLike;
  StateMachineArn: string;
  RedriveCount?: number;
  RedriveStatus?: string;
  RedriveStatusReason?: string;
}

/** The counts of `DescribeMapRun`'s `itemCounts` (and `executionCounts`: one item per child here). */
export interface MapRunCounts {
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  aborted: number;
  total: number;
}

/** What the engine reports of a Map Run; a later record of the same `mapRunArn` replaces the earlier one. */
export interface MapRunRecord {
  mapRunArn: string;
  executionArn: string;
  status: MapRunStatus;
  startDate: DateLike;
  stopDate?: DateLike;
  toleratedFailurePercentage: number;
  /** @default 0 */
  toleratedFailureCount?: number;
  /** @default 0 (as the API reports an unset MaxConcurrency) */
  maxConcurrency?: number;
  itemCounts: MapRunCounts;
  children: ChildRecord[];
}

/** A history event as the engine reports it: the API's type, its time and its `<type>EventDetails` fields. */
export interface HistoryEventInput {
  type: string;
  timestamp: DateLike;
  /** e.g. `{ executionFailedEventDetails: { error, cause } }` */
  details?: Record<string, unknown>;
}

/** What the engine reports of the execution it runs; later fields replace earlier ones, `events` are appended. */
export interface ExecutionUpdate {
  executionArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: DateLike;
  stopDate?: DateLike;
  output?: string;
  error?: string;
  cause?: string;
  events?: HistoryEventInput[];
}

/** What the registry asks the engine to do: run (or, with `redrive`, redrive) one execution of the state machine. */
export interface EngineStart {
  name: string;
  input: string;
  executionArn: string;
  /** Set on RedriveExecution: the execution's redrive count after this redrive (1 for the first). */
  redrive?: { redriveCount: number; redriveDate: Date };
}

/** The engine behind the registry: it reports progress through the registry's `record*` methods. */
export type SfnEngine = (start: EngineStart) => Promise<void>;

/** Converts a {@link DateLike} to a Date. */
export const toDate = (value: DateLike): Date => (value instanceof Date ? value : new Date(value));
