import { DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { Deps } from '../../lambdas/_shared/deps';
import { failedAccountLines, failedAccounts } from '../operator/failed-accounts';
import type { TargetOptions } from '../operator/operator-options';
import { openOperatorContext } from '../operator/operator-target';
import { startLocalStepFunctions } from './local-step-functions';
import type { EventLog } from './run-local-workflow';

/** A run's outcome as DescribeExecution tells it. */
export type RunOutcome = { status: 'SUCCEEDED'; output: unknown } | { status: 'FAILED'; error: string; cause: string };

/** What {@link runThroughStepFunctionsApi} returns: the outcome, the execution's ARN and the `failed` lines. */
export interface ApiRunResult {
  result: RunOutcome;
  executionArn: string;
  endpoint: string;
  failedLines: string[];
}

/**
 * One local run the way an operator drives a deployed one: the sandbox's Step Functions API (backed by the local
 * engine) receives `StartExecution` from `@aws-sdk/client-sfn`, the run's outcome is read back with
 * `DescribeExecution`, and the failed accounts are listed exactly as `npm run cli -- failed` lists them (from the
 * Map Run's failed children). So every `npm start` exercises the operator CLI's client code.
 */
export const runThroughStepFunctionsApi = async (
  deps: Deps,
  request: { input: unknown; executionName: string; onEvent?: (event: EventLog) => void },
): Promise<ApiRunResult> => {
  const local = await startLocalStepFunctions(deps, request.onEvent ? { onEvent: request.onEvent } : {});
  try {
    const target = { endpoint: local.server.url, stateMachineArn: local.stateMachineArn } as TargetOptions;
    const context = await openOperatorContext(target);
    const started = await context.sfn.send(
      new StartExecutionCommand({
        stateMachineArn: local.stateMachineArn,
        name: request.executionName,
        input: JSON.stringify(request.input),
      }),
    );
    const executionArn = started.executionArn as string;
    await local.registry.settled();
    const described = await context.sfn.send(new DescribeExecutionCommand({ executionArn }));
    const failedLines = failedAccountLines(await failedAccounts(context, executionArn));
    const result: RunOutcome =
      described.status === 'SUCCEEDED'
        ? { status: 'SUCCEEDED', output: JSON.parse(described.output ?? 'null') }
        : { status: 'FAILED', error: described.error ?? String(described.status), cause: described.cause ?? '' };
    return { result, executionArn, endpoint: local.server.url, failedLines };
  } finally {
    await local.close();
  }
};
