import { JiraCloudTicketTracker } from '../../../../../../core/notify/jira/adapters/jira-cloud-ticket-tracker';
import type { NewTicket } from '../../../../../../core/notify/ticket-tracker.port';
import type { HttpCaller } from '../../../../../../core/platform/http/http-transport';
import { type NotifySandbox, startNotifySandbox } from '../../../../../../sandbox/notify-sandbox';

const TICKET: NewTicket = {
  summary: 'AWS Config compliance report 2026-11-02 to 2026-11-08',
  labels: ['compliance-report', 'compliance-run-run-1'],
  description: {
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Weekly report' }] }],
  },
};

describe('JiraCloudTicketTracker over the sandbox', () => {
  let sandbox: NotifySandbox;
  let waits: number[];
  const http: HttpCaller = {
    fetch: (input, init) => fetch(input, init),
    sleep: async (ms) => {
      waits.push(ms);
    },
    service: 'jira',
  };
  const tracker = (overrides: { apiToken?: string } = {}) =>
    new JiraCloudTicketTracker({
      baseUrl: sandbox.jira.baseUrl,
      email: sandbox.jira.email,
      apiToken: overrides.apiToken ?? sandbox.jira.apiToken,
      projectKey: sandbox.jira.projectKey,
      issueType: 'Task',
      http,
    });

  beforeEach(async () => {
    sandbox = await startNotifySandbox();
    waits = [];
  });
  afterEach(async () => {
    await sandbox.stop();
  });

  it('creates an issue with project, issue type, summary, labels and ADF description', async () => {
    // Act
    const ticket = await tracker().create(TICKET);

    // Assert
    expect(ticket).toEqual({ key: 'SEC-1', url: `${sandbox.jira.baseUrl}/browse/SEC-1`, attachmentNames: [] });
    expect(sandbox.jira.issues[0]?.fields).toEqual({
      project: 'SEC',
      issuetype: 'Task',
      summary: TICKET.summary,
      labels: TICKET.labels,
      description: TICKET.description,
    });
  });

  it('finds an issue by label through /rest/api/3/search/jql, with its attachment names', async () => {
    // Arrange
    const jira = tracker();
    await jira.create(TICKET);
    await jira.attach('SEC-1', 'report.xlsx', new Uint8Array([1, 2, 3]));

    // Act
    const found = await jira.findByLabel('compliance-run-run-1');
    const missing = await jira.findByLabel('compliance-run-other');

    // Assert
    expect(found).toEqual({
      key: 'SEC-1',
      url: `${sandbox.jira.baseUrl}/browse/SEC-1`,
      attachmentNames: ['report.xlsx'],
    });
    expect(missing).toBeUndefined();
    expect(sandbox.jira.requests.filter((r) => r.path === '/rest/api/3/search/jql')).toHaveLength(2);
  });

  it('uploads an attachment as multipart with X-Atlassian-Token: no-check', async () => {
    // Arrange
    const jira = tracker();
    await jira.create(TICKET);
    const bytes = new Uint8Array([80, 75, 3, 4, 0, 255]);

    // Act
    await jira.attach('SEC-1', 'compliance-report.xlsx', bytes);

    // Assert
    const upload = sandbox.jira.requests.find((r) => r.path === '/rest/api/3/issue/SEC-1/attachments');
    expect(upload).toEqual({
      method: 'POST',
      path: '/rest/api/3/issue/SEC-1/attachments',
      status: 200,
      atlassianToken: 'no-check',
    });
    expect(sandbox.jira.issues[0]?.attachments[0]).toMatchObject({ filename: 'compliance-report.xlsx', size: 6 });
    expect([...(sandbox.jira.issues[0]?.attachments[0]?.bytes ?? [])]).toEqual([...bytes]);
  });

  it('throws a retryable ExternalServiceError when Jira is down', async () => {
    // Arrange
    sandbox.jira.faults.outage = true;

    // Act
    const outcome = tracker().findByLabel('compliance-run-run-1');

    // Assert
    await expect(outcome).rejects.toMatchObject({
      name: 'ExternalServiceError',
      retryable: true,
      message: 'jira issue search failed after 4 attempts (HTTP 503); the workflow retries later',
    });
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('throws ConfigError on bad credentials without the token or the Authorization value', async () => {
    // Arrange
    const wrong = 'ATATT-wrong-SECRETWRONG';

    // Act
    const error = await tracker({ apiToken: wrong })
      .create(TICKET)
      .catch((e: Error) => e);

    // Assert
    expect(error).toMatchObject({ name: 'ConfigError' });
    const text = `${(error as Error).message}${(error as Error).stack}`;
    expect(text).not.toContain('SECRETWRONG');
    expect(text).not.toContain(Buffer.from(`${sandbox.jira.email}:${wrong}`).toString('base64'));
  });

  it('reports the fields Jira refuses', async () => {
    // Act
    const outcome = tracker().create({ ...TICKET, labels: ['has space'] });

    // Assert
    await expect(outcome).rejects.toMatchObject({
      name: 'ExternalServiceError',
      retryable: false,
      message: 'jira issue create refused (HTTP 400: labels: Labels cannot contain spaces.)',
    });
  });
});
