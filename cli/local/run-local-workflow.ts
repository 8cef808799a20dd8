import './polyfills';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { TaskHandler } from '../../lambdas/_shared/create-handler';
import { type TaskKey, TaskStates } from '../../statemachines/state-names';

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
  /** Called for every event of the execution (progress display, tests). */
  onEvent?: (event: EventLog) => void;
}

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
 * What aws-local-stepfunctions does NOT do (documented and asserted in statemachines/local-definition.ts): it runs the
 * Distributed Map as an inline Map, ignoring ProcessorConfig, Label, ResultWriter and ToleratedFailure*; the map's
 * output is therefore the inline array of summaries, which Build reports accepts beside the S3 manifest form.
 */
export const runLocalWorkflow = async (options: LocalRunOptions): Promise<LocalRunResult> => {
  const { definition, handlers, input, executionName, retryIntervalMs = 100, onEvent } = options;
  const taskResourceLocalHandlers: Record<string, (payload: unknown) => Promise<unknown>> = {};
  const retryIntervalOverrides: Record<string, number> = {};
  for (const [key, stateName] of Object.entries(TaskStates) as [TaskKey, string][]) {
    const handler = handlers[key];
    taskResourceLocalHandlers[stateName] = async (payload) => {
      const result = await handler(JSON.parse(JSON.stringify(payload)), localContext(stateName));
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    };
    retryIntervalOverrides[stateName] = retryIntervalMs;
  }

  const machine = new StateMachine(definition as StateMachineDefinition, { validationOptions: { checkArn: false } });
  const execution = machine.run(input as never, {
    overrides: { taskResourceLocalHandlers: taskResourceLocalHandlers as never, retryIntervalOverrides },
    context: {
      Execution: {
        Id: `arn:aws:states:us-east-1:000000000000:execution:compliance-report-local:${executionName}`,
        Name: executionName,
        StartTime: new Date().toISOString(),
        Input: input as never,
      },
    },
  });

  const events: EventLog[] = [];
  let failure: { error: string; cause: string } | undefined;
  for await (const event of execution.eventLogs) {
    events.push(event);
    onEvent?.(event);
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
