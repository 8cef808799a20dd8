import { type RunCounts, runCost, scaleCounts } from './cost-model';
import type { RunCounters } from './run-counters';

/** Bytes a Lambda invocation logs: START, END and REPORT platform lines (~350 B) plus a JSON line or two of ours. An estimate. */
export const LAMBDA_LOG_BYTES_PER_INVOCATION = 1024;

/** Memory of the functions (stage config): Build reports has its own, the others share `lambdaMemoryMb`. */
export interface FunctionMemory {
  lambdaMemoryMb: number;
  buildReportsMemoryMb: number;
}

/** Turns what the benchmark counted into the cost model's {@link RunCounts}. */
export const toRunCounts = (accounts: number, counters: RunCounters, memory: FunctionMemory): RunCounts => {
  let lambdaRequests = 0;
  let lambdaGbSeconds = 0;
  for (const [task, { invocations, billedMs }] of Object.entries(counters.lambda)) {
    const mb = task === 'buildReports' ? memory.buildReportsMemoryMb : memory.lambdaMemoryMb;
    lambdaRequests += invocations;
    lambdaGbSeconds += (billedMs / 1000) * (mb / 1024);
  }
  return {
    accounts,
    parentTransitions: counters.transitions.parent + counters.transitions.childExecutions,
    childTransitions: counters.transitions.children,
    lambdaRequests,
    lambdaGbSeconds,
    s3PutOrList: counters.s3.put + counters.s3.list,
    s3Get: counters.s3.get,
    secretsManagerCalls: counters.secretsManagerCalls,
    logBytes: counters.eventBytes + lambdaRequests * LAMBDA_LOG_BYTES_PER_INVOCATION,
  };
};

const usd = (value: number): string => (value < 0.0001 ? value.toExponential(1) : value.toFixed(4));

/** The cost table at each size, scaled linearly from the measured run (see {@link scaleCounts}). */
export const formatCostTable = (measured: RunCounts, sizes: readonly number[]): string[] => {
  const header = `${'accounts'.padStart(8)} ${'transitions'.padStart(11)} ${'GB-s'.padStart(8)} ${'λ req'.padStart(6)} ${'S3 put/list'.padStart(11)} ${'S3 get'.padStart(7)}   SFN USD  λ USD    S3 USD   logs USD  total USD`;
  const rows = sizes.map((size) => {
    const counts = scaleCounts(measured, size);
    const cost = runCost(counts);
    return [
      String(size).padStart(8),
      Math.round(counts.parentTransitions + counts.childTransitions)
        .toString()
        .padStart(11),
      counts.lambdaGbSeconds.toFixed(0).padStart(8),
      Math.round(counts.lambdaRequests).toString().padStart(6),
      Math.round(counts.s3PutOrList).toString().padStart(11),
      Math.round(counts.s3Get).toString().padStart(7),
      usd(cost.stepFunctions).padStart(9),
      usd(cost.lambdaDuration + cost.lambdaRequests).padStart(7),
      usd(cost.s3 + cost.secretsManager).padStart(8),
      usd(cost.logs).padStart(9),
      usd(cost.total).padStart(10),
    ].join(' ');
  });
  return [header, ...rows];
};
