import { failedAccountLines, failedAccounts } from '../operator/failed-accounts';
import { openForExecution, parseOperatorArgs, print } from '../operator/operator-command';
import { TARGET_USAGE } from '../operator/operator-options';

const USAGE = `usage: npm run cli -- failed <execution> [target options]

Lists every failed account of the execution: the Map Run's FAILED, TIMED_OUT and ABORTED child executions, each with
its account id, error and cause (ListMapRuns, ListExecutions with mapRunArn and statusFilter, DescribeExecution).
<execution> is an execution ARN, or its name with --stage / --state-machine-arn.

${TARGET_USAGE}`;

/** `npm run cli -- failed <execution>`. */
export const main = async (argv: string[]): Promise<void> => {
  const { options, positionals } = parseOperatorArgs(argv, {}, {}, USAGE);
  if (options.help) return void process.stdout.write(USAGE);
  const { context, executionArn } = await openForExecution(options, positionals, USAGE);
  print(failedAccountLines(await failedAccounts(context, executionArn)));
};
