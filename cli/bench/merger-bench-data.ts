import { z } from 'zod';
import { keys } from '../../core/domain/keys';
import type { AccountPartial } from '../../core/domain/partial.schema';
import type { ResolvedRun } from '../../core/domain/resolve-run.schema';
import type { S3ObjectStore } from '../../core/platform/storage/s3-object-store';
import { type HistoryEntry, KEY_ENCODING } from '../../core/reports/history/history.schema';
import { encodeKeys, ResourceKeyMaker } from '../../core/reports/history/resource-keys';

/** Options of {@link runMergerBench}: the synthetic organization's shape. */
export const MergerBenchOptionsSchema = z.object({
  accounts: z.coerce.number().int().min(1).max(5000).default(1000),
  regions: z.coerce.number().int().min(1).max(4).default(4),
  rowsPerRegion: z.coerce.number().int().min(0).max(1000).default(50),
  rules: z.coerce.number().int().min(1).max(150).default(20),
  /** Share of rows that differ from the previous run (half New, half Resolved). */
  changedShare: z.coerce.number().min(0).max(1).default(0.05),
});
export type MergerBenchOptions = z.input<typeof MergerBenchOptionsSchema>;

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-1', 'us-west-2'];
/** The run the merger benchmark builds reports for (the week after the seeded history). */
export const MERGER_BENCH_RUN: ResolvedRun = {
  runId: 'bench-merger-week-2',
  startDate: '2026-11-02',
  endDate: '2026-11-08',
  timeZone: 'UTC',
  regions: REGIONS,
  frameworks: [],
  includeAccounts: [],
  excludeAccounts: [],
  notify: false,
};

/** The parsed shape of the synthetic organization. */
export type MergerBenchShape = z.output<typeof MergerBenchOptionsSchema>;
/** Account `i` of the synthetic organization. */
export const benchAccountId = (i: number) => String(100_000_000_000 + i);
const ruleName = (r: number) => `bench-rule-${String(r).padStart(3, '0')}-conformance-pack-abc123`;

/** Row `n` of an account-region in week `week` (1 = previous); a changed row has a week-specific id. */
const resourceIdOf = (shape: MergerBenchShape, a: number, g: number, n: number, week: number): string => {
  const changed = ((a * 31 + g * 7 + n) % 1000) / 1000 < shape.changedShare;
  return `i-${a.toString(16).padStart(4, '0')}${g}${n.toString(16).padStart(4, '0')}${changed ? `-w${week}` : ''}`;
};

/** One synthetic partial: `rowsPerRegion` non-compliant EC2 instances spread over `rules` rules in each region. */
export const partialOf = (shape: MergerBenchShape, a: number): AccountPartial => ({
  schemaVersion: 1,
  runId: MERGER_BENCH_RUN.runId,
  accountId: benchAccountId(a),
  status: 'ok',
  startedAt: '2026-11-09T01:00:00.000Z',
  finishedAt: '2026-11-09T01:00:05.000Z',
  errors: [],
  regions: REGIONS.slice(0, shape.regions).map((region, g) => ({
    region,
    configStatus: 'enabled',
    rules: Array.from({ length: shape.rules }, (_, r) => ({
      ruleName: ruleName(r),
      normalizedName: ruleName(r).replace(/-conformance-pack-.*/, ''),
      compliance: 'NON_COMPLIANT' as const,
      compliantCount: 10,
      nonCompliantCount:
        Math.floor(shape.rowsPerRegion / shape.rules) + (r < shape.rowsPerRegion % shape.rules ? 1 : 0),
    })),
    nonCompliant: Array.from({ length: shape.rowsPerRegion }, (_, n) => ({
      ruleName: ruleName(n % shape.rules),
      resourceType: 'AWS::EC2::Instance',
      resourceId: resourceIdOf(shape, a, g, n, 2),
      complianceType: 'NON_COMPLIANT' as const,
      annotation: `instance is missing the required configuration (${n % 7})`,
      recordedTime: '2026-11-08T10:00:00.000Z',
    })),
  })),
});

/** The previous week's history entry: the same rows, except the changed ones (which carry week 1's ids). */
const previousHistory = (shape: MergerBenchShape): HistoryEntry => {
  const maker = new ResourceKeyMaker();
  const resourceKeys: string[] = [];
  for (let a = 0; a < shape.accounts; a += 1) {
    for (let g = 0; g < shape.regions; g += 1) {
      for (let n = 0; n < shape.rowsPerRegion; n += 1) {
        const region = REGIONS[g] as string;
        const id = resourceIdOf(shape, a, g, n, 1);
        resourceKeys.push(maker.keyOf(benchAccountId(a), region, ruleName(n % shape.rules), 'AWS::EC2::Instance', id));
      }
    }
  }
  resourceKeys.sort();
  const rows = resourceKeys.length;
  const totals = {
    accounts: shape.accounts,
    scanned: shape.accounts,
    failed: 0,
    compliant: rows,
    nonCompliant: rows,
    score: 0.5,
    configDisabledRegions: 0,
  };
  return {
    schemaVersion: 1,
    runId: 'bench-merger-week-1',
    startDate: '2026-10-26',
    endDate: '2026-11-01',
    generatedAt: '2026-11-02T01:00:00.000Z',
    totals,
    accounts: Array.from({ length: shape.accounts }, (_, a) => ({
      accountId: benchAccountId(a),
      accountName: `bench-${a}`,
      status: 'ok' as const,
      compliant: 0,
      nonCompliant: 0,
      score: 0.5,
      regions: REGIONS.slice(0, shape.regions),
    })),
    rules: [],
    changes: null,
    nonCompliantKeys: { encoding: KEY_ENCODING, count: rows, values: encodeKeys(resourceKeys) },
  };
};

/** Writes accounts.json, the previous week's history and the partials (16 PUTs at a time); keeps nothing. */
export const seedMergerBench = async (store: S3ObjectStore, shape: MergerBenchShape, ids: string[]): Promise<void> => {
  const accountsFile = ids.map((id, a) => ({ id, name: `bench-${a}`, state: 'ACTIVE' }));
  await store.put(keys.accounts(MERGER_BENCH_RUN.runId), JSON.stringify(accountsFile), 'application/json');
  const previous = previousHistory(shape);
  await store.put(keys.history(previous.endDate), JSON.stringify(previous), 'application/json');
  for (let start = 0; start < shape.accounts; start += 16) {
    await Promise.all(
      ids
        .slice(start, start + 16)
        .map((id, i) =>
          store.put(
            keys.partial(MERGER_BENCH_RUN.runId, id),
            JSON.stringify(partialOf(shape, start + i)),
            'application/json',
          ),
        ),
    );
  }
};
