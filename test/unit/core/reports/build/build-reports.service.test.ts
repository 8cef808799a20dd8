import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { keys } from '../../../../../core/domain/keys';
import { ReportSummarySchema } from '../../../../../core/domain/report-summary.schema';
import {
  type BuildReportsInput,
  BuildReportsInputSchema,
  BuildReportsOutputSchema,
  buildReports,
} from '../../../../../core/reports/build/build-reports.service';
import { silentLog } from '../../../../../core/shared/log.port';
import { fixedClock } from '../../../../helpers/builders/fixed-clock';
import { aMissingMapResult, seedMapResults } from '../../../../helpers/builders/map-results.builder';
import {
  aPartial,
  aRegion,
  aResource,
  aRoleNotAssumablePartial,
  aRule,
  aScanSummary,
} from '../../../../helpers/builders/partial.builder';
import { anAccount, anAccountList, aRun, seedRun } from '../../../../helpers/builders/run.builder';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';

const PREFIX = 'reports/2026-11-08/run-1/';
const WORKBOOK_KEY = `${PREFIX}compliance-report_2026-11-02_to_2026-11-08.xlsx`;
const CSV_KEY = `${PREFIX}config-noncompliant-resources_2026-11-02_to_2026-11-08.csv`;

const accounts = [
  anAccount('111111111111', 'prod'),
  anAccount('222222222222', 'dev'),
  anAccount('333333333333', 'sandbox'),
  anAccount('444444444444', 'legacy'),
  anAccount('555555555555', 'audit'),
];

let tmpDir: string;
beforeEach(async () => {
  tmpDir = await mkdtemp(join(tmpdir(), 'build-reports-test-'));
});
afterEach(async () => {
  await rm(tmpDir, { recursive: true, force: true });
});

/** Five accounts: ok, partial, role not assumable, corrupt partial, no partial (crashed scan). */
const seedMixedRun = async (store: InMemoryObjectStore) => {
  await seedRun(store, accounts, [
    aPartial({ accountId: '111111111111' }),
    aPartial({
      accountId: '222222222222',
      status: 'partial',
      regions: [
        aRegion({
          rules: [aRule({ compliantCount: 1, nonCompliantCount: 2 })],
          nonCompliant: [aResource({ resourceId: 'b-2' }), aResource({ resourceId: 'b-1' })],
        }),
        aRegion({ region: 'eu-west-1', configStatus: 'not-enabled', rules: [], nonCompliant: [] }),
      ],
      errors: [{ phase: 'config', region: 'ap-east-1', code: 'ThrottlingException', message: 'rate exceeded' }],
    }),
    aRoleNotAssumablePartial({ accountId: '333333333333' }),
    { accountId: '444444444444', raw: '{"schemaVersion":1,"accountId":"444444444444"}' },
  ]);
};

const inlineScan = [
  aScanSummary({ accountId: '111111111111' }),
  aScanSummary({ accountId: '555555555555', status: 'failed', errors: ['States.Timeout: task timed out'] }),
];

const inputWith = (scan: BuildReportsInput['scan']): BuildReportsInput => ({
  run: aRun(),
  accounts: anAccountList(accounts),
  scan,
});

describe('buildReports', () => {
  it('writes the workbook, the CSV and summary.json and returns their keys and totals', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedMixedRun(store);

    // Act
    const output = await buildReports(inputWith(await seedMapResults(store, inlineScan)), {
      store,
      clock: fixedClock(),
      log: silentLog,
      tmpDir,
    });

    // Assert
    expect(BuildReportsOutputSchema.parse(output)).toEqual(output);
    expect(output.bucket).toBe('test-bucket');
    expect(output.prefix).toBe(keys.reportPrefix('2026-11-08', 'run-1'));
    expect(output.keys).toEqual({
      workbook: WORKBOOK_KEY,
      csv: CSV_KEY,
      summaryJson: `${PREFIX}summary.json`,
      summaryHtml: `${PREFIX}summary.html`,
      history: 'history/2026-11-08.json',
    });
    expect(output.totals).toEqual({
      accounts: 5,
      scanned: 2,
      failed: 3,
      compliant: 4,
      nonCompliant: 3,
      score: 4 / 7,
      configDisabledRegions: 1,
    });
    expect(output.failedAccountCount).toBe(3);
    expect([...store.objects.keys()].filter((k) => k.startsWith(PREFIX)).sort()).toEqual(
      [CSV_KEY, WORKBOOK_KEY, `${PREFIX}summary.json`, `${PREFIX}summary.html`].sort(),
    );
    expect(store.objects.has('history/2026-11-08.json')).toBe(true);
    expect(output.changes).toBeNull();
    expect(output.links).toBeUndefined();
  });

  it('lists every account without usable data in Failed accounts with its reason', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedMixedRun(store);

    // Act
    const output = await buildReports(inputWith(await seedMapResults(store, inlineScan)), {
      store,
      clock: fixedClock(),
      log: silentLog,
      tmpDir,
    });

    // Assert
    expect(output.failedAccounts).toEqual([
      {
        accountId: '333333333333',
        accountName: 'sandbox',
        phase: 'assume-role',
        error: 'AccessDenied: not authorized to perform sts:AssumeRole',
      },
      {
        accountId: '444444444444',
        accountName: 'legacy',
        phase: 'scan',
        error: expect.stringMatching(/^partial is corrupt: runs\/run-1\/partials\/444444444444\.json: .*runId/),
      },
      { accountId: '555555555555', accountName: 'audit', phase: 'scan', error: 'States.Timeout: task timed out' },
    ]);
  });

  it('says "no partial written" when an account has neither a partial nor a Catch reason', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedMixedRun(store);

    // Act
    const output = await buildReports(inputWith(aMissingMapResult()), {
      store,
      clock: fixedClock(),
      log: silentLog,
      tmpDir,
    });

    // Assert
    expect(output.failedAccounts.find((f) => f.accountId === '555555555555')?.error).toBe('no partial written');
  });

  it('reads the Map Run manifest and its result files when the map wrote its results to S3', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedMixedRun(store);
    const manifestKey = 'runs/run-1/map/abc/manifest.json';
    await store.put(
      manifestKey,
      JSON.stringify({
        DestinationBucket: 'test-bucket',
        MapRunArn: 'arn:aws:states:us-east-1:000000000000:mapRun:sm/scan:abc',
        ResultFiles: {
          SUCCEEDED: [{ Key: 'runs/run-1/map/abc/SUCCEEDED_0.json', Size: 1 }],
          FAILED: [{ Key: 'runs/run-1/map/abc/FAILED_0.json', Size: 1 }],
          PENDING: [],
        },
      }),
      'application/json',
    );
    const ok = JSON.stringify(aScanSummary({ accountId: '111111111111' }));
    await store.put(
      'runs/run-1/map/abc/SUCCEEDED_0.json',
      JSON.stringify([{ Status: 'SUCCEEDED', Input: '{"accountId":"111111111111"}', Output: ok }]),
      'application/json',
    );
    await store.put(
      'runs/run-1/map/abc/FAILED_0.json',
      JSON.stringify([
        { Status: 'FAILED', Input: '{"accountId":"555555555555"}', Error: 'Lambda.Unknown', Cause: 'out of memory' },
      ]),
      'application/json',
    );
    const input = BuildReportsInputSchema.parse(
      inputWith({
        MapRunArn: 'arn:aws:states:us-east-1:000000000000:mapRun:sm/scan:abc',
        ResultWriterDetails: { Bucket: 'test-bucket', Key: manifestKey },
      }),
    );

    // Act
    const output = await buildReports(input, { store, clock: fixedClock(), log: silentLog, tmpDir });

    // Assert
    expect(output.failedAccounts.find((f) => f.accountId === '555555555555')?.error).toBe(
      'Lambda.Unknown: out of memory',
    );
    expect(output.totals.accounts).toBe(5);
  });

  it('writes a summary.json that matches ReportSummarySchema with every account once', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedMixedRun(store);

    // Act
    await buildReports(inputWith(await seedMapResults(store, inlineScan)), {
      store,
      clock: fixedClock(),
      log: silentLog,
      tmpDir,
    });

    // Assert
    const summary = ReportSummarySchema.parse(JSON.parse(store.text(`${PREFIX}summary.json`)));
    expect(summary.generatedAt).toBe('2026-11-09T01:00:00.000Z');
    expect(summary.accounts.map((a) => [a.accountId, a.status])).toEqual([
      ['111111111111', 'ok'],
      ['222222222222', 'partial'],
      ['333333333333', 'failed'],
      ['444444444444', 'failed'],
      ['555555555555', 'failed'],
    ]);
    expect(summary.accounts[1]).toMatchObject({
      configDisabledRegions: ['eu-west-1'],
      errors: ['ap-east-1 ThrottlingException: rate exceeded'],
      score: 1 / 3,
    });
    expect(summary.rules).toEqual([
      { rule: 'required-tags', compliant: 4, nonCompliant: 3, accountsWithViolations: 2, accountsEvaluated: 2 },
    ]);
  });

  it('writes a workbook whose tabs hold every account exactly once', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedMixedRun(store);

    // Act
    await buildReports(inputWith(await seedMapResults(store, inlineScan)), {
      store,
      clock: fixedClock(),
      log: silentLog,
      tmpDir,
    });

    // Assert
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(store.objects.get(WORKBOOK_KEY)?.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Config rules',
      'Non-compliant resources',
      'Resolved',
      'Change context',
      'Lacework compliance',
      'Lacework alerts',
      'Failed accounts',
      'Trend',
    ]);
    const summary = workbook.getWorksheet('Summary');
    const failed = workbook.getWorksheet('Failed accounts');
    const scorecardIds = (summary?.getColumn(1).values ?? []).slice(17);
    const failedIds = (failed?.getColumn(1).values ?? []).slice(2);
    expect([...scorecardIds, ...failedIds].sort()).toEqual(accounts.map((a) => a.id));
    expect(workbook.getWorksheet('Non-compliant resources')?.rowCount).toBe(1 + 3);
  });

  it('removes its temp files', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedMixedRun(store);

    // Act
    await buildReports(inputWith(await seedMapResults(store, inlineScan)), {
      store,
      clock: fixedClock(),
      log: silentLog,
      tmpDir,
    });

    // Assert
    expect(await readdir(tmpDir)).toEqual([]);
  });

  it('throws NotFoundError when accounts.json is missing', async () => {
    // Arrange
    const store = new InMemoryObjectStore();

    // Act
    const run = buildReports(inputWith(aMissingMapResult()), { store, clock: fixedClock(), log: silentLog, tmpDir });

    // Assert
    await expect(run).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
