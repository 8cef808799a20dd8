import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { keys } from '../../core/domain/keys';
import type { AccountPartial } from '../../core/domain/partial.schema';
import type { ResolvedRun } from '../../core/domain/resolve-run.schema';
import { createAwsClientFactory } from '../../core/platform/aws/aws-clients';
import { S3ObjectStore } from '../../core/platform/storage/s3-object-store';
import { buildReports } from '../../core/reports/build/build-reports.service';
import { type HistoryEntry, KEY_ENCODING } from '../../core/reports/history/history.schema';
import { encodeKeys, ResourceKeyMaker } from '../../core/reports/history/resource-keys';
import { RESOURCE_SHEET_COLUMNS } from '../../core/reports/workbook/resources-sheet';
import { waitForSheetDrain } from '../../core/reports/workbook/sheet-drain';
import { silentLog } from '../../core/shared/log';
import { parseCliArgs } from '../options/parse-cli-args';

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

/** The figures {@link runMergerBench} measures. */
export interface MergerBenchFigures {
  accounts: number;
  regions: number;
  rows: number;
  mergerMs: number;
  bareWriteMs: number;
  rowsPerSecond: number;
  ratio: number;
  peakRssMiB: number;
  /** RSS when the merger started (setup done, s3rver worker running): the peak minus this is the merger's share. */
  rssBeforeMiB: number;
  newRows: number;
  resolvedRows: number;
}

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-1', 'us-west-2'];
const RUN: ResolvedRun = {
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

type Shape = z.output<typeof MergerBenchOptionsSchema>;
const accountId = (i: number) => String(100_000_000_000 + i);
const ruleName = (r: number) => `bench-rule-${String(r).padStart(3, '0')}-conformance-pack-abc123`;

/** Row `n` of an account-region in week `week` (1 = previous); a changed row has a week-specific id. */
const resourceIdOf = (shape: Shape, a: number, g: number, n: number, week: number): string => {
  const changed = ((a * 31 + g * 7 + n) % 1000) / 1000 < shape.changedShare;
  return `i-${a.toString(16).padStart(4, '0')}${g}${n.toString(16).padStart(4, '0')}${changed ? `-w${week}` : ''}`;
};

/** One synthetic partial: `rowsPerRegion` non-compliant EC2 instances spread over `rules` rules in each region. */
const partialOf = (shape: Shape, a: number): AccountPartial => ({
  schemaVersion: 1,
  runId: RUN.runId,
  accountId: accountId(a),
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
const previousHistory = (shape: Shape): HistoryEntry => {
  const maker = new ResourceKeyMaker();
  const resourceKeys: string[] = [];
  for (let a = 0; a < shape.accounts; a += 1) {
    for (let g = 0; g < shape.regions; g += 1) {
      for (let n = 0; n < shape.rowsPerRegion; n += 1) {
        const region = REGIONS[g] as string;
        const id = resourceIdOf(shape, a, g, n, 1);
        resourceKeys.push(maker.keyOf(accountId(a), region, ruleName(n % shape.rules), 'AWS::EC2::Instance', id));
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
      accountId: accountId(a),
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

/**
 * The bare baseline: the same rows and columns (with widths and a header) through exceljs's streaming writer as its
 * documentation shows it, `addRow(values).commit()`, with the same drain wait as the merger so memory stays flat.
 */
const bareWrite = async (shape: Shape, path: string): Promise<number> => {
  const started = performance.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Non-compliant resources');
  sheet.columns = RESOURCE_SHEET_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  let count = 0;
  for (let a = 0; a < shape.accounts; a += 1) {
    for (const region of partialOf(shape, a).regions) {
      for (const r of region.nonCompliant) {
        sheet
          .addRow([
            accountId(a),
            `bench-${a}`,
            region.region,
            r.ruleName,
            r.resourceType,
            r.resourceId,
            r.complianceType,
            r.annotation,
            r.recordedTime,
            'No',
          ])
          .commit();
        count += 1;
        if (count % 500 === 0) await waitForSheetDrain(sheet);
      }
    }
  }
  sheet.commit();
  await workbook.commit();
  return performance.now() - started;
};

/** The parts of a running sandbox the bench needs (what the worker sends back). */
interface SandboxHandle {
  endpoints: { s3: string; aws: string };
  region: string;
  bucket: string;
  hubCredentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

/**
 * Starts the sandbox (a tiny scenario: only its s3rver is used) in a worker thread, so that s3rver's own CPU work is
 * not counted as the merger's: in Lambda, S3 is another machine. The worker loads the TypeScript through tsx.
 */
const startSandboxWorker = async (): Promise<SandboxHandle> => {
  const sandboxModule = resolve(__dirname, '../../sandbox');
  const worker = new Worker(
    `
    require('tsx/cjs/api').register();
    const { parentPort } = require('node:worker_threads');
    const { generateScenario, startSandbox } = require(${JSON.stringify(sandboxModule)});
    startSandbox(generateScenario({ accounts: 1, regions: ['us-east-1'], rulesPerRegion: 1, seed: 1 })).then((sandbox) => {
      const { endpoints, region, bucket, hubCredentials } = sandbox;
      parentPort.postMessage({ endpoints, region, bucket, hubCredentials });
      parentPort.once('message', () => sandbox.stop().then(() => parentPort.close()));
    }, (error) => { throw error; });
    `,
    { eval: true },
  );
  const started = await new Promise<Omit<SandboxHandle, 'stop'>>((ok, fail) => {
    worker.once('message', ok);
    worker.once('error', fail);
  });
  return {
    ...started,
    stop: async () => {
      worker.postMessage('stop');
      await new Promise((done) => worker.once('exit', done));
    },
  };
};

/** Writes accounts.json, the previous week's history and the partials (16 PUTs at a time); keeps nothing. */
const seed = async (store: S3ObjectStore, shape: Shape, ids: string[]): Promise<void> => {
  const accountsFile = {
    schemaVersion: 1,
    runId: RUN.runId,
    listedAt: '2026-11-09T00:00:00.000Z',
    accounts: ids.map((id, a) => ({ id, name: `bench-${a}`, state: 'ACTIVE' })),
  };
  await store.put(keys.accounts(RUN.runId), JSON.stringify(accountsFile), 'application/json');
  const previous = previousHistory(shape);
  await store.put(keys.history(previous.endDate), JSON.stringify(previous), 'application/json');
  for (let start = 0; start < shape.accounts; start += 16) {
    await Promise.all(
      ids
        .slice(start, start + 16)
        .map((id, i) =>
          store.put(keys.partial(RUN.runId, id), JSON.stringify(partialOf(shape, start + i)), 'application/json'),
        ),
    );
  }
};

/**
 * The merger benchmark: synthetic partials (default 1,000 accounts × 4 regions × 50 = 200,000 non-compliant rows)
 * and the previous week's history are written to the sandbox's s3rver, then the real `buildReports` runs through the
 * real S3ObjectStore (s3rver runs in a worker thread). Then a bare exceljs streaming write of the same rows and
 * columns runs in the same process. Peak RSS is the whole process's: it includes the setup and the s3rver worker.
 */
export const runMergerBench = async (options: MergerBenchOptions = {}): Promise<MergerBenchFigures> => {
  const shape = MergerBenchOptionsSchema.parse(options);
  const sandbox = await startSandboxWorker();
  const dir = await mkdtemp(join(tmpdir(), 'bench-merger-'));
  try {
    const clients = createAwsClientFactory({
      region: sandbox.region,
      maxAttempts: 3,
      endpoints: sandbox.endpoints,
      hubCredentials: sandbox.hubCredentials,
    });
    const store = new S3ObjectStore(clients.s3(), sandbox.bucket);
    const ids = Array.from({ length: shape.accounts }, (_, a) => accountId(a));
    await seed(store, shape, ids);

    const rssBeforeMiB = process.memoryUsage().rss / 1024 / 1024;
    const started = performance.now();
    const output = await buildReports(
      { run: RUN, accounts: { bucket: store.bucket, key: keys.accounts(RUN.runId), count: ids.length, ids }, scan: [] },
      { store, clock: { now: () => new Date() }, log: silentLog, tmpDir: dir },
    );
    const mergerMs = performance.now() - started;
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    const bareWriteMs = await bareWrite(shape, join(dir, 'bare.xlsx'));
    const rows = shape.accounts * shape.regions * shape.rowsPerRegion;
    return {
      accounts: shape.accounts,
      regions: shape.regions,
      rows,
      mergerMs,
      bareWriteMs,
      rowsPerSecond: rows / (mergerMs / 1000),
      ratio: mergerMs / bareWriteMs,
      peakRssMiB,
      rssBeforeMiB,
      newRows: output.changes?.new ?? 0,
      resolvedRows: output.changes?.resolved ?? 0,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await sandbox.stop();
  }
};

/** The figures as printed lines, with the targets (peak RSS ≤ 512 MiB, merger ≤ 1.5 × bare write). */
export const formatMergerBench = (f: MergerBenchFigures): string[] => [
  `merger: ${f.accounts} accounts × ${f.regions} regions, ${f.rows.toLocaleString('en-US')} non-compliant rows (new ${f.newRows}, resolved ${f.resolvedRows})`,
  `merger wall time: ${(f.mergerMs / 1000).toFixed(2)} s (${Math.round(f.rowsPerSecond).toLocaleString('en-US')} rows/s)`,
  `bare exceljs streaming write of the same rows: ${(f.bareWriteMs / 1000).toFixed(2)} s`,
  `ratio merger / bare write: ${f.ratio.toFixed(2)} (target ≤ 1.5)`,
  `peak RSS: ${f.peakRssMiB.toFixed(0)} MiB (target ≤ 512); RSS when the merger started: ${f.rssBeforeMiB.toFixed(0)} MiB`,
];

const USAGE = `usage: npm run cli -- bench-merger [--accounts N] [--regions N] [--rows-per-region N] [--rules N] [--changed-share X]

Runs the real merger on synthetic partials in the sandbox's S3 and compares it with a bare exceljs streaming write.
`;

/** CLI entry: parses flags, runs the bench and prints the figures. */
export const main = async (argv: string[]): Promise<void> => {
  const options = parseCliArgs(
    argv,
    Object.fromEntries(
      ['accounts', 'regions', 'rows-per-region', 'rules', 'changed-share'].map((k) => [k, { type: 'string' as const }]),
    ),
    MergerBenchOptionsSchema,
    USAGE,
  );
  process.stdout.write(`${formatMergerBench(await runMergerBench(options)).join('\n')}\n`);
};
