import type { Deps } from '../../lambdas/_shared/deps';
import type { RunningServer } from '../../sandbox/servers/aws-server';
import { startSfnServer } from '../../sandbox/servers/sfn-server';
import { ExecutionRegistry } from '../../sandbox/sfn/execution-registry';
import type { ChildRecord, SfnEngine } from '../../sandbox/sfn/sfn-records';
import { executeWorkflow } from './execute-workflow';
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
}

/**
 * Starts the sandbox's Step Functions API (AWS JSON 1.0 on loopback) over an execution registry whose engine is the
 * local runner: `StartExecution` runs the workflow with `deps`, the Map Run and its children reach the registry as
 * they start and finish (so `DescribeMapRun` and `ListExecutions --map-run-arn` answer while it runs), and the
 * execution's outcome is recorded when it ends. The operator commands (`start`, `watch`, `failed`, `reports`) then
 * work against it as against AWS. A redrive is refused by the engine with the repair run to use instead: the local
 * Distributed Map does not yet re-run only the unsuccessful children.
 */
export const startLocalStepFunctions = async (
  deps: Deps,
  options: LocalStepFunctionsOptions = {},
): Promise<LocalStepFunctions> => {
  const engine: SfnEngine = async (start) => {
    const startDate = new Date();
    const base = { executionArn: start.executionArn, name: start.name, input: start.input, startDate };
    if (start.redrive) {
      registry.recordExecution({
        ...base,
        status: 'FAILED',
        stopDate: new Date(),
        error: 'States.Runtime',
        cause: 'the local engine does not redrive yet; start a repair run of the failed accounts instead',
      });
      return;
    }
    const result = await executeWorkflow({
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
