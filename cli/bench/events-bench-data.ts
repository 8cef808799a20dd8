/** Regions the generated events fall in. */
export const BENCH_REGIONS = ['us-east-1', 'ap-east-1'];
/** Rules the generated events evaluate (plain, Security Hub and conformance-pack names). */
export const BENCH_RULES = [
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
/** Time of event 0; event `n` is `n` minutes later. */
export const BENCH_START = Date.parse('2026-11-01T00:00:00.000Z');

/** A small deterministic PRNG (mulberry32), so a seed gives the same events. */
export const seededRandom = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

/** Account `i` of the generated organization. */
export const benchAccountId = (i: number) => String(100_000_000_000 + i);

/** Event `n`: a recorded-shape compliance change, one minute of (simulated) time after the previous. */
export const benchEvent = (n: number, accounts: number, next: () => number) => {
  const account = benchAccountId(Math.floor(next() * accounts));
  const region = BENCH_REGIONS[Math.floor(next() * BENCH_REGIONS.length)] ?? 'us-east-1';
  const rule = BENCH_RULES[Math.floor(next() * BENCH_RULES.length)] ?? 'encrypted-volumes';
  const resourceId = `res-${Math.floor(next() * 40)}`;
  const complianceType = TYPES[next() < 0.55 ? 0 : next() < 0.9 ? 1 : 2];
  const at = new Date(BENCH_START + n * 60_000).toISOString();
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
      configRuleARN: `arn:aws:config:${region}:${account}:config-rule/config-rule-${BENCH_RULES.indexOf(rule)}`,
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
