import { randomUUID } from 'node:crypto';
import { AwsFault } from '../servers/wire';
import { appendEvents, type HistoryEvent, withTerminalEvent } from './history-events';
import { childRedriveVerdict, redriveVerdict } from './redrive-rules';
import {
  type ChildRecord,
  type ExecutionStatus,
  type ExecutionUpdate,
  type HistoryEventInput,
  type MapRunRecord,
  type SfnEngine,
  toDate,
} from './sfn-records';
import { checkExecutionArn, checkExecutionName, type ExecutionView, executionArnOf } from './sfn-views';

interface ExecutionState {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  redriveCount: number;
  redriveDate?: Date;
  events: HistoryEvent[];
}

export type { HistoryEvent } from './history-events';

/** A Map Run as the registry keeps it: the engine's last record plus the redrives of its parent. */
export interface MapRunState extends MapRunRecord {
  redriveCount: number;
  redriveDate?: Date;
}

/** Options of {@link ExecutionRegistry}. */
export interface ExecutionRegistryOptions {
  /** The state machines StartExecution accepts. */
  stateMachineArns: string[];
  engine: SfnEngine;
  /** @default - the system clock */
  now?: () => Date;
}

/**
 * The sandbox's Step Functions executions in memory. `startExecution` and `redriveExecution` hand the run to the
 * injected engine, which reports the execution (`recordExecution`) and its Map Runs (`recordMapRun`) as they progress;
 * the read methods answer what `DescribeExecution`, `ListExecutions`, `ListMapRuns`, `DescribeMapRun` and
 * `GetExecutionHistory` need. Errors are the API's (`ExecutionDoesNotExist`, `ExecutionNotRedrivable`, …).
 */
export class ExecutionRegistry {
  private readonly executions = new Map<string, ExecutionState>();
  private readonly mapRuns = new Map<string, MapRunState>();
  private readonly children = new Map<string, { child: ChildRecord; mapRunArn: string }>();
  private readonly running = new Set<Promise<void>>();
  private readonly now: () => Date;

  constructor(private readonly options: ExecutionRegistryOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** StartExecution: registers the execution RUNNING with its `ExecutionStarted` event, then starts the engine. */
  startExecution(request: { stateMachineArn: string; name?: string; input?: string }): ExecutionState {
    const { stateMachineArn } = request;
    if (!this.options.stateMachineArns.includes(stateMachineArn)) {
      throw new AwsFault('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    }
    const name = request.name ?? randomUUID();
    checkExecutionName(name);
    const input = request.input ?? '{}';
    try {
      JSON.parse(input);
    } catch (error) {
      throw new AwsFault(
        'InvalidExecutionInput',
        `Invalid State Machine Execution Input: '${(error as Error).message}'`,
      );
    }
    const executionArn = executionArnOf(stateMachineArn, name);
    const existing = this.executions.get(executionArn);
    if (existing) {
      // Idempotent for a RUNNING Standard execution of the same name and input (StartExecution reference).
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new AwsFault('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const state: ExecutionState = {
      executionArn,
      stateMachineArn,
      name,
      input,
      status: 'RUNNING',
      startDate: this.now(),
      redriveCount: 0,
      events: [],
    };
    this.executions.set(executionArn, state);
    this.append(state, [
      {
        type: 'ExecutionStarted',
        timestamp: state.startDate,
        details: { executionStartedEventDetails: { input, inputDetails: { truncated: false } } },
      },
    ]);
    this.launch(state, { name, input, executionArn });
    return state;
  }

  /** RedriveExecution: refuses as AWS does, else reopens the execution and its failed Map Runs and restarts the engine. */
  redriveExecution(executionArn: string): Date {
    const state = this.executions.get(checkExecutionArn(executionArn));
    if (state === undefined) {
      const child = this.children.get(executionArn);
      if (child) {
        throw new AwsFault(
          'ExecutionNotRedrivable',
          `Execution '${executionArn}' was started by Map Run '${child.mapRunArn}': redrive its parent execution`,
        );
      }
      throw new AwsFault('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    }
    const now = this.now();
    const verdict = redriveVerdict({ ...state, eventCount: state.events.length }, now);
    if (verdict.redriveStatus !== 'REDRIVABLE') {
      throw new AwsFault('ExecutionNotRedrivable', `${verdict.redriveStatusReason}: '${executionArn}'`);
    }
    Object.assign(state, { status: 'RUNNING', redriveCount: state.redriveCount + 1, redriveDate: now });
    for (const key of ['stopDate', 'output', 'error', 'cause'] as const) delete state[key];
    for (const run of this.mapRunsOf(executionArn)) {
      if (run.status === 'FAILED' || run.status === 'ABORTED') {
        Object.assign(run, { redriveCount: run.redriveCount + 1, redriveDate: now });
      }
    }
    this.append(state, [
      {
        type: 'ExecutionRedriven',
        timestamp: now,
        details: { executionRedrivenEventDetails: { redriveCount: state.redriveCount } },
      },
    ]);
    this.launch(state, {
      name: state.name,
      input: state.input,
      executionArn,
      redrive: { redriveCount: state.redriveCount, redriveDate: now },
    });
    return now;
  }

  /** The engine reports its execution: status, dates, output or error; `events` are appended to the history. */
  recordExecution(update: ExecutionUpdate): void {
    const state = this.executions.get(update.executionArn);
    if (state === undefined) {
      throw new Error(`recordExecution: ${update.executionArn} was not started through this registry`);
    }
    Object.assign(state, {
      status: update.status,
      startDate: state.redriveCount > 0 ? state.startDate : toDate(update.startDate),
      ...(update.stopDate === undefined ? {} : { stopDate: toDate(update.stopDate) }),
      ...(update.output === undefined ? {} : { output: update.output }),
      ...(update.error === undefined ? {} : { error: update.error }),
      ...(update.cause === undefined ? {} : { cause: update.cause }),
    });
    const events = withTerminalEvent(update, this.now());
    this.append(state, events);
  }

  /** The engine reports a Map Run (the ResultWriter records of its children); it replaces an earlier record. */
  recordMapRun(record: MapRunRecord): void {
    if (!this.executions.has(record.executionArn)) {
      throw new Error(`recordMapRun: its execution ${record.executionArn} was not started through this registry`);
    }
    const earlier = this.mapRuns.get(record.mapRunArn);
    this.mapRuns.set(record.mapRunArn, {
      ...record,
      redriveCount: earlier?.redriveCount ?? 0,
      ...(earlier?.redriveDate ? { redriveDate: earlier.redriveDate } : {}),
    });
    for (const child of record.children) this.children.set(child.ExecutionArn, { child, mapRunArn: record.mapRunArn });
  }

  /** DescribeExecution's view of a top-level or a Map Run child execution. */
  describeExecution(executionArn: string): ExecutionView {
    const state = this.executions.get(checkExecutionArn(executionArn));
    if (state) {
      const { events, ...rest } = state;
      return { ...rest, ...redriveVerdict({ ...state, eventCount: events.length }, this.now()) };
    }
    const entry = this.children.get(executionArn);
    if (entry === undefined) throw new AwsFault('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    const { child, mapRunArn } = entry;
    return {
      executionArn: child.ExecutionArn,
      stateMachineArn: child.StateMachineArn,
      name: child.Name ?? child.ExecutionArn.split(':').at(-1) ?? '',
      status: child.Status,
      startDate: toDate(child.StartDate),
      ...(child.StopDate === undefined ? {} : { stopDate: toDate(child.StopDate) }),
      ...(child.Input === undefined ? {} : { input: child.Input }),
      ...(child.Output === undefined ? {} : { output: child.Output }),
      ...(child.Error === undefined ? {} : { error: child.Error }),
      ...(child.Cause === undefined ? {} : { cause: child.Cause }),
      mapRunArn,
      redriveCount: child.RedriveCount ?? 0,
      ...childRedriveVerdict(child.Status),
    };
  }

  /** The top-level executions of a state machine, or the children of a Map Run. */
  executionsOf(filter: { stateMachineArn?: string; mapRunArn?: string }): ExecutionView[] {
    if (filter.mapRunArn !== undefined) {
      const run = this.mapRuns.get(filter.mapRunArn);
      if (run === undefined) throw new AwsFault('ResourceNotFound', `Resource not found: '${filter.mapRunArn}'`);
      return run.children.map((c) => this.describeExecution(c.ExecutionArn));
    }
    if (!this.options.stateMachineArns.includes(filter.stateMachineArn ?? '')) {
      throw new AwsFault('StateMachineDoesNotExist', `State Machine Does Not Exist: '${filter.stateMachineArn}'`);
    }
    return [...this.executions.values()]
      .filter((e) => e.stateMachineArn === filter.stateMachineArn)
      .map((e) => this.describeExecution(e.executionArn));
  }

  /** The Map Runs an execution started, in the order they were first reported. */
  mapRunsOf(executionArn: string): MapRunState[] {
    if (!this.executions.has(checkExecutionArn(executionArn))) {
      throw new AwsFault('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    }
    return [...this.mapRuns.values()].filter((r) => r.executionArn === executionArn);
  }

  /** DescribeMapRun's source. */
  mapRun(mapRunArn: string): MapRunState {
    if (!/^arn:aws[\w-]*:states:[\w-]+:\d{12}:mapRun:/.test(mapRunArn)) {
      throw new AwsFault('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${mapRunArn}'`);
    }
    const run = this.mapRuns.get(mapRunArn);
    if (run === undefined) throw new AwsFault('ResourceNotFound', `Resource not found: '${mapRunArn}'`);
    return run;
  }

  /** GetExecutionHistory's source: the events in order. */
  history(executionArn: string): HistoryEvent[] {
    const state = this.executions.get(checkExecutionArn(executionArn));
    if (state === undefined) throw new AwsFault('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return state.events;
  }

  /** Resolves when every engine run started so far has returned (tests and shutdown). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private launch(state: ExecutionState, start: Parameters<SfnEngine>[0]): void {
    const run = this.options
      .engine(start)
      .catch((error: unknown) => {
        if (state.status !== 'RUNNING') return;
        const failure = error instanceof Error ? error : new Error(String(error));
        this.recordExecution({
          executionArn: state.executionArn,
          name: state.name,
          input: state.input,
          startDate: state.startDate,
          status: 'FAILED',
          stopDate: this.now(),
          error: failure.name,
          cause: failure.message,
        });
      })
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  private append(state: ExecutionState, events: HistoryEventInput[]): void {
    appendEvents(state.events, events);
  }
}
