import type { BuildReportsOutput } from '../../../../core/domain/build-reports.schema';
import type { NotifySummary } from '../../../../core/notify/report-facts';
import type { NewTicket, Ticket, TicketTracker } from '../../../../core/notify/ticket-tracker.port';
import type { ChatMessage, ChatNotifier, PostedMessage } from '../../../../core/platform/chat/chat-notifier.port';

export const PREFIX = 'reports/2026-11-08/run-1/';
export const WORKBOOK_KEY = `${PREFIX}compliance-report_2026-11-02_to_2026-11-08.xlsx`;
export const EXECUTION_ARN = 'arn:aws:states:us-east-1:123456789012:execution:ComplianceReport:run-1';

/**
 * The Build reports output of the demo-like run `run-1`: 3 accounts, 1 failed, links and changes present. Written as
 * a superset of the output's versions (with and without links/changes), hence the assertion.
 */
export const aReportsOutput = (overrides: Record<string, unknown> = {}): BuildReportsOutput =>
  ({
    bucket: 'test-bucket',
    prefix: PREFIX,
    keys: {
      workbook: WORKBOOK_KEY,
      csv: `${PREFIX}config-noncompliant-resources_2026-11-02_to_2026-11-08.csv`,
      summaryJson: `${PREFIX}summary.json`,
      summaryHtml: `${PREFIX}summary.html`,
      history: 'history/2026-11-08.json',
    },
    totals: {
      accounts: 3,
      scanned: 2,
      failed: 1,
      compliant: 140,
      nonCompliant: 60,
      score: 0.7,
      configDisabledRegions: 0,
    },
    changes: { previousRunId: 'run-0', previousEndDate: '2026-11-01', scoreChange: -0.025, new: 12, resolved: 4 },
    links: {
      workbook: 'https://test-bucket.s3.amazonaws.com/workbook.xlsx?X-Amz-Signature=abc',
      summaryHtml: 'https://test-bucket.s3.amazonaws.com/summary.html?X-Amz-Signature=def',
      expiresAt: '2026-11-16T01:00:00.000Z',
    },
    failedAccounts: [
      { accountId: '333333333333', accountName: 'legacy', phase: 'assume-role', error: 'AccessDenied on AssumeRole' },
    ],
    failedAccountCount: 1,
    ...overrides,
  }) as BuildReportsOutput;

/** summary.json of the same run: two scanned accounts, one failed, three rules. */
export const aSummary = (): NotifySummary => ({
  accounts: [
    acct('111111111111', 'prod <payments>', 10, 40, 0.2),
    acct('222222222222', 'staging', 130, 20, 0.866),
    { ...acct('333333333333', 'legacy', 0, 0, null), status: 'failed', errors: ['AccessDenied'] },
  ],
  rules: [
    {
      rule: 's3-bucket-public-read-prohibited',
      compliant: 50,
      nonCompliant: 35,
      accountsWithViolations: 2,
      accountsEvaluated: 2,
    },
    { rule: 'iam-user-mfa-enabled', compliant: 60, nonCompliant: 25, accountsWithViolations: 1, accountsEvaluated: 2 },
    { rule: 'cloudtrail-enabled', compliant: 30, nonCompliant: 0, accountsWithViolations: 0, accountsEvaluated: 2 },
  ],
});

const acct = (
  accountId: string,
  accountName: string,
  compliant: number,
  nonCompliant: number,
  score: number | null,
) => ({
  accountId,
  accountName,
  status: 'ok' as const,
  compliant,
  nonCompliant,
  score,
  configDisabledRegions: [],
  errors: [],
});

/** A ChatNotifier that keeps every message. */
export class RecordingNotifier implements ChatNotifier {
  readonly messages: ChatMessage[] = [];
  async post(message: ChatMessage): Promise<PostedMessage> {
    this.messages.push(message);
    return { channel: 'C0SANDBOX', ts: `1700000000.00000${this.messages.length}` };
  }
}

/** A TicketTracker in memory: issues with labels and attachment names. */
export class InMemoryTicketTracker implements TicketTracker {
  readonly created: NewTicket[] = [];
  readonly attachments: { key: string; fileName: string; size: number }[] = [];
  private readonly tickets: (Ticket & { labels: string[] })[] = [];

  async findByLabel(label: string): Promise<Ticket | undefined> {
    const found = this.tickets.find((t) => t.labels.includes(label));
    return found && { key: found.key, url: found.url, attachmentNames: [...found.attachmentNames] };
  }
  async create(ticket: NewTicket): Promise<Ticket> {
    this.created.push(ticket);
    const key = `SEC-${this.created.length}`;
    this.tickets.push({ key, url: `https://jira.example/browse/${key}`, attachmentNames: [], labels: ticket.labels });
    return { key, url: `https://jira.example/browse/${key}`, attachmentNames: [] };
  }
  async attach(key: string, fileName: string, bytes: Uint8Array): Promise<void> {
    this.attachments.push({ key, fileName, size: bytes.length });
    this.tickets.find((t) => t.key === key)?.attachmentNames.push(fileName);
  }
}
