import {
  DescribeExecutionCommand,
  type ExecutionStatus,
  ListExecutionsCommand,
  ListMapRunsCommand,
  type MapRunListItem,
} from '@aws-sdk/client-sfn';
import { attempt } from './operator-errors';
import type { OperatorContext } from './operator-target';

/** One failed child execution of a Map Run: the account, how it ended and why. */
export interface FailedAccount {
  accountId: string;
  status: ExecutionStatus;
  error: string;
  cause: string;
  executionArn: string;
}

/** The failed accounts of one Map Run of the execution. */
export interface MapRunFailures {
  mapRunArn: string;
  label: string;
  failed: FailedAccount[];
}

/** The unsuccessful statuses of a child execution (ListExecutions `statusFilter` takes one at a time). */
const UNSUCCESSFUL: ExecutionStatus[] = ['FAILED', 'TIMED_OUT', 'ABORTED'];

/** The Map Run label in its ARN, `arn:…:mapRun:<state machine>/<label>:<id>`. */
export const mapRunLabel = (mapRunArn: string): string => /\/([^:/]+):[^:]+$/.exec(mapRunArn)?.[1] ?? mapRunArn;

const accountOf = (input: string | undefined, fallback: string): string => {
  try {
    const parsed = JSON.parse(input ?? '') as { accountId?: unknown };
    return typeof parsed.accountId === 'string' ? parsed.accountId : fallback;
  } catch {
    return fallback;
  }
};

/** Every Map Run the execution started (all pages of ListMapRuns). */
export const listMapRuns = async (context: OperatorContext, executionArn: string): Promise<MapRunListItem[]> => {
  const runs: MapRunListItem[] = [];
  let nextToken: string | undefined;
  do {
    const page = await attempt(context.call('states:ListMapRuns', executionArn), () =>
      context.sfn.send(new ListMapRunsCommand({ executionArn, nextToken })),
    );
    runs.push(...(page.mapRuns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return runs;
};

/**
 * The failed accounts of an execution: for each Map Run, its FAILED, TIMED_OUT and ABORTED children
 * (`ListExecutions` with `mapRunArn` and `statusFilter`, every page), each described (`DescribeExecution`) for its
 * error, cause and input (the account id).
 */
export const failedAccounts = async (context: OperatorContext, executionArn: string): Promise<MapRunFailures[]> => {
  const runs = await listMapRuns(context, executionArn);
  return Promise.all(
    runs.map(async ({ mapRunArn = '' }) => {
      const arns: string[] = [];
      for (const statusFilter of UNSUCCESSFUL) {
        let nextToken: string | undefined;
        do {
          const page = await attempt(context.call('states:ListExecutions', mapRunArn), () =>
            context.sfn.send(new ListExecutionsCommand({ mapRunArn, statusFilter, nextToken })),
          );
          arns.push(...(page.executions ?? []).map((e) => e.executionArn ?? ''));
          nextToken = page.nextToken;
        } while (nextToken);
      }
      const failed = await Promise.all(
        arns.map(async (arn) => {
          const child = await attempt(context.call('states:DescribeExecution', arn), () =>
            context.sfn.send(new DescribeExecutionCommand({ executionArn: arn })),
          );
          return {
            accountId: accountOf(child.input, child.name ?? arn),
            status: child.status ?? 'FAILED',
            error: child.error ?? child.status ?? 'unknown',
            cause: child.cause ?? '(no cause recorded)',
            executionArn: arn,
          };
        }),
      );
      failed.sort((a, b) => a.accountId.localeCompare(b.accountId));
      return { mapRunArn, label: mapRunLabel(mapRunArn), failed };
    }),
  );
};

/** The lines `failed` prints: per Map Run a heading, then one line per account (id, error, cause). */
export const failedAccountLines = (runs: MapRunFailures[]): string[] => {
  if (runs.length === 0) return ['No Map Run in this execution yet: it failed or is still before Scan accounts.'];
  return runs.flatMap(({ mapRunArn, label, failed }) =>
    failed.length === 0
      ? [`No failed accounts in Map Run ${label} (${mapRunArn}).`]
      : [
          `${failed.length} failed account${failed.length === 1 ? '' : 's'} in Map Run ${label} (${mapRunArn}):`,
          ...failed.map(
            (f) =>
              `  ${f.accountId}  ${f.status === 'FAILED' ? '' : `${f.status} `}${f.error}: ${f.cause.replace(/\s+/g, ' ')}`,
          ),
        ],
  );
};
