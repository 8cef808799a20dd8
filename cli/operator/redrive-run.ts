import { DescribeExecutionCommand, type DescribeExecutionOutput, RedriveExecutionCommand } from '@aws-sdk/client-sfn';
import { consoleUrl } from '../../core/notify/console-url';
import { ExitError } from '../exit-error';
import { failedAccounts } from './failed-accounts';
import { attempt } from './operator-errors';
import type { OperatorContext } from './operator-target';

/** How long after it stopped AWS still redrives an execution (RedriveExecution reference). */
export const REDRIVE_WINDOW_DAYS = 14;

/**
 * The `start` command that rescans the named accounts: a new run limited to them, for the dates the execution's input
 * names (the repair run that rescans them *into* the earlier run's reports is not built yet). Without accounts it is
 * a fresh run of the same week.
 */
export const rescanCommand = (
  runId: string,
  accounts: string[],
  input: { startDate?: string; endDate?: string },
  suffix = '',
): string => {
  const dates = [
    ...(input.startDate ? [`--start-date ${input.startDate}`] : []),
    ...(input.endDate ? [`--end-date ${input.endDate}`] : []),
  ];
  return accounts.length === 0
    ? `npm run cli -- start --name rerun-${runId}${dates.map((d) => ` ${d}`).join('')}${suffix}   (a new run: every account, its own run id)`
    : `npm run cli -- start ${[...dates, ...accounts.map((a) => `--account ${a}`)].join(' ')}${suffix}`;
};

/** The dates an execution was started with (absent for a scheduled run: it used the previous week). */
const datesOf = (input: string | undefined): { startDate?: string; endDate?: string } => {
  try {
    const parsed = JSON.parse(input ?? '{}') as { startDate?: unknown; endDate?: unknown };
    return {
      ...(typeof parsed.startDate === 'string' ? { startDate: parsed.startDate } : {}),
      ...(typeof parsed.endDate === 'string' ? { endDate: parsed.endDate } : {}),
    };
  } catch {
    return {};
  }
};

/** Why AWS would refuse to redrive this execution now, judged from DescribeExecution; undefined when it would not. */
export const redriveRefusal = (execution: DescribeExecutionOutput, now: Date): string | undefined => {
  if (execution.status === 'RUNNING') return 'it is still RUNNING';
  if (execution.status === 'SUCCEEDED')
    return 'it SUCCEEDED, and AWS redrives only failed, aborted or timed-out executions';
  const stopped = execution.stopDate;
  if (stopped && now.getTime() - stopped.getTime() > REDRIVE_WINDOW_DAYS * 24 * 3600 * 1000) {
    return `it stopped on ${stopped.toISOString()}, more than ${REDRIVE_WINDOW_DAYS} days ago (AWS redrives within ${REDRIVE_WINDOW_DAYS} days of the stop)`;
  }
  if (execution.redriveStatus === 'NOT_REDRIVABLE') return execution.redriveStatusReason ?? 'AWS says NOT_REDRIVABLE';
  return undefined;
};

const refusal = async (
  context: OperatorContext,
  execution: DescribeExecutionOutput,
  reason: string,
  suffix: string,
) => {
  const executionArn = execution.executionArn ?? '';
  const runId = execution.name ?? executionArn.split(':').at(-1) ?? '';
  if (execution.status === 'RUNNING') {
    return new ExitError(
      `cannot redrive ${runId}: ${reason}. Follow it with: npm run cli -- watch ${executionArn}${suffix}`,
    );
  }
  const accounts = (await failedAccounts(context, executionArn)).flatMap((r) => r.failed.map((f) => f.accountId));
  const what =
    accounts.length === 0
      ? 'No account failed in its Map Run. To run the week again:'
      : `${accounts.length} failed account${accounts.length === 1 ? '' : 's'} (${accounts.join(', ')}). Rescan ${accounts.length === 1 ? 'it' : 'them'} with a new run of ${accounts.length === 1 ? 'that account' : 'those accounts'} (its own run id and reports):`;
  const command = rescanCommand(runId, accounts, datesOf(execution.input), suffix);
  return new ExitError(`cannot redrive ${runId}: ${reason}.\n${what}\n  ${command}`);
};

/**
 * `redrive`: checks that AWS would redrive the execution (not SUCCEEDED or RUNNING, stopped less than 14 days ago,
 * `redriveStatus`), calls RedriveExecution, and returns the lines to print. A refusal (ours or AWS's
 * `ExecutionNotRedrivable`) is an ExitError naming the reason and the rescan to start instead.
 */
export const redriveExecution = async (
  context: OperatorContext,
  executionArn: string,
  options: { now?: Date; hintSuffix?: string } = {},
): Promise<string[]> => {
  const suffix = options.hintSuffix ?? '';
  const execution = await attempt(context.call('states:DescribeExecution', executionArn), () =>
    context.sfn.send(new DescribeExecutionCommand({ executionArn })),
  );
  const reason = redriveRefusal(execution, options.now ?? new Date());
  if (reason) throw await refusal(context, execution, reason, suffix);
  let redriveDate: Date | undefined;
  try {
    ({ redriveDate } = await context.sfn.send(new RedriveExecutionCommand({ executionArn })));
  } catch (error) {
    if ((error as Error).name === 'ExecutionNotRedrivable') {
      throw await refusal(context, execution, `AWS refused: ${(error as Error).message}`, suffix);
    }
    return attempt(context.call('states:RedriveExecution', executionArn), () => Promise.reject(error));
  }
  return [
    `Redriving ${execution.name} (was ${execution.status}${execution.error ? `: ${execution.error}` : ''}) at ${redriveDate?.toISOString()}:`,
    '  only its unsuccessful states run again (in the Map Run, only the failed children); reports keep its run id.',
    `  ${consoleUrl(context.region, executionArn)}`,
    `  follow it: npm run cli -- watch ${executionArn}${suffix}`,
  ];
};
