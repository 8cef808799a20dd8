import { hintSuffixOf, openForExecution, parseOperatorArgs, print } from '../operator/operator-command';
import { TARGET_USAGE } from '../operator/operator-options';
import { redriveExecution } from '../operator/redrive-run';

const USAGE = `usage: npm run cli -- redrive <execution> [target options]

Redrives a failed, aborted or timed-out execution (RedriveExecution): it keeps its ARN and run id and re-runs only
the unsuccessful states, in the Map Run only the failed children. AWS refuses a SUCCEEDED or RUNNING execution and one
that stopped more than 14 days ago; the refusal names the repair run to start instead.

${TARGET_USAGE}`;

/** `npm run cli -- redrive <execution>`. */
export const main = async (argv: string[]): Promise<void> => {
  const { options, positionals } = parseOperatorArgs(argv, {}, {}, USAGE);
  if (options.help) return void process.stdout.write(USAGE);
  const { context, executionArn } = await openForExecution(options, positionals, USAGE);
  print(await redriveExecution(context, executionArn, { hintSuffix: hintSuffixOf(options) }));
};
