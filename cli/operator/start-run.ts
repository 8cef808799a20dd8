import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type ExecutionInput, ExecutionInputSchema } from '../../core/domain/execution-input.schema';
import { consoleUrl } from '../../core/notify/console-url';
import { parseWith } from '../../core/shared/validation';
import { ExitError } from '../exit-error';
import { attempt } from './operator-errors';
import type { OperatorContext } from './operator-target';

/** What `start` was asked for, before it becomes the execution input. */
export interface StartRequest {
  startDate?: string;
  endDate?: string;
  currentWeek?: boolean;
  accounts?: string[];
  noNotify?: boolean;
  /** @default - `manual-<UTC time>` */
  name?: string;
}

/**
 * The execution input of a `start`, validated with the schema Resolve run uses, so a bad date or a date with
 * `--current-week` fails here, before an execution exists.
 */
export const executionInputOf = (request: StartRequest): ExecutionInput => {
  const input: Record<string, unknown> = {
    ...(request.startDate ? { startDate: request.startDate } : {}),
    ...(request.endDate ? { endDate: request.endDate } : {}),
    ...(request.currentWeek ? { currentWeek: true } : {}),
    ...(request.accounts?.length ? { accounts: request.accounts } : {}),
    ...(request.noNotify ? { notify: false } : {}),
  };
  try {
    return parseWith(ExecutionInputSchema, input, 'execution input');
  } catch (error) {
    throw new ExitError(`${(error as Error).message}\nNothing was started: fix the options and run start again.`, 2);
  }
};

/** The default execution name (the run id): `manual-` and the UTC time, in the characters a name allows. */
export const defaultExecutionName = (now: Date): string =>
  `manual-${now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')}`;

/** `start`: validates the input, starts the execution and returns its ARN and the lines to print. */
export const startRun = async (
  context: OperatorContext,
  request: StartRequest,
  now = new Date(),
): Promise<{ executionArn: string; lines: string[] }> => {
  const stateMachineArn = context.stateMachineArn;
  if (!stateMachineArn)
    throw new ExitError('start needs the state machine: --stage <stage> or --state-machine-arn <arn>', 2);
  const input = executionInputOf(request);
  const name = request.name ?? defaultExecutionName(now);
  const started = await attempt(context.call('states:StartExecution', stateMachineArn), () =>
    context.sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) })),
  ).catch((error: ExitError) => {
    if (/ExecutionAlreadyExists/.test(error.message)) {
      throw new ExitError(
        `an execution named "${name}" exists already (names stay taken for 90 days): pass another --name`,
      );
    }
    throw error;
  });
  const executionArn = started.executionArn ?? '';
  return {
    executionArn,
    lines: [
      `Started ${name} with input ${JSON.stringify(input)}`,
      `  ${executionArn}`,
      `  ${consoleUrl(context.region, executionArn)}`,
    ],
  };
};
