import type { Readable } from 'node:stream';
import type { Context } from 'aws-lambda';
import ExcelJS from 'exceljs';
import type { BuildReportsInput } from '../../core/domain/build-reports.schema';
import { type ReportSummary, ReportSummarySchema } from '../../core/domain/report-summary.schema';
import type { ScanSummary } from '../../core/domain/scan-account.schema';
import { readScanSummaries } from '../../core/reports/build/scan-summaries';
import { silentLog } from '../../core/shared/log.port';
import { buildBuildReportsHandler } from '../../lambdas/build-reports/handler';
import { buildScanAccountHandler } from '../../lambdas/scan-account/handler';
import { expectedTotals, generateScenario } from '../../sandbox';
import { seedMapResults } from '../helpers/builders/map-results.builder';
import { composeHooks, crashScanAccount, recordBuildReportsInput } from '../helpers/fault-hooks';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness';

/**
 * A run is idempotent per run id (the execution name): repeating it rewrites the same reports with the same contents,
 * replaces its history entry and posts nothing twice. A redrive re-runs only the failed accounts' Scan account and
 * then Build reports, which must give the full report.
 */
const scenario = generateScenario({
  accounts: 12,
  regions: ['eu-west-1', 'us-east-1'],
  rulesPerRegion: 12,
  seed: 31,
  accessDeniedRate: 0.1,
  configDisabledRate: 0.1,
});
const truth = expectedTotals(scenario);
const INPUT = { startDate: '2026-11-16' };
const context = { functionName: 'local', awsRequestId: 'redrive-1', getRemainingTimeInMillis: () => 900_000 };

type Keys = { summaryJson: string; csv: string; workbook: string; history: string };
const keysOf = (output: unknown): Keys => (output as { reports: { keys: Keys } }).reports.keys;

const bytes = async (stream: Readable): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** summary.json without its generation timestamp. */
const readSummary = async (harness: WorkflowHarness, key: string): Promise<Omit<ReportSummary, 'generatedAt'>> => {
  const { generatedAt: _ignored, ...rest } = ReportSummarySchema.parse(
    JSON.parse((await harness.deps.store.getText(key)) ?? 'null'),
  );
  return rest;
};

/** Every cell value of every sheet, by sheet and address, except the Summary's "Generated at" row. */
const workbookCells = async (harness: WorkflowHarness, key: string): Promise<Record<string, unknown>> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytes(await harness.deps.store.getStream(key))) as never);
  const cells: Record<string, unknown> = {};
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Generated at') return;
      row.eachCell((cell) => {
        cells[`${sheet.name}!${cell.address}`] = cell.value;
      });
    });
  });
  return cells;
};

const historyKeys = async (harness: WorkflowHarness): Promise<string[]> => {
  const found: string[] = [];
  for await (const key of harness.deps.store.list('history/')) found.push(key);
  return found;
};

describe('idempotency of a run id', () => {
  let harness: WorkflowHarness;
  beforeAll(async () => {
    harness = await startWorkflowHarness(scenario);
  });
  afterAll(() => harness.stop());

  it('rewrites the same reports, one history entry, and posts to Slack and Jira once when a run id is repeated', async () => {
    // Act
    const first = await harness.run(INPUT, 'weekly-2026-11-22');
    const firstKeys = keysOf(first.status === 'SUCCEEDED' ? first.output : undefined);
    const before = {
      summary: await readSummary(harness, firstKeys.summaryJson),
      csv: await bytes(await harness.deps.store.getStream(firstKeys.csv)),
      cells: await workbookCells(harness, firstKeys.workbook),
    };
    const again = await harness.run(INPUT, 'weekly-2026-11-22');

    // Assert
    expect([first.status, again.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    const againKeys = keysOf(again.status === 'SUCCEEDED' ? again.output : undefined);
    expect(againKeys).toEqual(firstKeys);
    expect(await readSummary(harness, againKeys.summaryJson)).toEqual(before.summary);
    expect((await bytes(await harness.deps.store.getStream(againKeys.csv))).equals(before.csv)).toBe(true);
    expect(await workbookCells(harness, againKeys.workbook)).toEqual(before.cells);
    expect(Object.keys(before.cells).length).toBeGreaterThan(100);
    expect(await historyKeys(harness)).toEqual(['history/2026-11-22.json']);
    expect(harness.sandbox.notify.slack.received).toHaveLength(1);
    expect(harness.sandbox.notify.jira.issues).toHaveLength(1);
  });
});

describe('redrive of the failed accounts', () => {
  let harness: WorkflowHarness;
  beforeAll(async () => {
    harness = await startWorkflowHarness(scenario);
  });
  afterAll(() => harness.stop());

  it('gives the full report when only the failed accounts are scanned again and the reports rebuilt', async () => {
    // Arrange
    const crashed = truth.accounts
      .filter((a) => a.status === 'ok')
      .map((a) => a.accountId)
      .slice(0, 3);
    const inputs: unknown[] = [];
    const hooks = composeHooks(
      crashScanAccount({ accountIds: crashed, attempts: 'every' }),
      recordBuildReportsInput(inputs),
    );
    const broken = await harness.run(INPUT, 'redriven-run', { wrapHandlers: hooks });
    const brokenKeys = keysOf(broken.status === 'SUCCEEDED' ? broken.output : undefined);
    const brokenSummary = await readSummary(harness, brokenKeys.summaryJson);
    const recorded = inputs[0] as BuildReportsInput;
    // The Map Run's results (its FAILED records: the crashed accounts' children failed) as Build reports reads them.
    const scan = [...(await readScanSummaries(recorded.scan, harness.deps.store, silentLog)).values()];
    const failedIds = scan.filter((s) => s.status === 'failed' && s.partialKey === undefined).map((s) => s.accountId);

    // Act: Scan account again for the failed children only (the ItemSelector's payload), then Build reports again.
    const scanAccount = buildScanAccountHandler(harness.deps);
    const redriven = new Map<string, ScanSummary>();
    for (const accountId of failedIds) {
      const { runId, regions, frameworks } = recorded.run;
      const payload = { accountId, runId, regions, frameworks };
      redriven.set(accountId, (await scanAccount(payload, context as unknown as Context)) as ScanSummary);
    }
    const rescanned = scan.map((s) => redriven.get(s.accountId) ?? s);
    const amended = { ...recorded, scan: await seedMapResults(harness.deps.store, rescanned, recorded.run.runId) };
    const rebuilt = await buildBuildReportsHandler(harness.deps)(amended, context as unknown as Context);

    // Assert
    expect(brokenSummary.failedAccounts.map((f) => f.accountId)).toEqual(expect.arrayContaining(crashed));
    expect(failedIds.sort()).toEqual([...crashed].sort());
    expect(keysOf({ reports: rebuilt })).toEqual(brokenKeys);
    const summary = await readSummary(harness, brokenKeys.summaryJson);
    expect(summary.failedAccounts.map((f) => f.accountId).sort()).toEqual(
      truth.accounts
        .filter((a) => a.status === 'failed')
        .map((a) => a.accountId)
        .sort(),
    );
    expect(summary.totals).toMatchObject({
      accounts: truth.totals.accounts,
      failed: truth.totals.failed,
      compliant: truth.totals.compliant,
      nonCompliant: truth.totals.nonCompliant,
      configDisabledRegions: truth.totals.configDisabledRegions,
    });
    for (const account of truth.accounts) {
      const reported = summary.accounts.find((a) => a.accountId === account.accountId);
      expect({ id: account.accountId, compliant: reported?.compliant, nonCompliant: reported?.nonCompliant }).toEqual({
        id: account.accountId,
        compliant: account.compliant,
        nonCompliant: account.nonCompliant,
      });
    }
    expect(await historyKeys(harness)).toEqual(['history/2026-11-22.json']);
    expect(harness.sandbox.notify.slack.received).toHaveLength(1);
  });
});
