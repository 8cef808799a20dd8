import { z } from 'zod';
import { hintSuffixOf, openForExecution, parseOperatorArgs } from '../operator/operator-command';
import { TARGET_USAGE } from '../operator/operator-options';
import { watchExecution } from '../operator/watch-run';

const USAGE = `usage: npm run cli -- watch <execution> [--interval SECONDS] [target options]

Follows the execution: the Map Run's item counts (DescribeMapRun) as a progress bar on a terminal, one line per change
otherwise, then the outcome. Exits 1 when the execution did not succeed.

  --interval <s>             seconds between polls (default 5)
${TARGET_USAGE}`;

/** `npm run cli -- watch <execution>`. */
export const main = async (argv: string[]): Promise<void> => {
  const { options, positionals } = parseOperatorArgs(
    argv,
    { interval: { type: 'string' } },
    { interval: z.coerce.number().positive().max(3600).default(5) },
    USAGE,
  );
  if (options.help) return void process.stdout.write(USAGE);
  const { context, executionArn } = await openForExecution(options, positionals, USAGE);
  const status = await watchExecution(context, executionArn, {
    intervalMs: options.interval * 1000,
    out: process.stdout,
    hintSuffix: hintSuffixOf(options),
  });
  if (status !== 'SUCCEEDED') process.exitCode = 1;
};
