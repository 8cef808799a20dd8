import { mkdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import dynalite from 'dynalite';
import { z } from 'zod';
import { loadEventsEnv } from '../../core/events/events-env';
import type { IngestResult } from '../../core/events/ingest.service';
import { computeScore, formatScore } from '../../core/events/score';
import { createAwsClientFactory } from '../../core/platform/aws/aws-clients';
import { StaticSecretSource } from '../../core/platform/secrets/static-secret-source';
import { createEventsDeps } from '../../lambdas/_shared/events-deps';
import { createLogger, type LogLevel } from '../../lambdas/_shared/logger';
import { buildEventsIngestHandler } from '../../lambdas/events-ingest/handler';
import { createEventsTable, SANDBOX_DYNAMO_CREDENTIALS } from '../../sandbox/dynamodb/dynamo-sandbox';
import { startNotifySandbox } from '../../sandbox/notify-sandbox';
import type { SlackReceived } from '../../sandbox/servers/slack-server';
import { ExitError } from '../errors';
import { parseCliArgs } from '../options/parse-cli-args';

const EVENTS_USAGE = `usage: npm run events -- --replay <file.jsonl> [--db <dir>] [--fresh] [--log-level LEVEL]

Sends each line of the file (an EventBridge "Config Rules Compliance Change" event) through the real ingest handler,
against a local DynamoDB (dynalite, kept in --db, default output/events-db) and the sandbox's Slack, then prints the
stored latest states, scores and the Slack messages. \`npm run api\` serves the same table.
`;

/** Where the local events table lives between commands (`events` writes it, `api` reads it). */
export const DEFAULT_EVENTS_DB = 'output/events-db';
/** Name of the local events table. */
export const LOCAL_EVENTS_TABLE = 'compliance-events';
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

/** A local events table (dynalite persisted in a folder, on loopback). */
export interface LocalEventsTable {
  endpoint: string;
  tableName: string;
  documentClient(): DynamoDBDocumentClient;
  stop(): Promise<void>;
}

/** dynalite in its own thread, so the server and the SDK calls of a benchmark use two cores. */
const WORKER_CODE = `
const dynalite = require('dynalite');
const { parentPort, workerData } = require('node:worker_threads');
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...workerData });
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

const startDynalite = async (dir: string | undefined, inWorker: boolean) => {
  const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(dir ? { path: dir } : {}) };
  if (inWorker) {
    const worker = new Worker(WORKER_CODE, { eval: true, workerData: dir ? { path: dir } : {} });
    const port = await new Promise<number>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    return { port, close: async () => void (await worker.terminate()) };
  }
  const server = dynalite(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
};

/**
 * Opens the events table kept in `dir` (dynalite on LevelDB), creating the table the first time; `dir: undefined`
 * keeps it in memory. One process at a time may open a folder. `inWorker` runs dynalite in a worker thread.
 */
export const openLocalEventsTable = async (dir: string | undefined, inWorker = false): Promise<LocalEventsTable> => {
  if (dir) await mkdir(dir, { recursive: true });
  const server = await startDynalite(dir, inWorker);
  const endpoint = `http://127.0.0.1:${server.port}`;
  const admin = new DynamoDBClient({
    region: REGION,
    endpoint,
    credentials: SANDBOX_DYNAMO_CREDENTIALS,
    maxAttempts: 1,
  });
  try {
    await admin.send(new DescribeTableCommand({ TableName: LOCAL_EVENTS_TABLE }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    await createEventsTable(admin, LOCAL_EVENTS_TABLE);
  } finally {
    admin.destroy();
  }
  const clients: DynamoDBDocumentClient[] = [];
  return {
    endpoint,
    tableName: LOCAL_EVENTS_TABLE,
    documentClient: () => {
      const client = createAwsClientFactory({
        region: REGION,
        maxAttempts: 3,
        endpoints: { dynamodb: endpoint },
        hubCredentials: SANDBOX_DYNAMO_CREDENTIALS,
      }).dynamoDocument();
      clients.push(client);
      return client;
    },
    stop: async () => {
      for (const client of clients) client.destroy();
      await server.close();
    },
  };
};

/** A fake Lambda context for local invocations (no early-timeout abort). */
export const localContext = (functionName: string): Context =>
  ({ functionName, awsRequestId: `local-${Date.now()}`, getRemainingTimeInMillis: () => 60_000 }) as unknown as Context;

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
