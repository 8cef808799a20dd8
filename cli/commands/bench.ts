import { z } from 'zod';
import { generateScenario } from '../../sandbox';
import { ExitError } from '../errors';
import { executeWorkflow, localExecutionName } from '../local/execute-workflow';
import { openSandboxSession } from '../local/workflow-session';
import { parseCliArgs } from '../options/parse-cli-args';
import { formatMergerBench, runMergerBench } from './bench-merger';

const BENCH_USAGE = `usage: npm run bench -- [--only scan|merger] [--accounts N] [--regions N] [--rules N] [--latency MS]
                          [--concurrency N] [--seed N]

1. Scan: runs the real workflow locally on a generated organization (the sandbox adds --latency per API call) and
   prints wall time, API calls by kind, retries, a lower bound for the run and peak RSS.
2. Merger: the real Build reports on 1,000 accounts × 4 regions (200,000 non-compliant rows) plus a previous run's
   history, against the sandbox's S3, beside a bare exceljs streaming write of the same rows.
\`npm run bench\` runs each in its own process, so each peak RSS is its own.
`;

const BenchOptionsSchema = z.object({
  accounts: z.coerce.number().int().min(1).max(5000).default(200),
  regions: z.coerce.number().int().min(1).max(4).default(2),
  rules: z.coerce.number().int().min(1).max(150).default(20),
  latency: z.coerce.number().int().min(0).max(1000).default(20),
  concurrency: z.coerce.number().int().min(1).max(1000).default(40),
  seed: z.coerce.number().int().default(42),
  only: z.enum(['scan', 'merger']).optional(),
  help: z.boolean().default(false),
});

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-1', 'us-west-2'];

/** `npm run bench`: one measured local run; figures go to stdout. */
export const main = async (argv: string[]): Promise<void> => {
  const options = parseCliArgs(
    argv,
    {
      ...Object.fromEntries(
        ['accounts', 'regions', 'rules', 'latency', 'concurrency', 'seed', 'only'].map((k) => [
          k,
          { type: 'string' as const },
        ]),
      ),
      help: { type: 'boolean', short: 'h' },
    },
    BenchOptionsSchema,
    BENCH_USAGE,
  );
  if (options.help) {
    process.stdout.write(BENCH_USAGE);
    return;
  }
  if (options.only !== 'merger') await scanBench(options);
  if (options.only !== 'scan') {
    process.stdout.write('\n== merger ==\n');
    process.stdout.write(`${formatMergerBench(await runMergerBench()).join('\n')}\n`);
  }
};

/** One measured local run of the whole workflow on a generated organization. */
const scanBench = async (options: z.output<typeof BenchOptionsSchema>): Promise<void> => {
  process.stdout.write('== scan ==\n');

  const scenario = generateScenario({
    accounts: options.accounts,
    regions: REGIONS.slice(0, options.regions),
    rulesPerRegion: options.rules,
    seed: options.seed,
    faults: { latencyMs: options.latency },
  });
  const session = await openSandboxSession(scenario, { logLevel: 'SILENT' });
  try {
    let retries = 0;
    const started = process.hrtime.bigint();
    const result = await executeWorkflow({
      deps: session.deps,
      input: {},
      executionName: localExecutionName(),
      mapConcurrency: options.concurrency,
      onEvent: (event) => {
        if (event.type === 'StateRetried') retries += 1;
      },
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status === 'FAILED') throw new ExitError(`bench run failed: ${result.error}: ${result.cause}`);

    const calls = session.sandbox?.stats.snapshot() ?? { calls: {}, throttled: 0 };
    const totalCalls = Object.values(calls.calls).reduce((a, b) => a + b, 0);
    const boundMs = (totalCalls * options.latency) / options.concurrency;
    const lines = [
      `organization: ${options.accounts} accounts × ${options.regions} regions × ${options.rules} rules (seed ${options.seed})`,
      `latency per call: ${options.latency} ms, map concurrency: ${options.concurrency}`,
      `wall time: ${(wallMs / 1000).toFixed(2)} s`,
      `API calls: ${totalCalls} (throttled answers: ${calls.throttled}), state retries: ${retries}`,
      ...Object.entries(calls.calls)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, n]) => `  ${kind.padEnd(52)} ${n}`),
      `lower bound (calls × latency ÷ concurrency): ${(boundMs / 1000).toFixed(2)} s, ratio wall/bound: ${(wallMs / Math.max(boundMs, 1)).toFixed(2)}`,
      `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await session.close();
  }
};
