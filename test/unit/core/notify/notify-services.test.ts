import { consoleUrl } from '../../../../core/notify/console-url';
import {
  COMPLIANCE_REPORT_LABEL,
  createJiraTicket,
  runLabel,
} from '../../../../core/notify/jira/create-jira-ticket.service';
import { postSlackSummary, slackMarkerKey } from '../../../../core/notify/slack/post-slack-summary.service';
import { FixedClock } from '../../../helpers/fakes/fixed-clock';
import { InMemoryObjectStore } from '../../../helpers/fakes/in-memory-object-store';
import { RecordingLog } from '../../../helpers/fakes/recording-log';
import {
  aReportsOutput,
  aSummary,
  EXECUTION_ARN,
  InMemoryTicketTracker,
  RecordingNotifier,
  WORKBOOK_KEY,
} from './notify-fixtures';

const RUN = { runId: 'run-1', startDate: '2026-11-02', endDate: '2026-11-08' };
const CONSOLE = consoleUrl('us-east-1', EXECUTION_ARN);

describe('postSlackSummary', () => {
  it('posts once and skips a rerun of the same run id, keeping where it posted', async () => {
    // Arrange
    const notifier = new RecordingNotifier();
    const store = new InMemoryObjectStore();
    const deps = { notifier, store, clock: new FixedClock(), log: new RecordingLog() };
    const input = { run: RUN, reports: aReportsOutput(), summary: aSummary(), consoleUrl: CONSOLE };

    // Act
    const first = await postSlackSummary(input, deps);
    const second = await postSlackSummary(input, deps);

    // Assert
    expect(first).toEqual({ status: 'posted', channel: 'C0SANDBOX', ts: '1700000000.000001' });
    expect(second).toEqual({
      status: 'skipped',
      reason: 'already posted',
      channel: 'C0SANDBOX',
      ts: '1700000000.000001',
    });
    expect(notifier.messages).toHaveLength(1);
    expect(JSON.parse(store.text(slackMarkerKey('run-1')))).toEqual({
      runId: 'run-1',
      postedAt: '2026-11-09T01:00:00.000Z',
      channel: 'C0SANDBOX',
      ts: '1700000000.000001',
    });
  });

  it('treats a corrupt marker as posted', async () => {
    // Arrange
    const notifier = new RecordingNotifier();
    const store = new InMemoryObjectStore();
    await store.put(slackMarkerKey('run-1'), '{oops', 'application/json');

    // Act
    const result = await postSlackSummary(
      { run: RUN, reports: aReportsOutput(), consoleUrl: CONSOLE },
      { notifier, store, clock: new FixedClock(), log: new RecordingLog() },
    );

    // Assert
    expect(result).toEqual({ status: 'skipped', reason: 'already posted' });
    expect(notifier.messages).toHaveLength(0);
  });
});

describe('createJiraTicket', () => {
  const seedWorkbook = async (store: InMemoryObjectStore) =>
    store.put(WORKBOOK_KEY, new Uint8Array([80, 75, 3, 4, 1, 2]), 'application/xlsx');

  it('creates a labelled ticket with an ADF description and attaches the workbook', async () => {
    // Arrange
    const tracker = new InMemoryTicketTracker();
    const store = new InMemoryObjectStore();
    await seedWorkbook(store);

    // Act
    const result = await createJiraTicket(
      { run: RUN, reports: aReportsOutput(), summary: aSummary(), consoleUrl: CONSOLE },
      { tracker, store, log: new RecordingLog() },
    );

    // Assert
    expect(result).toEqual({
      status: 'posted',
      key: 'SEC-1',
      url: 'https://jira.example/browse/SEC-1',
      attached: true,
    });
    const [ticket] = tracker.created;
    expect(ticket?.summary).toBe('AWS Config compliance report 2026-11-02 to 2026-11-08');
    expect(ticket?.labels).toEqual([COMPLIANCE_REPORT_LABEL, 'compliance-run-run-1']);
    expect(ticket?.description).toMatchObject({ type: 'doc', version: 1 });
    const text = JSON.stringify(ticket?.description);
    expect(text).toContain('"text":"2 of 3"');
    expect(text).toContain('60 (▲ 8 since last run)');
    expect(text).toContain('"href":"https://test-bucket.s3.amazonaws.com/workbook.xlsx?X-Amz-Signature=abc"');
    expect(text).toContain(`"href":"${CONSOLE}"`);
    expect(tracker.attachments).toEqual([
      { key: 'SEC-1', fileName: 'compliance-report_2026-11-02_to_2026-11-08.xlsx', size: 6 },
    ]);
  });

  it('reuses the ticket of the run on a rerun and does not attach the workbook twice', async () => {
    // Arrange
    const tracker = new InMemoryTicketTracker();
    const store = new InMemoryObjectStore();
    await seedWorkbook(store);
    const input = { run: RUN, reports: aReportsOutput(), consoleUrl: CONSOLE };
    await createJiraTicket(input, { tracker, store, log: new RecordingLog() });

    // Act
    const rerun = await createJiraTicket(input, { tracker, store, log: new RecordingLog() });

    // Assert
    expect(rerun).toEqual({
      status: 'skipped',
      reason: 'ticket exists',
      key: 'SEC-1',
      url: 'https://jira.example/browse/SEC-1',
      attached: false,
    });
    expect(tracker.created).toHaveLength(1);
    expect(tracker.attachments).toHaveLength(1);
  });

  it('attaches the workbook to a reused ticket that lacks it', async () => {
    // Arrange
    const tracker = new InMemoryTicketTracker();
    const store = new InMemoryObjectStore();
    await seedWorkbook(store);
    await tracker.create({
      summary: 'earlier attempt',
      labels: ['compliance-run-run-1'],
      description: { type: 'doc', version: 1, content: [] },
    });

    // Act
    const result = await createJiraTicket(
      { run: RUN, reports: aReportsOutput(), consoleUrl: CONSOLE },
      { tracker, store, log: new RecordingLog() },
    );

    // Assert
    expect(result).toMatchObject({ status: 'skipped', key: 'SEC-1', attached: true });
    expect(tracker.created).toHaveLength(1);
  });
});

describe('runLabel', () => {
  it('replaces spaces and other characters Jira refuses in labels', () => {
    expect(runLabel('weekly run 2026/11:08')).toBe('compliance-run-weekly-run-2026-11-08');
  });
});

describe('consoleUrl', () => {
  it('links the execution in the region named by its ARN', () => {
    // Act
    const url = consoleUrl('us-east-1', 'arn:aws:states:eu-west-1:123456789012:execution:Compliance:run-1');

    // Assert
    expect(url).toBe(
      'https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/' +
        'arn%3Aaws%3Astates%3Aeu-west-1%3A123456789012%3Aexecution%3ACompliance%3Arun-1',
    );
  });

  it('falls back to the given region when the ARN names none', () => {
    expect(consoleUrl('ap-east-1', 'local-run')).toBe(
      'https://ap-east-1.console.aws.amazon.com/states/home?region=ap-east-1#/v2/executions/details/local-run',
    );
  });
});
