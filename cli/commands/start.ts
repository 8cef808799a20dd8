import { z } from 'zod';
import { AccountIdSchema, IsoDateSchema } from '../../core/domain/execution-input.schema';
import { ExitError } from '../exit-error';
import { hintSuffixOf, parseOperatorArgs, print } from '../operator/operator-command';
import { TARGET_USAGE } from '../operator/operator-options';
import { openOperatorContext } from '../operator/operator-target';
import { startRun } from '../operator/start-run';
import { watchExecution } from '../operator/watch-run';

const USAGE = `usage: npm run cli -- start [--start-date D --end-date D | --current-week] [--account ID …] [--no-notify] [--watch] [target options]

Starts an execution of the state machine (StartExecution) after validating its input with Resolve run's schema, and
prints its console URL. The execution name is the run id.

  --start-date YYYY-MM-DD    first day of the range (alone: 7 days)
  --end-date YYYY-MM-DD      last day (default: the previous Monday–Sunday)
  --current-week             this Monday–Sunday (not with dates)
  --account <id>             only this account (repeatable)
  --no-notify                no Slack post, no Jira ticket
  --name <name>              the execution name (default manual-<UTC time>)
  --watch                    follow it (as watch) until it stops
${TARGET_USAGE}`;

/** `npm run cli -- start`. */
export const main = async (argv: string[]): Promise<void> => {
  const { options, positionals } = parseOperatorArgs(
    argv,
    {
      'start-date': { type: 'string' },
      'end-date': { type: 'string' },
      'current-week': { type: 'boolean' },
      account: { type: 'string', multiple: true },
      'no-notify': { type: 'boolean' },
      name: { type: 'string' },
      watch: { type: 'boolean' },
    },
    {
      startDate: IsoDateSchema.optional(),
      endDate: IsoDateSchema.optional(),
      currentWeek: z.boolean().default(false),
      account: z.array(AccountIdSchema).default([]),
      noNotify: z.boolean().default(false),
      name: z.string().min(1).max(80).optional(),
      watch: z.boolean().default(false),
    },
    USAGE,
  );
  if (options.help) return void process.stdout.write(USAGE);
  if (positionals.length > 0)
    throw new ExitError(`start takes no positional argument, got ${positionals.join(' ')}\n\n${USAGE}`, 2);
  const context = await openOperatorContext(options);
  const { executionArn, lines } = await startRun(context, { ...options, accounts: options.account });
  const suffix = hintSuffixOf(options);
  print(options.watch ? lines : [...lines, `  follow it: npm run cli -- watch ${executionArn}${suffix}`]);
  if (options.watch) {
    const status = await watchExecution(context, executionArn, { out: process.stdout, hintSuffix: suffix });
    if (status !== 'SUCCEEDED') process.exitCode = 1;
  }
};
