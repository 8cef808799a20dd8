import { join } from 'node:path';
import { laceworkKeyFromEnv, loadLaceworkKeyFile } from '../../core/lacework/adapters/lacework-credentials';
import { formatScore } from '../../core/notify/report-facts';
import { ExitError } from '../exit-error';
import { copyReports, seedObjects } from '../local/copy-reports';
import { executeWorkflow, localExecutionName } from '../local/execute-workflow';
import { createProgressReporter } from '../local/progress';
import { runThroughStepFunctionsApi } from '../local/run-through-sfn-api';
import { openLiveSession, openSandboxSession, type WorkflowSession } from '../local/workflow-session';
import {
  envOverridesFrom,
  executionInputFrom,
  parseRunOptions,
  RUN_USAGE,
  type RunOptions,
} from '../options/run-options';

type Json = Record<string, unknown>;

/** The user's Lacework key: `-k <file>`, else (live runs) the LW_* variables, else none (the sandbox has its own). */
const laceworkKeyFrom = async (options: RunOptions) => {
  if (options.apiKeyFile) return { key: await loadLaceworkKeyFile(options.apiKeyFile), source: options.apiKeyFile };
  const fromEnv = options.live ? laceworkKeyFromEnv(process.env) : undefined;
  return fromEnv ? { key: fromEnv, source: 'LW_ACCOUNT/LW_API_KEY/LW_API_SECRET' } : undefined;
};

const openSession = async (options: RunOptions): Promise<WorkflowSession> => {
  const session = {
    logLevel: options.logLevel,
    envOverrides: envOverridesFrom(options),
    laceworkKey: await laceworkKeyFrom(options).catch((error: Error) => {
      throw new ExitError(error.message, 2);
    }),
  };
  return options.live
    ? openLiveSession({
        ...session,
        profile: options.profile,
        bucket: options.bucket as string,
        roleName: options.roleName,
        externalId: options.externalId as string,
        regions: options.region,
      })
    : openSandboxSession(options.scenario, session);
};

/** One notify step's outcome: its status, why it was skipped, where it went, or what failed. */
const outcomeLine = (service: string, outcome: Json): string =>
  [
    `${service}: ${outcome.status ?? 'unknown'}`,
    ...(outcome.reason ? [`(${outcome.reason})`] : []),
    ...[outcome.key, outcome.url, outcome.errors].filter((part) => part !== undefined).map(String),
  ].join(' ');

/** Where the Slack message and the Jira ticket went (the sandbox's received text on a local run). */
const notificationLines = (notifications: Json | undefined, session: WorkflowSession): string[] => {
  const posted = session.sandbox?.notify.slack.received.at(-1)?.text;
  return [
    '',
    outcomeLine('Slack', (notifications?.slack ?? {}) as Json),
    ...(posted ? [`  "${posted}"`] : []),
    outcomeLine('Jira', (notifications?.jira ?? {}) as Json),
  ];
};

/** The run's totals in words: accounts, resources, the score and where Config is off. */
export const totalsLine = (totals: Json): string => {
  const off = Number(totals.configDisabledRegions ?? 0);
  return [
    `${totals.accounts} accounts (${totals.scanned} scanned, ${totals.failed} failed)`,
    `resources ${totals.compliant} compliant, ${totals.nonCompliant} non-compliant`,
    `score ${formatScore(totals.score as number | null | undefined)}`,
    ...(off > 0 ? [`Config off in ${off} account-region${off === 1 ? '' : 's'}`] : []),
  ].join('; ');
};

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
    const historyDir = join(options.output, 'history');
    const seeded = session.sandbox ? await seedObjects(session.deps.store, historyDir, 'history/') : 0;
    if (seeded > 0) say(`  ${seeded} earlier local run(s) from ${historyDir} (trend, New, Resolved)`);
    const executionName = localExecutionName();
    const request = { input: executionInputFrom(options), executionName, onEvent: createProgressReporter(say) };
    // On the sandbox the run goes through its Step Functions API, as an operator drives a deployed run.
    const viaApi = session.sandbox ? await runThroughStepFunctionsApi(session.deps, request) : undefined;
    const result = viaApi?.result ?? (await executeWorkflow({ deps: session.deps, ...request }));
    if (viaApi) {
      say('');
      // The sandbox is gone when npm start ends, so the command is named for AWS, where it can be run again.
      say('Failed accounts, from the Map Run as `npm run cli -- failed <execution>` lists them on AWS:');
      for (const line of viaApi.failedLines) say(`  ${line}`);
    }
    if (result.status === 'FAILED') throw new ExitError(`the run failed: ${result.error}: ${result.cause}`, 1);

    const reports = (result.output as Json).reports as Json;
    const files = await copyReports(session.deps.store, String(reports.prefix), options.output, {
      renameAlertsCsv: options.outputFile,
    });
    const totals = (reports.totals ?? {}) as Json;
    say('');
    say(`Run ${executionName} succeeded: ${totalsLine(totals)}`);
    const bucket = session.sandbox ? "the sandbox's bucket, gone when this command ends" : 'S3';
    say(`Reports in s3://${reports.bucket}/${reports.prefix} (${bucket}) copied to ${options.output}/:`);
    for (const file of files) say(`  ${file}`);
    const overview = files.find((file) => file.endsWith('summary.html'));
    if (overview) say(`Start with ${overview}: the overview in a browser; the workbook has every row.`);
    if (session.sandbox) await copyReports(session.deps.store, 'history/', historyDir);
    for (const line of notificationLines((result.output as Json).notifications as Json, session)) say(line);
  } finally {
    await session.close();
  }
};
