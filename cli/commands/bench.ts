import { z } from 'zod';
import { formatMergerBench, runMergerBench } from '../bench/merger-bench';
import { runScanBench } from '../bench/scan-bench';
import { parseCliArgs } from '../options/parse-cli-args';

const BENCH_USAGE = `usage: npm run bench -- [--only scan|merger] [--accounts N] [--regions N] [--rules N] [--latency MS]
                          [--concurrency N] [--config-rate R] [--config-burst B] [--no-pacing] [--seed N]

1. Scan: runs the real workflow locally on a generated organization (default 1,000 accounts × 4 regions × 20 rules;
   the sandbox adds --latency per API call, default 20 ms, and a Config token bucket per account+region, default
   10 req/s burst 10) at the stage's map concurrency (40) and prints wall time, API calls by kind, retries, the lower
   bound and the ratio wall ÷ bound, peak RSS, and the cost of one weekly run at 100, 500, 1,000 and 5,000 accounts.
   Each Config client paces itself at the Config rate with one token of burst to spare (--no-pacing: SDK retry only).
2. Merger: the real Build reports on 1,000 accounts × 4 regions (200,000 non-compliant rows) plus a previous run's
   history, against the sandbox's S3, beside a bare exceljs streaming write of the same rows (the flags above shape
   the scan only).
\`npm run bench\` runs each in its own process, so each peak RSS is its own.
`;

const BenchOptionsSchema = z.object({
  accounts: z.coerce.number().int().min(2).max(5000).default(1000),
  regions: z.coerce.number().int().min(1).max(4).default(4),
  rules: z.coerce.number().int().min(1).max(150).default(20),
  latency: z.coerce.number().int().min(0).max(1000).default(20),
  concurrency: z.coerce.number().int().min(1).max(1000).optional(),
  'config-rate': z.coerce.number().positive().default(10),
  'config-burst': z.coerce.number().int().positive().default(10),
  seed: z.coerce.number().int().default(42),
  only: z.enum(['scan', 'merger']).optional(),
  'no-pacing': z.boolean().default(false),
  help: z.boolean().default(false),
});

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-1', 'us-west-2'];

/**
 * Hub-side limits of the benchmark's sandbox. STS: 600 requests/s per account and region (the IAM and STS quotas
 * page of the IAM User Guide). Organizations publishes no rate; 20 req/s with a burst of 20 is an assumption.
 */
const HUB_RATE = {
  sts: { ratePerSecond: 600, burst: 600 },
  organizations: { ratePerSecond: 20, burst: 20 },
};

/** `npm run bench`: one measured local run; figures go to stdout. */
export const main = async (argv: string[]): Promise<void> => {
  const options = parseCliArgs(
    argv,
    {
      ...Object.fromEntries(
        ['accounts', 'regions', 'rules', 'latency', 'concurrency', 'seed', 'only', 'config-rate', 'config-burst'].map(
          (k) => [k, { type: 'string' as const }],
        ),
      ),
      help: { type: 'boolean', short: 'h' },
      'no-pacing': { type: 'boolean' },
    },
    BenchOptionsSchema,
    BENCH_USAGE,
  );
  if (options.help) {
    process.stdout.write(BENCH_USAGE);
    return;
  }
  if (options.only !== 'merger') {
    process.stdout.write('== scan ==\n');
    const lines = await runScanBench({
      accounts: options.accounts,
      regions: REGIONS.slice(0, options.regions),
      rules: options.rules,
      latencyMs: options.latency,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      seed: options.seed,
      configRate: { ratePerSecond: options['config-rate'], burst: options['config-burst'] },
      hubRate: HUB_RATE,
      ...(options['no-pacing']
        ? {}
        : { clientPacing: { ratePerSecond: options['config-rate'], burst: Math.max(1, options['config-burst'] - 1) } }),
    });
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (options.only !== 'scan') {
    process.stdout.write('\n== merger ==\n');
    process.stdout.write(`${formatMergerBench(await runMergerBench()).join('\n')}\n`);
  }
};
