import { createAwsClientFactory } from '../../core/platform/aws/aws-clients';
import { createAwsConfigComplianceSourceFactory } from '../../core/scan/adapters/aws-config-compliance-source';
import type { PacingRate } from '../../core/shared/request-pacer';
import { loadStageConfig } from '../../infra/config/stages';
import { generateScenario } from '../../sandbox';
import { ExitError } from '../exit-error';
import { executeWorkflow, localExecutionName } from '../local/execute-workflow';
import { openSandboxSession } from '../local/workflow-session';
import { formatCostTable, toRunCounts } from './cost-table';
import { lowerBound, type TokenBucket } from './lower-bound';
import { requiredCalls } from './required-calls';
import { attachRunCounters } from './run-counters';

/** Options of {@link runScanBench}. */
export interface ScanBenchOptions {
  accounts: number;
  regions: string[];
  rules: number;
  latencyMs: number;
  /** @default - the stage config's mapConcurrency (40) */
  concurrency?: number;
  seed: number;
  /** Config's token bucket per account+region. */
  configRate: TokenBucket;
  /** Client-side pacing of each Config client; absent: none (the SDK's adaptive retry only). */
  clientPacing?: PacingRate;
  /** Token buckets per hub account on STS and Organizations. */
  hubRate: { sts: TokenBucket; organizations: TokenBucket };
}

/** Sizes the cost table shows. */
export const COST_SIZES = [100, 500, 1000, 5000] as const;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const bucket = (b: TokenBucket): string => `${b.ratePerSecond} req/s, burst ${b.burst}`;
const table = (entries: Record<string, number>): string[] =>
  Object.entries(entries)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, n]) => `  ${kind.padEnd(52)} ${n}`);

/**
 * One measured local run of the whole workflow on a generated organization: the real handlers, the CDK-synthesized
 * definition, the sandbox adding latency and rate limits. Returns the printed lines (wall time, calls, retries, the
 * lower bound and the ratio, peak RSS, and the cost table).
 */
export const runScanBench = async (options: ScanBenchOptions): Promise<string[]> => {
  const stage = loadStageConfig('dev');
  const concurrency = options.concurrency ?? stage.mapConcurrency;
  const generated = performance.now();
  const scenario = generateScenario({
    accounts: options.accounts,
    regions: options.regions,
    rulesPerRegion: options.rules,
    seed: options.seed,
    faults: { latencyMs: options.latencyMs, configRateLimit: options.configRate, hubRateLimit: options.hubRate },
  });
  const generateMs = performance.now() - generated;
  const session = await openSandboxSession(scenario, { logLevel: 'SILENT' });
  const { counters, wrapHandlers, onEvent } = attachRunCounters(session.deps);
  if (options.clientPacing && session.sandbox) {
    // The same Config clients createDeps builds, plus the pacing option (not yet in the Lambda environment).
    const clients = createAwsClientFactory({
      region: session.deps.env.AWS_REGION,
      maxAttempts: session.deps.env.AWS_MAX_ATTEMPTS,
      endpoints: session.sandbox.endpoints,
      configRate: options.clientPacing,
    });
    session.deps.complianceSourceFor = createAwsConfigComplianceSourceFactory(clients);
  }
  let scanMs = 0;
  let scanStarted = 0;
  let wallMs: number;
  try {
    const started = performance.now();
    const result = await executeWorkflow({
      deps: session.deps,
      input: {},
      executionName: localExecutionName(),
      mapConcurrency: concurrency,
      wrapHandlers,
      onEvent: (event) => {
        onEvent(event);
        if (event.type === 'StateEntered' && event.state.name === 'Scan accounts') scanStarted = performance.now();
        if (event.type === 'StateExited' && event.state.name === 'Scan accounts')
          scanMs = performance.now() - scanStarted;
      },
    });
    wallMs = performance.now() - started;
    if (result.status === 'FAILED') throw new ExitError(`bench run failed: ${result.error}: ${result.cause}`);
  } finally {
    await session.close();
  }

  const stats = session.sandbox?.stats.snapshot() ?? { calls: {}, throttled: 0, throttledByCall: {}, errors: {} };
  const measuredCalls = Object.values(stats.calls).reduce((a, b) => a + b, 0);
  const required = requiredCalls(scenario, options.regions);
  let slowest = { key: '-', calls: 0 };
  for (const [key, calls] of required.perRegion) if (calls > slowest.calls) slowest = { key, calls };
  const bound = lowerBound({
    totalCalls: required.total,
    latencyMs: options.latencyMs,
    concurrency,
    slowest,
    configRate: options.configRate,
  });
  const cpu = process.cpuUsage();
  const runCounts = toRunCounts(options.accounts, counters, stage);
  return [
    `organization: ${options.accounts} accounts × ${options.regions.length} regions × ${options.rules} rules (seed ${options.seed}), generated in ${generateMs.toFixed(0)} ms`,
    `sandbox: ${options.latencyMs} ms per call; Config ${bucket(options.configRate)} per account+region; STS ${bucket(options.hubRate.sts)} and Organizations ${bucket(options.hubRate.organizations)} per hub account`,
    `map concurrency: ${concurrency}; Config client pacing: ${options.clientPacing ? bucket(options.clientPacing) : 'none (SDK adaptive retry only)'}`,
    `wall time: ${seconds(wallMs)} (Scan accounts map: ${seconds(scanMs)})`,
    `API calls: ${measuredCalls}, of which throttled answers (each one an SDK retry): ${stats.throttled}; state retries: ${counters.retries.children} in children, ${counters.retries.parent} in the parent`,
    ...table(stats.calls),
    ...(stats.throttled > 0 ? ['throttled answers by call:', ...table(stats.throttledByCall)] : []),
    `required calls (from the org's records, no retries): ${required.total}${required.total === measuredCalls - stats.throttled ? ' (= calls − throttled answers)' : ` (calls − throttled answers: ${measuredCalls - stats.throttled})`}`,
    `lower bound: ${seconds(bound.boundMs)} = max(`,
    `  ${required.total} calls × ${options.latencyMs} ms ÷ ${concurrency} = ${seconds(bound.throughputMs)},`,
    `  slowest account+region ${slowest.key}: (${slowest.calls} Config calls − burst ${options.configRate.burst}) ÷ ${options.configRate.ratePerSecond}/s + ${options.latencyMs} ms = ${seconds(bound.rateLimitMs)})`,
    `  → the ${bound.dominant} term dominates`,
    `ratio wall ÷ bound: ${(wallMs / bound.boundMs).toFixed(2)} (Scan accounts map alone: ${(scanMs / bound.boundMs).toFixed(2)}; target ≤ 1.3)`,
    `CPU: ${seconds((cpu.user + cpu.system) / 1000)} over ${seconds(wallMs)} wall (${((cpu.user + cpu.system) / 10 / wallMs).toFixed(0)} % of one core; ${(measuredCalls / (wallMs / 1000)).toFixed(0)} calls/s)`,
    `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
    '',
    `cost of one weekly run (USD, us-east-1; counts measured at ${options.accounts} accounts, scaled linearly per account to the other sizes):`,
    ...formatCostTable(runCounts, COST_SIZES),
    `  measured: ${runCounts.parentTransitions} parent + ${runCounts.childTransitions} child transitions, ${runCounts.lambdaRequests} Lambda requests, ${runCounts.lambdaGbSeconds.toFixed(1)} GB-s (${stage.lambdaMemoryMb} MB; Build reports ${stage.buildReportsMemoryMb} MB), S3 ${counters.s3.put} PUT / ${counters.s3.get} GET / ${counters.s3.list} LIST, ${counters.secretsManagerCalls} secret reads, ${(runCounts.logBytes / 2 ** 20).toFixed(1)} MiB of logs (estimate)`,
  ];
};
