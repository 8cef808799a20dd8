import { BenchEventsOptionsSchema, formatEventsBench, runEventsBench } from '../bench/events-bench';
import { parseCliArgs } from '../options/parse-cli-args';

const BENCH_EVENTS_USAGE = `usage: npm run cli -- bench-events [--events N] [--accounts N] [--concurrency N] [--queries N] [--seed N]

Ingests --events (default 100,000) generated Config compliance changes through the real ingest handler into a local
table (dynalite in memory, DynamoDB adapter), then sends --queries query API requests through the real events-api
handler (by account, by rule over a time range, account compliance; some following a cursor), and prints events/s
and the p50/p95 query latency.
`;

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
