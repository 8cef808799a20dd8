import type { Readable } from 'node:stream';
import type { Context } from 'aws-lambda';
import ExcelJS from 'exceljs';
import { EXCEED_TOLERATED_FAILURE, type MapRunRecord } from '../../cli/local/distributed-map';
import { type ChildRecord, writeMapResults } from '../../cli/local/distributed-map-results';
import { type ReportSummary, ReportSummarySchema } from '../../core/domain/report-summary.schema';
import { buildBuildReportsHandler } from '../../lambdas/build-reports/handler';
import { buildScanAccountHandler } from '../../lambdas/scan-account/handler';
import { expectedTotals, generateScenario } from '../../sandbox';
import { StateNames } from '../../statemachines/state-names';
import { composeHooks, crashScanAccount, recordBuildReportsInput } from '../helpers/fault-hooks';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness';

/**
 * A run is idempotent per run id (the execution name): repeating it rewrites the same reports with the same contents,
 * replaces its history entry and posts nothing twice. When too many accounts fail the Map fails; a redrive re-runs only
 * the Map Run's unsuccessful children and then Build reports on the same Map Run's manifest, which gives the full report.
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

  it('re-runs only the unsuccessful children of the failed Map Run, then Build reports on its manifest: the full report', async () => {
    // Arrange: 3 crashing accounts (and the scenario's denied ones) of 12 are above the tolerated 10%: the Map fails.
    const crashed = truth.accounts
      .filter((a) => a.status === 'ok')
      .map((a) => a.accountId)
      .slice(0, 3);
    const inputs: unknown[] = [];
    let mapRun: MapRunRecord | undefined;
    const hooks = composeHooks(
      crashScanAccount({ accountIds: crashed, attempts: 'every' }),
      recordBuildReportsInput(inputs),
    );
    const broken = await harness.run(INPUT, 'redriven-run', {
      wrapHandlers: hooks,
      mapConcurrency: truth.accounts.length,
      onMapRun: (record) => {
        mapRun = structuredClone(record);
      },
    });
    const exited = (name: string) => {
      const event = broken.events.find((e) => e.type === 'StateExited' && 'state' in e && e.state.name === name);
      return (event && 'state' in event ? event.state.output : undefined) as Record<string, unknown>;
    };
    const first = mapRun as MapRunRecord;
    const succeededFirst = first.children.filter((c) => c.Status === 'SUCCEEDED');

    // Act: redrive as AWS does it: the Map Run keeps its ARN and re-runs each unsuccessful child (FAILED, ABORTED,
    // or never started) with the same input; its ResultWriter writes all results again under the same Map Run.
    const scanAccount = buildScanAccountHandler(harness.deps);
    const redrivenIds: string[] = [];
    const children: ChildRecord[] = [];
    for (const child of first.children) {
      if (child.Status === 'SUCCEEDED') {
        children.push(child);
        continue;
      }
      const input = JSON.parse(child.Input) as { accountId: string };
      redrivenIds.push(input.accountId);
      const again = { ...child, RedriveCount: child.RedriveCount + 1, Error: undefined, Cause: undefined };
      try {
        const summary = await scanAccount(input, context as unknown as Context);
        children.push({
          ...again,
          Status: 'SUCCEEDED',
          Output: JSON.stringify(summary),
          RedriveStatus: 'NOT_REDRIVABLE',
        });
      } catch (error) {
        const { name, message } = error as Error;
        children.push({ ...again, Status: 'FAILED', Error: name, Cause: message });
      }
    }
    const runId = (exited(StateNames.resolveRun).run as { runId: string }).runId;
    const mapRunId = first.mapRunArn.split(':').at(-1) as string;
    const target = { store: harness.deps.store, prefix: `runs/${runId}/map`, mapRunArn: first.mapRunArn, mapRunId };
    const scan = await writeMapResults(target, children);
    const rebuilt = await buildBuildReportsHandler(harness.deps)(
      {
        run: exited(StateNames.resolveRun).run,
        accounts: exited(StateNames.listAccounts).accounts,
        scan,
        alerts: exited(StateNames.fetchLaceworkAlerts),
      },
      context as unknown as Context,
    );

    // Assert: the first attempt failed in the Map, reported nothing, and left only the unsuccessful children to redo.
    expect(broken).toMatchObject({ status: 'FAILED', error: EXCEED_TOLERATED_FAILURE });
    expect(inputs).toEqual([]);
    expect(first.status).toBe('FAILED');
    // Every child started at once (MaxConcurrency = the account count): none was left PENDING, without an input.
    expect(first.children.filter((c) => c.Status === 'PENDING')).toEqual([]);
    expect(redrivenIds).toEqual(expect.arrayContaining(crashed));
    expect(redrivenIds.length + succeededFirst.length).toBe(truth.accounts.length);
    expect(scan.ResultWriterDetails.Key).toBe(`runs/${runId}/map/${mapRunId}/manifest.json`);
    const summary = await readSummary(harness, keysOf({ reports: rebuilt }).summaryJson);
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
    // Only the failure was posted (Notify failure); the redriven run's Notify is not part of this test.
    expect(harness.sandbox.notify.slack.received).toHaveLength(1);
  });
});
