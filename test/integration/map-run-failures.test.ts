import type { MapRunRecord } from '../../cli/local/distributed-map';
import type { ChildRecord, ResultManifest } from '../../cli/local/distributed-map-results';
import type { LocalRunResult } from '../../cli/local/run-local-workflow';
import { keys } from '../../core/domain/keys';
import { ReportSummarySchema } from '../../core/domain/report-summary.schema';
import { expectedTotals, loadScenario } from '../../sandbox';
import { StateNames } from '../../statemachines/state-names';
import type { HandlerHook } from '../helpers/fault-hooks';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness';

/**
 * Failed accounts as the Map Run shows them, on the demo organization (20 accounts, one refusing AssumeRole) with the
 * dev stage's 10% tolerance: a failed account's child execution fails and is listed like any other failed account;
 * up to 10% the run reports, above it the Map fails and the run fails through Notify failure.
 */
const demo = loadScenario('sandbox/scenarios/demo.json');
const truth = expectedTotals(demo);
const denied = truth.accounts.filter((a) => a.status === 'failed').map((a) => a.accountId);
const okIds = truth.accounts.filter((a) => a.status === 'ok').map((a) => a.accountId);
const INPUT = { startDate: '2026-11-16' };

/** Scan account of `accountIds` never returns (a stuck invocation); the Task's TimeoutSeconds must end it. */
const hangScanAccount =
  (accountIds: readonly string[]): HandlerHook =>
  (handlers) => ({
    ...handlers,
    scanAccount: (event, context) =>
      accountIds.includes(String((event as { accountId?: unknown }).accountId))
        ? new Promise<never>(() => undefined)
        : handlers.scanAccount(event, context),
  });

/** The Map Run's records by status, read from the manifest its ResultWriter wrote under `runs/<runId>/map/`. */
const mapResults = async (harness: WorkflowHarness, runId: string) => {
  const keys: string[] = [];
  for await (const key of harness.deps.store.list(`runs/${runId}/map/`)) keys.push(key);
  const manifestKey = keys.find((k) => k.endsWith('/manifest.json')) ?? '';
  const manifest = JSON.parse((await harness.deps.store.getText(manifestKey)) ?? 'null') as ResultManifest;
  const read = async (files: { Key: string }[]) =>
    (await Promise.all(files.map(async (f) => JSON.parse((await harness.deps.store.getText(f.Key)) ?? '[]')))).flat();
  return {
    succeeded: (await read(manifest.ResultFiles.SUCCEEDED)) as ChildRecord[],
    failed: (await read(manifest.ResultFiles.FAILED)) as ChildRecord[],
  };
};

const accountOf = (record: ChildRecord) => (JSON.parse(record.Input) as { accountId: string }).accountId;
const entered = (result: LocalRunResult, name: string) =>
  result.events.some((e) => e.type === 'StateEntered' && 'state' in e && e.state.name === name);

describe('failed accounts in the Map Run', () => {
  let harness: WorkflowHarness;
  beforeAll(async () => {
    harness = await startWorkflowHarness(demo);
  });
  afterAll(() => harness.stop());

  it('times out a hanging Scan account with States.Timeout, lists it as failed, and reports below the threshold', async () => {
    // Arrange: the denied account and the hanging one are 2 of 20, exactly the tolerated 10%
    const hanging = okIds[0] as string;
    let mapRun: MapRunRecord | undefined;

    // Act
    const result = await harness.run(INPUT, 'timeout-run', {
      wrapHandlers: hangScanAccount([hanging]),
      scanAccountTimeoutSeconds: 3,
      onMapRun: (record) => {
        mapRun = structuredClone(record);
      },
    });

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    const { failed, succeeded } = await mapResults(harness, 'timeout-run');
    expect(succeeded).toHaveLength(truth.accounts.length - 2);
    expect(failed.find((r) => accountOf(r) === hanging)).toMatchObject({ Status: 'FAILED', Error: 'States.Timeout' });
    // Account failed always has a Cause (the engine's here; Record failed account defaults it when a timeout has none).
    expect(failed.find((r) => accountOf(r) === hanging)?.Cause).toEqual(expect.stringMatching(/\S/));
    expect(failed.map(accountOf).sort()).toEqual([...denied, hanging].sort());
    expect(mapRun).toMatchObject({
      status: 'SUCCEEDED',
      itemCounts: { failed: 2, succeeded: truth.accounts.length - 2 },
    });
    const output = result.status === 'SUCCEEDED' ? result.output : undefined;
    const key = (output as { reports: { keys: { summaryJson: string } } }).reports.keys.summaryJson;
    const summary = ReportSummarySchema.parse(JSON.parse((await harness.deps.store.getText(key)) ?? 'null'));
    expect(summary.failedAccounts.map((f) => f.accountId).sort()).toEqual([...denied, hanging].sort());
    expect(summary.failedAccounts.find((f) => f.accountId === hanging)?.error).toMatch(/States\.Timeout/);
    expect(summary.totals.failed).toBe(2);
  });

  it('fails the Map above the threshold and the run through Notify failure, naming how many accounts failed', async () => {
    // Arrange: the denied account and two hanging ones are 3 of 20, above the tolerated 10%
    const hanging = okIds.slice(0, 2);
    const slackBefore = harness.sandbox.notify.slack.received.length;
    const jiraBefore = harness.sandbox.notify.jira.issues.length;

    // Act
    const result = await harness.run({ startDate: '2026-11-23' }, 'exceeded-run', {
      wrapHandlers: hangScanAccount(hanging),
      scanAccountTimeoutSeconds: 3,
    });

    // Assert: failed in the Map, never reported
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    expect(result.status === 'FAILED' ? result.cause : '').toMatch(/^3 of 20 child executions failed/);
    expect(entered(result, StateNames.notifyFailure)).toBe(true);
    expect(entered(result, StateNames.buildReports)).toBe(false);
    expect(entered(result, StateNames.notify)).toBe(false);
    const posted = harness.sandbox.notify.slack.received.slice(slackBefore);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toMatch(
      /failed in Scan accounts and fetch alerts: States\.ExceedToleratedFailureThreshold/,
    );
    expect(JSON.stringify(posted[0]?.blocks)).toMatch(/3 of 20 child executions failed/);
    expect(harness.sandbox.notify.jira.issues.length).toBe(jiraBefore);
    const resolved = result.events.find(
      (e) => e.type === 'StateExited' && 'state' in e && e.state.name === StateNames.resolveRun,
    );
    const run = (resolved && 'state' in resolved ? resolved.state.output : {}) as { run: { endDate: string } };
    const written: string[] = [];
    for await (const key of harness.deps.store.list(keys.reportPrefix(run.run.endDate, 'exceeded-run'))) {
      written.push(key);
    }
    expect(run.run.endDate).toBe('2026-11-29');
    expect(written).toEqual([]);
    expect(await harness.deps.store.getText(keys.history(run.run.endDate))).toBeUndefined();
    const { failed } = await mapResults(harness, 'exceeded-run');
    expect(failed.map(accountOf)).toEqual(expect.arrayContaining(denied));
  });
});
