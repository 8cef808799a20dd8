import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { DynamoComplianceEventStore } from '../../core/events/adapters/dynamo-compliance-event-store';
import { loadEventsEnv } from '../../core/events/events-env';
import { createEventsDeps } from '../../lambdas/_shared/events-deps';
import { createEventsApiDeps } from '../../lambdas/events-api/events-api-deps';
import { buildEventsApiHandler } from '../../lambdas/events-api/handler';
import { buildEventsIngestHandler } from '../../lambdas/events-ingest/handler';
import { ExitError } from '../exit-error';
import { localContext } from '../local/lambda-context';
import { openLocalEventsTable } from '../local/local-events-table';
import { toProxyEvent } from '../local/proxy-event';
import { BENCH_REGIONS, BENCH_RULES, BENCH_START, benchAccountId, benchEvent, seededRandom } from './events-bench-data';

/** Options of {@link runEventsBench}, as flags give them. */
export const BenchEventsOptionsSchema = z.object({
  events: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
  accounts: z.coerce.number().int().min(1).max(10_000).default(50),
  concurrency: z.coerce.number().int().min(1).max(512).default(32),
  queries: z.coerce.number().int().min(1).max(100_000).default(1000),
  seed: z.coerce.number().int().default(42),
});
/** Options of {@link runEventsBench}. */
export type BenchEventsOptions = z.output<typeof BenchEventsOptionsSchema>;

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
    const next = seededRandom(options.seed);
    const events = Array.from({ length: options.events }, (_, n) => benchEvent(n, options.accounts, next));

    const started = performance.now();
    await pool(events.length, options.concurrency, async (i) => {
      await ingest(events[i], localContext('events-ingest'));
    });
    const ingestSeconds = (performance.now() - started) / 1000;

    const latencies: number[] = [];
    let cursor: { url: string; cursor: string } | undefined;
    for (let q = 0; q < options.queries; q += 1) {
      const account = benchAccountId(Math.floor(next() * options.accounts));
      const day = new Date(BENCH_START + Math.floor(next() * options.events) * 60_000).toISOString().slice(0, 10);
      const urls = [
        `/events?account=${account}&limit=50`,
        `/events?rule=${BENCH_RULES[q % BENCH_RULES.length]}&from=${day}T00:00:00Z&to=${day}T12:00:00Z&limit=50`,
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
  `events: ${r.events.toLocaleString('en-US')} over ${o.accounts} accounts × ${BENCH_REGIONS.length} regions × ${BENCH_RULES.length} rules (seed ${o.seed}), concurrency ${o.concurrency}`,
  `ingest: ${r.ingestSeconds.toFixed(1)} s, ${Math.round(r.eventsPerSecond).toLocaleString('en-US')} events/s`,
  `queries: ${r.queries} (by account, by rule + time range, account compliance; every 4th follows a cursor)`,
  `query latency: p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms`,
  `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
];
