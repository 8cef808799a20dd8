import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import { loadEventsEnv } from '../../core/events/events-env';
import type { IngestResult } from '../../core/events/ingest/ingest.service';
import { computeScore, formatScore } from '../../core/events/score';
import { StaticSecretSource } from '../../core/platform/secrets/static-secret-source';
import { createEventsDeps } from '../../lambdas/_shared/events-deps';
import { createLogger, type LogLevel } from '../../lambdas/_shared/logger';
import { buildEventsIngestHandler } from '../../lambdas/events-ingest/handler';
import { SANDBOX_DYNAMO_CREDENTIALS } from '../../sandbox/dynamodb/dynamo-sandbox';
import { startNotifySandbox } from '../../sandbox/notify-sandbox';
import type { SlackReceived } from '../../sandbox/servers/slack-server';
import { ExitError } from '../exit-error';
import { localContext } from '../local/lambda-context';
import { DEFAULT_EVENTS_DB, openLocalEventsTable } from '../local/local-events-table';
import { parseCliArgs } from '../options/parse-cli-args';

const EVENTS_USAGE = `usage: npm run events -- --replay <file.jsonl> [--db <dir>] [--fresh] [--log-level LEVEL]

Sends each line of the file (an EventBridge "Config Rules Compliance Change" event) through the real ingest handler,
against a local DynamoDB (dynalite, kept in --db, default output/events-db) and the sandbox's Slack, then prints the
stored latest states, scores and the Slack messages. \`npm run api\` serves the same table.
`;

const REGION = 'us-east-1';
const SLACK_SECRET = 'compliance-events/slack';

const EventsOptionsSchema = z.object({
  replay: z.string().min(1, 'give the events file: --replay sandbox/scenarios/events-demo.jsonl'),
  db: z.string().min(1).default(DEFAULT_EVENTS_DB),
  fresh: z.boolean().default(false),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('SILENT'),
});
/** Options of {@link runEvents}. */
export type EventsOptions = z.output<typeof EventsOptionsSchema>;

/** What a replay did: one result (or error) per line, the stored states per account, the Slack messages. */
export interface ReplaySummary {
  results: ({ line: number } & (IngestResult | { error: string }))[];
  accounts: { accountId: string; states: number; score: string; nonCompliant: string[] }[];
  slack: SlackReceived[];
}

/** Replays a JSONL file of EventBridge events through the real ingest handler against the local table. */
export const runEvents = async (options: EventsOptions): Promise<ReplaySummary> => {
  const lines = (
    await readFile(options.replay, 'utf8').catch((error: Error) => {
      throw new ExitError(`cannot read ${options.replay}: ${error.message}`, 2);
    })
  ).split('\n');
  if (options.fresh) await rm(options.db, { recursive: true, force: true });
  const table = await openLocalEventsTable(options.db);
  const notify = await startNotifySandbox();
  try {
    const env = loadEventsEnv({
      EVENTS_TABLE_NAME: table.tableName,
      AWS_REGION: REGION,
      DYNAMODB_ENDPOINT: table.endpoint,
      SLACK_SECRET_NAME: SLACK_SECRET,
      SLACK_API_BASE_URL: notify.slack.apiBaseUrl,
    });
    const deps = createEventsDeps(env, {
      logger: createLogger(env.POWERTOOLS_SERVICE_NAME, options.logLevel as LogLevel),
      secrets: new StaticSecretSource({ [SLACK_SECRET]: notify.secrets.slackWebhook }),
      hubCredentials: SANDBOX_DYNAMO_CREDENTIALS,
    });
    const handler = buildEventsIngestHandler(deps);
    const results: ReplaySummary['results'] = [];
    for (const [index, text] of lines.entries()) {
      if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
      try {
        const result = (await handler(JSON.parse(text), localContext('events-ingest'))) as IngestResult;
        results.push({ line: index + 1, ...result });
      } catch (error) {
        results.push({ line: index + 1, error: `${(error as Error).name}: ${(error as Error).message}` });
      }
    }
    const accounts: ReplaySummary['accounts'] = [];
    for (const accountId of await deps.store.listAccounts()) {
      const page = await deps.store.queryLatestByAccount(accountId, { limit: 1000 });
      accounts.push({
        accountId,
        states: page.items.length,
        score: formatScore(computeScore(page.items).score),
        nonCompliant: page.items
          .filter((s) => s.complianceType === 'NON_COMPLIANT')
          .map((s) => `${s.region} ${s.normalizedRuleName} ${s.resourceType} ${s.resourceId} (${s.severity})`),
      });
    }
    return { results, accounts, slack: [...notify.slack.received] };
  } finally {
    await notify.stop();
    await table.stop();
  }
};

const blockText = (block: unknown): string[] => {
  const b = block as { text?: { text?: string }; fields?: { text?: string }[]; elements?: { text?: string }[] };
  return [b.text?.text, ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => e.text)].filter(
    (t): t is string => typeof t === 'string',
  );
};

/** The summary as the CLI prints it. */
export const formatReplay = (summary: ReplaySummary): string[] => [
  '== events ==',
  ...summary.results.map((r) =>
    'error' in r
      ? `line ${r.line}: FAILED ${r.error}`
      : `line ${r.line}: ${r.eventId} ${r.transition} ${r.severity} history=${r.history} latest=${r.latest} alert=${r.alert}`,
  ),
  '',
  '== stored latest states ==',
  ...summary.accounts.flatMap((a) => [
    `${a.accountId}: ${a.states} states, score ${a.score}`,
    ...a.nonCompliant.map((s) => `  NON_COMPLIANT ${s}`),
  ]),
  '',
  `== Slack (${summary.slack.length} messages) ==`,
  ...summary.slack.flatMap((m, i) => [`-- message ${i + 1}: ${m.text ?? ''}`, ...(m.blocks ?? []).flatMap(blockText)]),
];

/** `npm run events -- --replay <file.jsonl>` */
export const main = async (argv: string[]): Promise<void> => {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(EVENTS_USAGE);
    return;
  }
  const options = parseCliArgs(
    argv,
    { replay: { type: 'string' }, db: { type: 'string' }, fresh: { type: 'boolean' }, 'log-level': { type: 'string' } },
    EventsOptionsSchema,
    EVENTS_USAGE,
  );
  const summary = await runEvents(options);
  process.stdout.write(`${formatReplay(summary).join('\n')}\n`);
  if (summary.results.some((r) => 'error' in r)) process.exitCode = 1;
};
