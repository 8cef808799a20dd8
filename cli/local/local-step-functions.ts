import type { Deps } from '../../lambdas/_shared/deps';
import type { RunningServer } from '../../sandbox/servers/aws-server';
import { startSfnServer } from '../../sandbox/servers/sfn-server';
import { ExecutionRegistry } from '../../sandbox/sfn/execution-registry';
import type { ChildRecord, SfnEngine } from '../../sandbox/sfn/sfn-records';
import { type ExecuteWorkflowOptions, executeWorkflow } from './execute-workflow';
import { type ExecutionAttempt, firstAttempt } from './execution-attempt';
import type { EventLog } from './run-local-workflow';

/**
 * The local state machine's ARN: the local runner names its executions `…:execution:compliance-report-local:<name>`,
 * so the registry's execution ARNs and the Map Runs' parent ARNs agree.
 */
export const LOCAL_STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:compliance-report-local';

/** The sandbox's Step Functions API with the local engine behind it. */
export interface LocalStepFunctions {
  registry: ExecutionRegistry;
  server: RunningServer;
  stateMachineArn: string;
  close(): Promise<void>;
}

/** Options of {@link startLocalStepFunctions}. */
export interface LocalStepFunctionsOptions {
  /** Progress of each execution, event by event (the `npm start` progress lines). @default - none */
  onEvent?: (event: EventLog) => void;
  /** @default 10 */
  mapConcurrency?: number;
  /** Test seams of every execution (crash an account's Scan account, lower the tolerance). @default - none */
  runOptions?: Pick<
    ExecuteWorkflowOptions,
    'wrapHandlers' | 'toleratedFailurePercentage' | 'scanAccountTimeoutSeconds'
  >;
}

/**
 * Starts the sandbox's Step Functions API (AWS JSON 1.0 on loopback) over an execution registry whose engine is the
 * local runner: `StartExecution` runs the workflow with `deps`, the Map Run and its children reach the registry as
 * they start and finish (so `DescribeMapRun` and `ListExecutions --map-run-arn` answer while it runs), and the
 * execution's outcome is recorded when it ends. The operator commands (`start`, `watch`, `failed`, `reports`) then
 * work against it as against AWS, `redrive` included: the engine keeps each execution's attempt
 * (cli/local/execution-attempt.ts) and a redrive continues it under the same name, input and StartTime, replaying the
 * top-level tasks that succeeded, redriving the failed Map Run (only its unsuccessful children run again) and
 * running the states after it, so the reports are built under the same run id.
 */
export const startLocalStepFunctions = async (
  deps: Deps,
  options: LocalStepFunctionsOptions = {},
): Promise<LocalStepFunctions> => {
  const attempts = new Map<string, ExecutionAttempt>();
  const engine: SfnEngine = async (start) => {
    const startDate = new Date();
    const base = { executionArn: start.executionArn, name: start.name, input: start.input, startDate };
    const earlier = attempts.get(start.executionArn);
    if (start.redrive && earlier === undefined) {
      throw Object.assign(
        new Error(`the local engine has no earlier attempt of ${start.executionArn}; start a new execution instead`),
        { name: 'States.Runtime' },
      );
    }
    const attempt: ExecutionAttempt =
      start.redrive && earlier
        ? { ...earlier, redriveCount: start.redrive.redriveCount, redriveTime: start.redrive.redriveDate.toISOString() }
        : firstAttempt(startDate);
    attempts.set(start.executionArn, attempt);
    const result = await executeWorkflow({
      ...options.runOptions,
      attempt,
      deps,
      input: JSON.parse(start.input),
      executionName: start.name,
      ...(options.mapConcurrency ? { mapConcurrency: options.mapConcurrency } : {}),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      // Children not started yet are PENDING items, not executions: ListExecutions shows only the started ones.
      onMapRun: (record) => {
        const started = record.children.filter((child) => child.Status !== 'PENDING');
        registry.recordMapRun(structuredClone({ ...record, children: started as ChildRecord[] }));
      },
    });
    registry.recordExecution(
      result.status === 'SUCCEEDED'
        ? { ...base, status: 'SUCCEEDED', stopDate: new Date(), output: JSON.stringify(result.output) }
        : { ...base, status: 'FAILED', stopDate: new Date(), error: result.error, cause: result.cause },
    );
  };
  const registry = new ExecutionRegistry({ stateMachineArns: [LOCAL_STATE_MACHINE_ARN], engine });
  const server = await startSfnServer({ registry });
  return {
    registry,
    server,
    stateMachineArn: LOCAL_STATE_MACHINE_ARN,
    close: async () => {
      await registry.settled();
      await server.close();
    },
  };
};
