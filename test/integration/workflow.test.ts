import { ReportSummarySchema } from '../../core/domain/report-summary.schema';
import { expectedTotals, loadScenario, type Scenario } from '../../sandbox';
import { failureNoteName, StateNames } from '../../statemachines/state-names';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness';

/**
 * The deployed workflow (the same CDK chain rendered to ASL) run by aws-local-stepfunctions with the real handlers
 * against the sandbox, one scenario per path. Expected counts come from the sandbox's ground truth, which reads the
 * scenario records directly and shares no code with the scan or the merger.
 */
const demo = loadScenario('sandbox/scenarios/demo.json');

const readSummary = async (harness: WorkflowHarness, output: unknown) => {
  const key = (output as { reports: { keys: { summaryJson: string } } }).reports.keys.summaryJson;
  const text = await harness.deps.store.getText(key);
  return ReportSummarySchema.parse(JSON.parse(text ?? 'null'));
};

const clone = (scenario: Scenario): Scenario => structuredClone(scenario);

describe('compliance report workflow on the sandbox', () => {
  describe('happy path on the demo organization', () => {
    let harness: WorkflowHarness;
    beforeAll(async () => {
      harness = await startWorkflowHarness(demo);
    });
    afterAll(() => harness.stop());

    it('reports every ACTIVE account exactly once with the counts the scenario implies', async () => {
      // Arrange
      const expected = expectedTotals(demo);

      // Act
      const result = await harness.run({ startDate: '2026-11-02', endDate: '2026-11-08' });

      // Assert
      expect(result.status).toBe('SUCCEEDED');
      const summary = await readSummary(harness, result.status === 'SUCCEEDED' ? result.output : undefined);
      expect(summary.accounts.map((a) => a.accountId).sort()).toEqual(expected.accounts.map((a) => a.accountId).sort());
      expect(summary.totals).toMatchObject({
        accounts: expected.totals.accounts,
        failed: expected.totals.failed,
        compliant: expected.totals.compliant,
        nonCompliant: expected.totals.nonCompliant,
        configDisabledRegions: expected.totals.configDisabledRegions,
      });
      for (const account of expected.accounts) {
        const reported = summary.accounts.find((a) => a.accountId === account.accountId);
        expect({ id: account.accountId, compliant: reported?.compliant, nonCompliant: reported?.nonCompliant }).toEqual(
          {
            id: account.accountId,
            compliant: account.compliant,
            nonCompliant: account.nonCompliant,
          },
        );
      }
      for (const excluded of expected.excludedAccountIds) {
        expect(summary.accounts.some((a) => a.accountId === excluded)).toBe(false);
      }
    });

    it('lists the AccessDenied account in Failed accounts with the assume-role reason', async () => {
      // Arrange
      const denied = expectedTotals(demo).accounts.filter((a) => a.status === 'failed');

      // Act
      const result = await harness.run({ startDate: '2026-11-02' });

      // Assert
      const summary = await readSummary(harness, result.status === 'SUCCEEDED' ? result.output : undefined);
      expect(denied.length).toBeGreaterThan(0);
      expect(summary.failedAccounts).toEqual(
        denied.map((a) =>
          expect.objectContaining({
            accountId: a.accountId,
            phase: 'assume-role',
            error: expect.stringMatching(/AccessDenied/),
          }),
        ),
      );
    });

    it('marks the Config-disabled region on its account instead of failing it', async () => {
      // Arrange
      const disabled = expectedTotals(demo).accounts.filter((a) => a.configDisabledRegions.length > 0);

      // Act
      const result = await harness.run({ startDate: '2026-11-02' });

      // Assert
      const summary = await readSummary(harness, result.status === 'SUCCEEDED' ? result.output : undefined);
      expect(disabled.length).toBeGreaterThan(0);
      for (const account of disabled) {
        const reported = summary.accounts.find((a) => a.accountId === account.accountId);
        expect(reported).toMatchObject({ status: 'ok', configDisabledRegions: account.configDisabledRegions });
      }
    });

    it('writes the workbook and the CSV next to summary.json, one CSV row per non-compliant result', async () => {
      // Act
      const result = await harness.run({ startDate: '2026-11-02', endDate: '2026-11-08' }, 'csv-run');

      // Assert
      const output = (
        (result.status === 'SUCCEEDED' ? result.output : {}) as { reports: { keys: { workbook: string; csv: string } } }
      ).reports;
      expect(output.keys.workbook).toBe('reports/2026-11-08/csv-run/compliance-report_2026-11-02_to_2026-11-08.xlsx');
      const csv = await harness.deps.store.getText(output.keys.csv);
      const dataRows = (csv ?? '').trimEnd().split(/\r?\n/).length - 1;
      // Annotations contain no line breaks in the demo, so lines equal records.
      expect(dataRows).toBe(expectedTotals(demo).totals.nonCompliant);
      expect((await harness.deps.store.getText(output.keys.workbook))?.length).toBeGreaterThan(0);
    });

    it('fails the first state with InvalidInput naming the field when the input is malformed', async () => {
      // Act
      const result = await harness.run({ startDate: '2026-11-08', endDate: '2026-11-01' });

      // Assert
      expect(result).toMatchObject({
        status: 'FAILED',
        error: 'InvalidInput',
        cause: expect.stringMatching(/endDate/),
      });
      const entered = result.events
        .filter((e) => e.type === 'StateEntered')
        .map((e) => (e as { state: { name: string } }).state.name);
      expect(entered).toEqual([
        StateNames.resolveRun,
        failureNoteName(StateNames.resolveRun),
        StateNames.notifyFailure,
        StateNames.runFailed,
      ]);
    });

    it('fails with InvalidInput on an unknown field', async () => {
      // Act
      const result = await harness.run({ enddate: '2026-11-08' });

      // Assert
      expect(result).toMatchObject({
        status: 'FAILED',
        error: 'InvalidInput',
        cause: expect.stringMatching(/enddate/),
      });
    });

    it('fails with NoAccountsFound when the account filter matches no member', async () => {
      // Act
      const result = await harness.run({ accounts: ['000000000001'] });

      // Assert
      expect(result).toMatchObject({ status: 'FAILED', error: 'NoAccountsFound' });
    });
  });

  describe('throttled then retried', () => {
    let harness: WorkflowHarness;
    const scenario = clone(demo);
    const target = expectedTotals(demo).accounts.find((a) => a.status === 'ok' && a.enabledRegions.length > 0);
    beforeAll(async () => {
      scenario.faults = { configThrottling: { accounts: [target?.accountId ?? ''], firstCallsPerRegion: 3 } };
      // Two SDK attempts per call: three throttled answers outlast them, so the state's Retry has to step in.
      harness = await startWorkflowHarness(scenario, { AWS_MAX_ATTEMPTS: '2' });
    });
    afterAll(() => harness.stop());

    it('retries the throttled account from the state and still reports its full counts', async () => {
      // Act
      const result = await harness.run({ accounts: [target?.accountId ?? ''] });

      // Assert
      expect(result.status).toBe('SUCCEEDED');
      const retries = result.events.filter((e) => e.type === 'StateRetried');
      expect(retries.length).toBeGreaterThan(0);
      const summary = await readSummary(harness, result.status === 'SUCCEEDED' ? result.output : undefined);
      expect(summary.failedAccounts).toEqual([]);
      expect(summary.accounts).toEqual([
        expect.objectContaining({
          accountId: target?.accountId,
          compliant: target?.compliant,
          nonCompliant: target?.nonCompliant,
        }),
      ]);
      expect(harness.sandbox.stats.snapshot().throttled).toBeGreaterThanOrEqual(3);
    });
  });

  describe('throttled beyond every retry', () => {
    let harness: WorkflowHarness;
    const scenario = clone(demo);
    const target = expectedTotals(demo).accounts.find((a) => a.status === 'ok' && a.enabledRegions.length > 0);
    beforeAll(async () => {
      scenario.faults = { configThrottling: { accounts: [target?.accountId ?? ''], firstCallsPerRegion: 1000 } };
      harness = await startWorkflowHarness(scenario, { AWS_MAX_ATTEMPTS: '1' });
    });
    afterAll(() => harness.stop());

    it('records the account in Failed accounts with the throttling error and keeps the others', async () => {
      // Act
      const result = await harness.run({});

      // Assert
      expect(result.status).toBe('SUCCEEDED');
      const summary = await readSummary(harness, result.status === 'SUCCEEDED' ? result.output : undefined);
      expect(summary.failedAccounts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ accountId: target?.accountId, error: expect.stringMatching(/ThrottledError/) }),
        ]),
      );
      expect(summary.accounts).toHaveLength(expectedTotals(demo).totals.accounts);
    });
  });
});
