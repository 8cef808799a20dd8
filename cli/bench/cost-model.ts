/**
 * Unit prices of one weekly run, US East (N. Virginia), read on 2026-11-22 from the stored public pages (search tool,
 * "pages" corpus). Each names its source; "[unverified]" marks a price not confirmed on an AWS page here.
 */
export const PRICES = {
  /** USD per state transition, Standard workflows: USD 0.025 per 1,000 — https://aws.amazon.com/step-functions/pricing/ */
  stepFunctionsTransition: 0.025 / 1000,
  /** USD per GB-second, Lambda arm64 (our functions are ARM_64), first 7.5 billion GB-s/month: 0.0000133334 —
   * https://aws.amazon.com/lambda/pricing/ as quoted by cloudchipr.com/blog/aws-lambda-pricing [unverified on the AWS page] */
  lambdaGbSecondArm: 0.0000133334,
  /** USD per Lambda request: USD 0.20 per 1M — https://aws.amazon.com/lambda/pricing/ as quoted by the same page [unverified] */
  lambdaRequest: 0.2 / 1_000_000,
  /** USD per S3 Standard PUT/COPY/POST/LIST request: USD 0.005 per 1,000 — c3x.dev/blog/s3-request-fees-explained [unverified] */
  s3PutOrList: 0.005 / 1000,
  /** USD per S3 Standard GET/HEAD request: USD 0.0004 per 1,000 — same source [unverified] */
  s3Get: 0.0004 / 1000,
  /** USD per Secrets Manager API call: USD 0.05 per 10,000 — hivebook.wiki (AWS Secrets Manager) [unverified] */
  secretsManagerCall: 0.05 / 10_000,
  /** USD per GB of CloudWatch Logs ingested (Standard class): USD 0.50 [unverified: from memory of the CloudWatch pricing page] */
  logsIngestedGb: 0.5,
} as const;

/** What one run used, counted by the benchmark. */
export interface RunCounts {
  accounts: number;
  /** Parent execution: its states entered and retried, plus one per child execution the Distributed Map starts. */
  parentTransitions: number;
  /** Every child execution's states entered and retried. */
  childTransitions: number;
  lambdaRequests: number;
  /** Σ invocation duration (ms, each rounded up to 1 ms) × configured memory (GB). */
  lambdaGbSeconds: number;
  s3PutOrList: number;
  s3Get: number;
  secretsManagerCalls: number;
  /** Bytes ingested into CloudWatch Logs (Step Functions ALL + execution data, Lambda logs): an estimate. */
  logBytes: number;
}

/** The cost of one run, by item, in USD. */
export interface RunCost {
  stepFunctions: number;
  lambdaDuration: number;
  lambdaRequests: number;
  s3: number;
  secretsManager: number;
  logs: number;
  total: number;
}

/** Prices a run's counts with {@link PRICES} (no free tier: a weekly run shares the account's free tier with everything else). */
export const runCost = (counts: RunCounts, prices: typeof PRICES = PRICES): RunCost => {
  const items = {
    stepFunctions: (counts.parentTransitions + counts.childTransitions) * prices.stepFunctionsTransition,
    lambdaDuration: counts.lambdaGbSeconds * prices.lambdaGbSecondArm,
    lambdaRequests: counts.lambdaRequests * prices.lambdaRequest,
    s3: counts.s3PutOrList * prices.s3PutOrList + counts.s3Get * prices.s3Get,
    secretsManager: counts.secretsManagerCalls * prices.secretsManagerCall,
    logs: (counts.logBytes / 1024 ** 3) * prices.logsIngestedGb,
  };
  return { ...items, total: Object.values(items).reduce((a, b) => a + b, 0) };
};

const PER_RUN_FIELDS = ['parentTransitions', 'secretsManagerCalls'] as const;

/**
 * Scales a run's counts to another organization size, linearly in the number of accounts, except what does not grow
 * with accounts: the parent's own states (its transitions minus one per child) and the Secrets Manager reads (per
 * function, not per account). Linear is right for the per-account work (one child, one Scan account, one partial per
 * account) and an approximation for Build reports (its duration grows with rows).
 */
export const scaleCounts = (counts: RunCounts, accounts: number): RunCounts => {
  const factor = accounts / counts.accounts;
  const scaled = { ...counts, accounts } as RunCounts;
  for (const key of Object.keys(counts) as (keyof RunCounts)[]) {
    if (key === 'accounts' || (PER_RUN_FIELDS as readonly string[]).includes(key)) continue;
    scaled[key] = counts[key] * factor;
  }
  const parentOwn = counts.parentTransitions - counts.accounts;
  scaled.parentTransitions = parentOwn + accounts;
  return scaled;
};
