import { ExitError } from '../errors';
import { copyReports } from '../local/copy-reports';
import { executeWorkflow, localExecutionName } from '../local/execute-workflow';
import { createProgressReporter } from '../local/progress';
import { openLiveSession, openSandboxSession, type WorkflowSession } from '../local/workflow-session';
import { executionInputFrom, parseRunOptions, RUN_USAGE, type RunOptions } from '../options/run-options';

type Json = Record<string, unknown>;

const openSession = (options: RunOptions): Promise<WorkflowSession> =>
  options.live
    ? openLiveSession({
        profile: options.profile,
        bucket: options.bucket as string,
        roleName: options.roleName,
        externalId: options.externalId as string,
        regions: options.region,
        logLevel: options.logLevel,
      })
    : openSandboxSession(options.scenario, options.logLevel);

/**
 * `npm start`: runs the workflow once, shows progress per account, copies the reports to `--output` and prints where
 * they are. A failed execution exits 1 with the failing state's error and cause.
 */
export const main = async (argv: string[]): Promise<void> => {
  const options = parseRunOptions(argv);
  if (options.help) {
    process.stdout.write(RUN_USAGE);
    return;
  }
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const session = await openSession(options);
  try {
    say(options.live ? 'Running against AWS' : `Running against the sandbox (${options.scenario})`);
    const executionName = localExecutionName();
    const result = await executeWorkflow({
      deps: session.deps,
      input: executionInputFrom(options),
      executionName,
      onEvent: createProgressReporter(say),
    });
    if (result.status === 'FAILED') throw new ExitError(`the run failed: ${result.error}: ${result.cause}`, 1);

    const reports = (result.output as Json).reports as Json;
    const files = await copyReports(session.deps.store, String(reports.prefix), options.output);
    const totals = (reports.totals ?? {}) as Json;
    say('');
    say(`Run ${executionName} succeeded: ${JSON.stringify(totals)}`);
    say(`Reports in s3://${reports.bucket}/${reports.prefix} copied to ${options.output}/:`);
    for (const file of files) say(`  ${file}`);
  } finally {
    await session.close();
  }
};
