import { ReportSummarySchema } from '../../core/domain/report-summary.schema';
import { expectedTotals, loadScenario, type Scenario } from '../../sandbox';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness';

/**
 * The Lacework parts of the workflow over the sandbox's Lacework API v2: both CSVs and the summary's Lacework facts on
 * the demo, and a Lacework that refuses the key or is down failing only the Lacework parts.
 */
const demo = loadScenario('sandbox/scenarios/demo.json');
type Output = { reports: { keys: { summaryJson: string; lacework?: string[] } } };

const withLaceworkFaults = (faults: Record<string, unknown>): Scenario => {
  const scenario = structuredClone(demo);
  (scenario.lacework as Record<string, unknown>).faults = faults;
  return scenario;
};

const runOnce = async (scenario: Scenario) => {
  const harness: WorkflowHarness = await startWorkflowHarness(scenario);
  try {
    const result = await harness.run({ startDate: '2026-11-16' });
    const output = (result.status === 'SUCCEEDED' ? result.output : undefined) as Output | undefined;
    const summaryText = output ? await harness.deps.store.getText(output.reports.keys.summaryJson) : undefined;
    const csvs = Object.fromEntries(
      await Promise.all(
        (output?.reports.keys.lacework ?? []).map(async (key) => [
          key.split('/').at(-1),
          await harness.deps.store.getText(key),
        ]),
      ),
    ) as Record<string, string>;
    return { result, csvs, summary: summaryText ? ReportSummarySchema.parse(JSON.parse(summaryText)) : undefined };
  } finally {
    await harness.stop();
  }
};

describe('Lacework in the compliance report workflow', () => {
  it('writes the framework CSV and the alerts CSV for the demo organization', async () => {
    // Act
    const { result, csvs, summary } = await runOnce(demo);

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(Object.keys(csvs).sort()).toEqual([
      'aws_iso_27001:2013_compliance.csv',
      'lacework_alerts_2026-11-16_to_2026-11-22.csv',
    ]);
    const framework = csvs['aws_iso_27001:2013_compliance.csv'] ?? '';
    expect(framework.startsWith('"Policy Name","Policy ID","Severity","Status","Framework Name"')).toBe(true);
    expect(framework).not.toMatch(/"Manual"/);
    expect(framework).toMatch(/^"Not Found","lacework-global-248","Unknown","Unknown"/m);
    expect(summary?.lacework).toMatchObject({ frameworks: [{ frameworkName: 'AWS ISO 27001:2013' }], errors: [] });
  });

  it.each([
    ['refuses the key', { rejectKey: true }],
    ['is down', { outage: true }],
  ])('still reports AWS Config in full when Lacework %s, recording the Lacework failure', async (_, faults) => {
    // Act
    const { result, summary, csvs } = await runOnce(withLaceworkFaults(faults));

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    const expected = expectedTotals(demo).totals;
    expect(summary?.totals).toMatchObject({ compliant: expected.compliant, nonCompliant: expected.nonCompliant });
    expect(summary?.lacework?.errors.length).toBeGreaterThan(0);
    expect(Object.keys(csvs)).not.toContain('lacework_alerts_2026-11-16_to_2026-11-22.csv');
  });
});
