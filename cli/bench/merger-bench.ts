import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { keys } from '../../core/domain/keys';
import { createAwsClientFactory } from '../../core/platform/aws/aws-clients';
import { S3ObjectStore } from '../../core/platform/storage/s3-object-store';
import { buildReports } from '../../core/reports/build/build-reports.service';
import { RESOURCE_SHEET_COLUMNS } from '../../core/reports/workbook/resources-sheet';
import { waitForSheetDrain } from '../../core/reports/workbook/sheet-drain';
import { silentLog } from '../../core/shared/log.port';
import { writeMapResults } from '../local/distributed-map-results';
import {
  benchAccountId,
  MERGER_BENCH_RUN,
  type MergerBenchOptions,
  MergerBenchOptionsSchema,
  type MergerBenchShape,
  partialOf,
  seedMergerBench,
} from './merger-bench-data';
import { startSandboxWorker } from './sandbox-worker';

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

/**
 * The bare baseline: the same rows and columns (with widths and a header) through exceljs's streaming writer as its
 * documentation shows it, `addRow(values).commit()`, with the same drain wait as the merger so memory stays flat.
 */
const bareWrite = async (shape: MergerBenchShape, path: string): Promise<number> => {
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
            benchAccountId(a),
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
    const ids = Array.from({ length: shape.accounts }, (_, a) => benchAccountId(a));
    await seedMergerBench(store, shape, ids);

    const rssBeforeMiB = process.memoryUsage().rss / 1024 / 1024;
    // No Map Run records: every account's partial is read from its default key, as for a run whose results are lost.
    const target = { store, prefix: `runs/${MERGER_BENCH_RUN.runId}/map`, mapRunArn: 'bench', mapRunId: 'bench' };
    const scan = await writeMapResults(target, []);
    const started = performance.now();
    const output = await buildReports(
      {
        run: MERGER_BENCH_RUN,
        accounts: { bucket: store.bucket, key: keys.accounts(MERGER_BENCH_RUN.runId), count: ids.length },
        scan,
      },
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
