import { loadScenario } from '../../sandbox';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness';

/**
 * Delivery over the real protocols: the workflow's Post to Slack, Create Jira ticket and Notify failure against the
 * sandbox's Slack and Jira servers, and every log line of a full run scanned for secrets.
 */
const demo = loadScenario('sandbox/scenarios/demo.json');
type Output = { reports: { keys: { workbook: string } }; notifications: Record<string, Record<string, unknown>> };

describe('notifications of the compliance report workflow', () => {
  let harness: WorkflowHarness;
  beforeEach(async () => {
    harness = await startWorkflowHarness(demo);
  });
  afterEach(() => harness.stop());

  it('posts one Slack summary and opens one Jira ticket with the workbook, even when the run is repeated', async () => {
    // Act
    const first = await harness.run({ startDate: '2026-11-02' }, 'weekly-run');
    const again = await harness.run({ startDate: '2026-11-02' }, 'weekly-run');

    // Assert
    expect(first.status).toBe('SUCCEEDED');
    expect((first.status === 'SUCCEEDED' ? (first.output as Output) : undefined)?.notifications).toMatchObject({
      slack: { status: 'posted' },
      jira: { status: 'posted', key: 'SEC-1' },
    });
    expect((again.status === 'SUCCEEDED' ? (again.output as Output) : undefined)?.notifications).toMatchObject({
      slack: { status: 'skipped' },
      jira: { key: 'SEC-1' },
    });
    const { slack, jira } = harness.sandbox.notify;
    expect(slack.received).toHaveLength(1);
    expect(slack.received[0]?.text).toMatch(/2026-11-02 to 2026-11-08/);
    expect(jira.issues).toHaveLength(1);
    expect(jira.issues[0]?.fields.labels).toEqual(expect.arrayContaining(['compliance-run-weekly-run']));
    expect(jira.issues[0]?.attachments.map((a) => a.filename)).toEqual([
      'compliance-report_2026-11-02_to_2026-11-08.xlsx',
    ]);
  });

  it('keeps the report and the Slack post when Jira is down, recording the Jira failure', async () => {
    // Arrange
    harness.sandbox.notify.jira.faults.outage = true;

    // Act
    const result = await harness.run({ startDate: '2026-11-02' });

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    const output = (result.status === 'SUCCEEDED' ? result.output : {}) as Output;
    expect(output.notifications.slack).toMatchObject({ status: 'posted' });
    expect(output.notifications.jira).toMatchObject({ status: 'failed', errors: [expect.stringMatching(/503/)] });
    expect(await harness.deps.store.getText(output.reports.keys.workbook)).toBeDefined();
  });

  it('posts the failure to Slack when the organization has no account to scan', async () => {
    // Act
    const result = await harness.run({ accounts: ['000000000001'] });

    // Assert
    expect(result).toMatchObject({ status: 'FAILED', error: 'NoAccountsFound' });
    const alert = harness.sandbox.notify.slack.received.at(-1);
    expect(alert?.text).toMatch(/List accounts/);
    expect(JSON.stringify(alert?.blocks)).toMatch(/NoAccountsFound/);
  });

  it('skips Slack and Jira on a dry run (notify: false)', async () => {
    // Act
    const result = await harness.run({ startDate: '2026-11-02', notify: false });

    // Assert
    expect(result.status).toBe('SUCCEEDED');
    expect(harness.sandbox.notify.slack.received).toHaveLength(0);
    expect(harness.sandbox.notify.jira.issues).toHaveLength(0);
  });
});

describe('logs of a full run', () => {
  it('never contain a secret: the Lacework key, the Slack webhook, the Jira token', async () => {
    // Arrange
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const harness = await startWorkflowHarness(demo, {}, 'DEBUG');
    const { notify, lacework } = harness.sandbox;
    const secrets = [
      lacework.key.secret,
      new URL(notify.slack.webhookUrl).pathname,
      notify.slack.botToken,
      notify.jira.apiToken,
    ];

    // Act
    try {
      await harness.run({ startDate: '2026-11-02' });
      await harness.run({ accounts: ['000000000001'] });
    } finally {
      write.mockRestore();
      await harness.stop();
    }

    // Assert
    expect(lines.filter((line) => line.includes('"message":"scanned account"')).length).toBeGreaterThan(10);
    for (const secret of secrets) {
      expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    }
  });
});
