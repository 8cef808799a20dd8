import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { DynamoComplianceEventStore } from '../../core/events/adapters/dynamo-compliance-event-store';
import { loadEventsEnv } from '../../core/events/events-env';
import { createEventsDeps } from '../../lambdas/_shared/events-deps';
import { createEventsApiDeps } from '../../lambdas/events-api/deps';
import { buildEventsApiHandler } from '../../lambdas/events-api/handler';
import { buildEventsIngestHandler } from '../../lambdas/events-ingest/handler';
import { ExitError } from '../errors';
import { localContext } from '../local/lambda-context';
import { openLocalEventsTable } from '../local/local-events-table';
import { parseCliArgs } from '../options/parse-cli-args';
import { toProxyEvent } from './api';

const BENCH_EVENTS_USAGE = `usage: npm run cli -- bench-events [--events N] [--accounts N] [--concurrency N] [--queries N] [--seed N]

Ingests --events (default 100,000) generated Config compliance changes through the real ingest handler into a local
table (dynalite in memory, DynamoDB adapter), then sends --queries query API requests through the real events-api
handler (by account, by rule over a time range, account compliance; some following a cursor), and prints events/s
and the p50/p95 query latency.
`;

const BenchEventsOptionsSchema = z.object({
  events: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  accounts: z.coerce.number().int().min(1).max(10_000).default(50),
  concurrency: z.coerce.number().int().min(1).max(512).default(32),
  queries: z.coerce.number().int().min(1).max(100_000).default(1000),
  seed: z.coerce.number().int().default(42),
});
/** Options of {@link runEventsBench}. */
export type BenchEventsOptions = z.output<typeof BenchEventsOptionsSchema>;

const REGIONS = ['us-east-1', 'ap-east-1'];
const RULES = [
  'encrypted-volumes',
  's3-bucket-versioning-enabled',
  'securityhub-s3-bucket-public-read-prohibited-a1b2c3d4',
  'root-account-mfa-enabled',
  'cloudtrail-enabled-conformance-pack-6cruwvtg2',
  'iam-password-policy',
  'rds-storage-encrypted',
  'vpc-flow-logs-enabled',
];
const TYPES = ['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'] as const;
const START = Date.parse('2026-11-01T00:00:00.000Z');

/** A small deterministic PRNG (mulberry32), so a seed gives the same events. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const accountId = (i: number) => String(100_000_000_000 + i);

/** Event `n`: a recorded-shape compliance change, one minute of (simulated) time after the previous. */
export const benchEvent = (n: number, accounts: number, next: () => number) => {
  const account = accountId(Math.floor(next() * accounts));
  const region = REGIONS[Math.floor(next() * REGIONS.length)] ?? 'us-east-1';
  const rule = RULES[Math.floor(next() * RULES.length)] ?? 'encrypted-volumes';
  const resourceId = `res-${Math.floor(next() * 40)}`;
  const complianceType = TYPES[next() < 0.55 ? 0 : next() < 0.9 ? 1 : 2];
  const at = new Date(START + n * 60_000).toISOString();
  const qualifier = { configRuleName: rule, resourceType: 'AWS::S3::Bucket', resourceId };
  return {
    version: '0',
    id: `bench-${String(n).padStart(7, '0')}`,
    'detail-type': 'Config Rules Compliance Change',
    source: 'aws.config',
    account,
    time: at,
    region,
    resources: [],
    detail: {
      resourceId,
      resourceType: 'AWS::S3::Bucket',
      awsRegion: region,
      awsAccountId: account,
      configRuleName: rule,
      configRuleARN: `arn:aws:config:${region}:${account}:config-rule/config-rule-${RULES.indexOf(rule)}`,
      messageType: 'ComplianceChangeNotification',
      recordVersion: '1.0',
      notificationCreationTime: at,
      newEvaluationResult: {
        evaluationResultIdentifier: { evaluationResultQualifier: qualifier, orderingTimestamp: at },
        complianceType,
        resultRecordedTime: at,
      },
    },
  };
};

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Runs `count` tasks with at most `concurrency` in flight. */
const pool = async (count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> => {
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < count) await task(nextIndex++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
};

/** The figures of one run. */
export interface EventsBenchResult {
  events: number;
  ingestSeconds: number;
  eventsPerSecond: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** Ingests generated events, then times queries; both through the real handlers on a local table. */
export const runEventsBench = async (options: BenchEventsOptions): Promise<EventsBenchResult> => {
  const table = await openLocalEventsTable(undefined, true);
  try {
    const env = loadEventsEnv({ EVENTS_TABLE_NAME: table.tableName, AWS_REGION: 'us-east-1' });
    const logger = new Logger({ serviceName: 'bench-events', logLevel: 'SILENT' });
    const client = table.documentClient();
    const ingest = buildEventsIngestHandler(
      createEventsDeps(env, { logger, store: new DynamoComplianceEventStore(client, table.tableName) }),
    );
    const api = buildEventsApiHandler(createEventsApiDeps(env, { documentClient: client, logger }));
    const next = random(options.seed);
    const events = Array.from({ length: options.events }, (_, n) => benchEvent(n, options.accounts, next));

    const started = performance.now();
    await pool(events.length, options.concurrency, async (i) => {
      await ingest(events[i], localContext('events-ingest'));
    });
    const ingestSeconds = (performance.now() - started) / 1000;

    const latencies: number[] = [];
    let cursor: { url: string; cursor: string } | undefined;
    for (let q = 0; q < options.queries; q += 1) {
      const account = accountId(Math.floor(next() * options.accounts));
      const day = new Date(START + Math.floor(next() * options.events) * 60_000).toISOString().slice(0, 10);
      const urls = [
        `/events?account=${account}&limit=50`,
        `/events?rule=${RULES[q % RULES.length]}&from=${day}T00:00:00Z&to=${day}T12:00:00Z&limit=50`,
        `/accounts/${account}/compliance?limit=100`,
      ];
      const url = cursor && q % 4 === 3 ? `${cursor.url}&cursor=${cursor.cursor}` : (urls[q % urls.length] ?? '/');
      const t0 = performance.now();
      const result = await api(toProxyEvent('GET', url), localContext('events-api'));
      latencies.push(performance.now() - t0);
      if (result.statusCode !== 200) throw new ExitError(`query ${url} answered ${result.statusCode}: ${result.body}`);
      const nextCursor = (JSON.parse(result.body) as { nextCursor?: string }).nextCursor;
      cursor = nextCursor ? { url: url.replace(/&cursor=[^&]*/, ''), cursor: nextCursor } : undefined;
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      events: events.length,
      ingestSeconds,
      eventsPerSecond: events.length / ingestSeconds,
      queries: latencies.length,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted.at(-1) ?? 0,
    };
  } finally {
    await table.stop();
  }
};

/** The figures as the CLI prints them. */
export const formatEventsBench = (r: EventsBenchResult, o: BenchEventsOptions): string[] => [
  `events: ${r.events.toLocaleString('en-US')} over ${o.accounts} accounts × ${REGIONS.length} regions × ${RULES.length} rules (seed ${o.seed}), concurrency ${o.concurrency}`,
  `ingest: ${r.ingestSeconds.toFixed(1)} s, ${Math.round(r.eventsPerSecond).toLocaleString('en-US')} events/s`,
  `queries: ${r.queries} (by account, by rule + time range, account compliance; every 4th follows a cursor)`,
  `query latency: p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms`,
  `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
];

/** `npm run cli -- bench-events` */
export const main = async (argv: string[]): Promise<void> => {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(BENCH_EVENTS_USAGE);
    return;
  }
  const flags = ['events', 'accounts', 'concurrency', 'queries', 'seed'];
  const options = parseCliArgs(
    argv,
    Object.fromEntries(flags.map((k) => [k, { type: 'string' as const }])),
    BenchEventsOptionsSchema,
    BENCH_EVENTS_USAGE,
  );
  process.stdout.write('== compliance events ==\n');
  process.stdout.write(`${formatEventsBench(await runEventsBench(options), options).join('\n')}\n`);
};
