import './polyfills';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { ObjectStore } from '../../core/platform/storage/object-store.port';
import type { TaskHandler } from '../../lambdas/_shared/create-handler';
import { StateNames, type TaskKey, TaskStates } from '../../statemachines/state-names';
import { localizeDistributedMaps, type MapRunRecord, runDistributedMap } from './distributed-map';
import { type ExecutionAttempt, firstAttempt, replayingHandler } from './execution-attempt';

/** One event of a local execution (the library does not export the type). */
export type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

/** The real handlers, one per Lambda-backed task, bound in-process by state name. */
export type LocalTaskHandlers = Record<TaskKey, TaskHandler<unknown>>;

export interface LocalRunOptions {
  /** The CDK-synthesized definition (statemachines/local-definition.ts), plain ASL with no tokens. */
  definition: object;
  handlers: LocalTaskHandlers;
  input: unknown;
  executionName: string;
  /**
   * Milliseconds a Retry waits locally instead of the definition's IntervalSeconds × BackoffRate (seconds to minutes).
   * @default 100
   */
  retryIntervalMs?: number;
  /** Called for every event of the execution, the Map Run's children's included (with `index`). */
  onEvent?: (event: EventLog) => void;
  /** The bucket the Distributed Map's ItemReader reads and its ResultWriter writes (the definition's bucket name). */
  store: ObjectStore;
  /** The Map Run and its children as they start and finish (cli/local/distributed-map.ts); a live object. */
  onMapRun?: (record: MapRunRecord) => void;
  /**
   * Replaces Scan account's TimeoutSeconds (tests of a hanging handler: seconds instead of the deployed minutes).
   * @default - the definition's, which aws-local-stepfunctions enforces
   */
  scanAccountTimeoutSeconds?: number;
  /**
   * This execution's attempts (cli/local/execution-attempt.ts), filled in place. With `redriveCount` > 0 the run is a
   * redrive: the top-level tasks that succeeded before are not invoked again, each Distributed Map redrives its
   * failed Map Run, and `$$.Execution` keeps the first StartTime and gets RedriveCount and RedriveTime.
   * @default - a first attempt starting now
   */
  attempt?: ExecutionAttempt;
}

/** Sets every Task's TimeoutSeconds (recursively: Parallel branches, Map processors) to `seconds`. */
const withScanAccountTimeout = (machine: Record<string, unknown>, seconds: number): Record<string, unknown> => {
  const states = Object.entries(machine.States as Record<string, Record<string, unknown>>).map(([name, state]) => {
    const next: Record<string, unknown> = { ...state };
    // Only Scan account: a short timeout on every task would fail slow but healthy tasks on a loaded machine.
    if (state.Type === 'Task' && name === StateNames.scanAccount) next.TimeoutSeconds = seconds;
    if (Array.isArray(state.Branches)) next.Branches = state.Branches.map((b) => withScanAccountTimeout(b, seconds));
    if (state.ItemProcessor)
      next.ItemProcessor = withScanAccountTimeout(state.ItemProcessor as Record<string, unknown>, seconds);
    return [name, next];
  });
  return { ...machine, States: Object.fromEntries(states) };
};

export type LocalRunResult =
  | { status: 'SUCCEEDED'; output: unknown; events: EventLog[] }
  | { status: 'FAILED'; error: string; cause: string; events: EventLog[] };

/** A minimal Lambda Context for an in-process invocation (Powertools reads function name and request id from it). */
const localContext = (stateName: string): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: `local-${stateName.toLowerCase().replaceAll(' ', '-')}`,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:local`,
  memoryLimitInMB: '1024',
  awsRequestId: randomUUID(),
  logGroupName: '/local',
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 900_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/**
 * Runs the synthesized definition with aws-local-stepfunctions, each Lambda task bound to its real handler.
 * Payloads cross a JSON round trip both ways, as they do between Step Functions and Lambda, so a handler that returns
 * something unserialisable fails here as it would in AWS.
 *
 * aws-local-stepfunctions runs a Distributed Map as an inline Map (ignoring ItemReader, ResultWriter, Label and
 * ToleratedFailure*), so each Distributed Map state runs through cli/local/distributed-map.ts instead: items from the
 * store as ItemReader reads them, one child execution per item, the ResultWriter files and the tolerated failure
 * threshold as AWS applies them. The Map's output is the ResultWriter pointer, on AWS and here. The library enforces
 * each Task's TimeoutSeconds (a hanging handler fails its Task with `States.Timeout`).
 *
 * A redrive (`attempt.redriveCount` > 0) runs the definition from its start again, but as AWS redrives: a top-level
 * task that succeeded before returns its recorded result without running (Resolve run, List accounts, Fetch Lacework
 * alerts), the Distributed Map redrives its Map Run (only the unsuccessful children run), and the states after it run
 * for the first time. Pass and Choice states are re-evaluated on the replayed results, which gives the same outputs.
 */
export const runLocalWorkflow = async (options: LocalRunOptions): Promise<LocalRunResult> => {
  const { handlers, input, executionName, retryIntervalMs = 100, onEvent } = options;
  const timed = options.scanAccountTimeoutSeconds
    ? withScanAccountTimeout(options.definition as Record<string, unknown>, options.scanAccountTimeoutSeconds)
    : (options.definition as Record<string, unknown>);
  const { definition, maps } = localizeDistributedMaps(timed);
  const executionArn = `arn:aws:states:us-east-1:000000000000:execution:compliance-report-local:${executionName}`;
  const events: EventLog[] = [];
  const emit = (event: EventLog) => {
    events.push(event);
    onEvent?.(event);
  };
  const attempt = options.attempt ?? firstAttempt();
  // The children's tasks run as they are; the top-level ones replay what succeeded in an earlier attempt.
  const taskResourceLocalHandlers: Record<string, (payload: unknown) => Promise<unknown>> = {};
  const topLevelHandlers: Record<string, (payload: unknown) => Promise<unknown>> = {};
  const retryIntervalOverrides: Record<string, number> = {};
  for (const [key, stateName] of Object.entries(TaskStates) as [TaskKey, string][]) {
    const handler = handlers[key];
    taskResourceLocalHandlers[stateName] = async (payload) => {
      const result = await handler(JSON.parse(JSON.stringify(payload)), localContext(stateName));
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    };
    topLevelHandlers[stateName] = replayingHandler(stateName, taskResourceLocalHandlers[stateName], attempt);
    retryIntervalOverrides[stateName] = retryIntervalMs;
  }

  const overrides = { taskResourceLocalHandlers: taskResourceLocalHandlers as never, retryIntervalOverrides };
  for (const [stateName, state] of Object.entries(maps)) {
    const previous = attempt.redriveCount > 0 ? attempt.mapRuns[stateName] : undefined;
    topLevelHandlers[stateName] = (mapInput) =>
      runDistributedMap(stateName, state, mapInput, {
        store: options.store,
        executionArn,
        runOptions: { overrides },
        onEvent: emit as never,
        onMapRun: (record) => {
          if (record.status !== 'RUNNING') attempt.mapRuns[stateName] = structuredClone(record);
          options.onMapRun?.(record);
        },
        ...(previous ? { previous } : {}),
      });
  }

  const machine = new StateMachine(definition as unknown as StateMachineDefinition, {
    validationOptions: { checkArn: false },
  });
  const execution = machine.run(input as never, {
    overrides: { ...overrides, taskResourceLocalHandlers: topLevelHandlers as never },
    context: {
      Execution: {
        Id: executionArn,
        Name: executionName,
        StartTime: attempt.startTime,
        Input: input as never,
        ...(attempt.redriveCount > 0 ? { RedriveCount: attempt.redriveCount, RedriveTime: attempt.redriveTime } : {}),
      },
    } as never,
  });

  let failure: { error: string; cause: string } | undefined;
  for await (const event of execution.eventLogs) {
    emit(event);
    if (event.type === 'ExecutionFailed') {
      failure = {
        error: event.Error,
        cause: typeof event.Cause === 'string' ? event.Cause : JSON.stringify(event.Cause),
      };
    }
  }
  try {
    const output = await execution.result;
    return { status: 'SUCCEEDED', output, events };
  } catch (error) {
    const reason = failure ?? { error: (error as Error).name, cause: (error as Error).message };
    return { status: 'FAILED', ...reason, events };
  }
};
