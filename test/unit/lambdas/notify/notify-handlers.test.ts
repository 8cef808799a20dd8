import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { slackMarkerKey } from '../../../../core/notify/slack/post-slack-summary.service';
import { loadEnv } from '../../../../core/platform/env';
import { StaticSecretSource } from '../../../../core/platform/secrets/static-secret-source';
import { createNotifyDeps, type NotifyDeps } from '../../../../lambdas/_shared/notify-deps';
import { createPlatform } from '../../../../lambdas/_shared/platform';
import { buildCreateJiraTicketHandler } from '../../../../lambdas/create-jira-ticket/handler';
import { buildNotifyFailureHandler } from '../../../../lambdas/notify-failure/handler';
import { buildPostToSlackHandler } from '../../../../lambdas/post-to-slack/handler';
import { type NotifySandbox, startNotifySandbox } from '../../../../sandbox/notify-sandbox';
import { aRun } from '../../../helpers/builders/run.builder';
import { FixedClock } from '../../../helpers/fakes/fixed-clock';
import { InMemoryObjectStore } from '../../../helpers/fakes/in-memory-object-store';
import { aReportsOutput, aSummary, EXECUTION_ARN, WORKBOOK_KEY } from '../../core/notify/notify-fixtures';

const context = {
  functionName: 'post-to-slack',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:post-to-slack',
  memoryLimitInMB: '256',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

/** Sends every console line into `lines` (Powertools' dev mode writes its JSON through the global console). */
const captureConsole = (lines: string[]) => {
  for (const method of ['info', 'warn', 'error', 'debug', 'log'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  }
};

/** A Powertools logger at DEBUG writing JSON lines through the console. */
const consoleLogger = () => {
  process.env.POWERTOOLS_DEV = 'true';
  const logger = new Logger({ serviceName: 'aws-config-compliance', logLevel: 'DEBUG' });
  delete process.env.POWERTOOLS_DEV;
  return logger;
};

/** The `level` of each captured JSON line. */
const levels = (lines: string[]): unknown[] => lines.map((l) => (JSON.parse(l) as { level: unknown }).level);

/** The platform settings of the notify functions (one SDK attempt: nothing here calls AWS). */
const PLATFORM_ENV = { POWERTOOLS_SERVICE_NAME: 'aws-config-compliance', AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: 1 };

const SLACK = 'compliance-report/slack';
const JIRA = 'compliance-report/jira';

describe('notify handlers over the notify sandbox', () => {
  let sandbox: NotifySandbox;
  let store: InMemoryObjectStore;
  let lines: string[];
  let waits: number[];

  /** `env` overrides the notify settings; an `undefined` value leaves the variable unset. */
  const deps = (
    env: Record<string, string | undefined> = {},
    slackSecret = sandbox.secrets.slackWebhook,
  ): NotifyDeps => {
    const platform = createPlatform(PLATFORM_ENV, {
      logger: consoleLogger(),
      clock: new FixedClock(),
      secrets: new StaticSecretSource({ [SLACK]: slackSecret, [JIRA]: sandbox.secrets.jira }),
      sleep: async (ms) => void waits.push(ms),
    });
    return createNotifyDeps(
      { ...platform, store, env: { AWS_REGION: 'us-east-1' } },
      loadEnv({
        REPORT_BUCKET: 'reports',
        MEMBER_ROLE_NAME: 'Reader',
        MEMBER_EXTERNAL_ID: 'ext',
        REGIONS: 'us-east-1',
        SLACK_SECRET_NAME: SLACK,
        SLACK_API_BASE_URL: sandbox.slack.apiBaseUrl,
        JIRA_SECRET_NAME: JIRA,
        JIRA_PROJECT_KEY: sandbox.jira.projectKey,
        ...env,
      }),
    );
  };
  const payload = (notify = true) => ({
    run: aRun({ notify }),
    reports: aReportsOutput(),
    execution: { id: EXECUTION_ARN, name: 'run-1' },
  });
  const secretsIn = (text: string) =>
    [
      sandbox.slack.webhookUrl,
      'XXXXSANDBOXWEBHOOKSECRET',
      sandbox.slack.botToken,
      sandbox.jira.apiToken,
      Buffer.from(`${sandbox.jira.email}:${sandbox.jira.apiToken}`).toString('base64'),
    ].filter((secret) => text.includes(secret));

  beforeEach(async () => {
    sandbox = await startNotifySandbox();
    store = new InMemoryObjectStore();
    waits = [];
    lines = [];
    captureConsole(lines);
    await store.put(
      aReportsOutput().keys.summaryJson,
      JSON.stringify({
        schemaVersion: 1,
        runId: 'run-1',
        startDate: '2026-11-02',
        endDate: '2026-11-08',
        generatedAt: '2026-11-09T01:00:00.000Z',
        totals: aReportsOutput().totals,
        failedAccounts: [],
        ...aSummary(),
      }),
      'application/json',
    );
    await store.put(
      WORKBOOK_KEY,
      new Uint8Array([80, 75, 3, 4, 9, 9, 9]),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await sandbox.stop();
  });

  describe('buildPostToSlackHandler', () => {
    it('posts the summary once and skips the rerun of the same run', async () => {
      // Arrange
      const handler = buildPostToSlackHandler(deps());

      // Act
      const first = await handler(payload(), context);
      const rerun = await handler(payload(), context);

      // Assert
      expect(first).toEqual({ status: 'posted' });
      expect(rerun).toEqual({ status: 'skipped', reason: 'already posted' });
      expect(sandbox.slack.received).toHaveLength(1);
      expect(sandbox.slack.received[0]?.text).toBe(
        'Compliance report 2026-11-02 to 2026-11-08: 2 of 3 accounts scanned, 1 failed, 60 non-compliant resources, score 70.0 %',
      );
      expect(store.text(slackMarkerKey('run-1'))).toContain('"runId":"run-1"');
    });

    it('posts through chat.postMessage with a bot token secret', async () => {
      // Arrange
      const handler = buildPostToSlackHandler(deps({}, sandbox.secrets.slackBot));

      // Act
      const result = await handler(payload(), context);

      // Assert
      expect(result).toEqual({ status: 'posted', channel: '#compliance-reports', ts: expect.any(String) });
      expect(sandbox.slack.received[0]).toMatchObject({ via: 'api', channel: '#compliance-reports' });
    });

    it('skips when the run says notify: false and reports not-configured without a Slack secret name', async () => {
      // Act
      const off = await buildPostToSlackHandler(deps())(payload(false), context);
      const unset = await buildPostToSlackHandler(deps({ SLACK_SECRET_NAME: undefined }))(payload(), context);

      // Assert
      expect(off).toEqual({ status: 'skipped', reason: 'notify is false' });
      expect(unset).toEqual({ status: 'not-configured' });
      expect(sandbox.slack.requests).toHaveLength(0);
    });
  });

  describe('buildCreateJiraTicketHandler', () => {
    it('creates one ticket with the workbook attached and reuses it on a rerun', async () => {
      // Arrange
      const handler = buildCreateJiraTicketHandler(deps());

      // Act
      const first = await handler(payload(), context);
      const rerun = await handler(payload(), context);

      // Assert
      const url = `${sandbox.jira.baseUrl}/browse/SEC-1`;
      expect(first).toEqual({ status: 'posted', key: 'SEC-1', url, attached: true });
      expect(rerun).toEqual({ status: 'skipped', reason: 'ticket exists', key: 'SEC-1', url, attached: false });
      expect(sandbox.jira.issues).toHaveLength(1);
      expect(sandbox.jira.issues[0]?.fields.labels).toEqual(['compliance-report', 'compliance-run-run-1']);
      expect(sandbox.jira.issues[0]?.attachments.map((a) => a.filename)).toEqual([
        'compliance-report_2026-11-02_to_2026-11-08.xlsx',
      ]);
      const uploads = sandbox.jira.requests.filter((r) => r.path.endsWith('/attachments'));
      expect(uploads).toEqual([expect.objectContaining({ status: 200, atlassianToken: 'no-check' })]);
    });

    it('throws ExternalServiceError during a Jira outage while the Slack post goes through', async () => {
      // Arrange
      sandbox.jira.faults.outage = true;
      const notifyDeps = deps();

      // Act
      const jira = buildCreateJiraTicketHandler(notifyDeps)(payload(), context);
      const slack = await buildPostToSlackHandler(notifyDeps)(payload(), context);

      // Assert
      await expect(jira).rejects.toMatchObject({ name: 'ExternalServiceError', retryable: true });
      expect(slack).toEqual({ status: 'posted' });
      expect(sandbox.slack.received).toHaveLength(1);
      expect(levels(lines).filter((level) => level === 'ERROR')).toHaveLength(1);
    });
  });

  describe('buildNotifyFailureHandler', () => {
    it('posts which state failed, the error and the cause of a run with zero accounts', async () => {
      // Arrange
      const handler = buildNotifyFailureHandler(deps());
      const cause = JSON.stringify({
        errorType: 'NoAccountsFound',
        errorMessage: 'no account to scan in the organization after filters; check include/exclude accounts',
        trace: ['NoAccountsFoundError: …'],
      });

      // Act
      const result = await handler(
        {
          run: aRun({ notify: true }),
          error: { Error: 'NoAccountsFound', Cause: cause },
          failedState: 'List accounts',
          execution: { id: EXECUTION_ARN, name: 'run-1' },
        },
        context,
      );

      // Assert
      expect(result).toEqual({ status: 'posted' });
      const [message] = sandbox.slack.received;
      expect(message?.text).toBe(
        'Compliance report run run-1 failed in List accounts: NoAccountsFound (2026-11-02 to 2026-11-08)',
      );
      expect(JSON.stringify(message?.blocks)).toContain(
        '```no account to scan in the organization after filters; check include/exclude accounts```',
      );
    });

    it('posts a failure of Resolve run, which has no run yet', async () => {
      // Act
      const result = await buildNotifyFailureHandler(deps())(
        {
          error: { Error: 'InvalidInput', Cause: 'endDate before startDate' },
          failedState: 'Resolve run',
          execution: { id: EXECUTION_ARN, name: 'run-1' },
        },
        context,
      );

      // Assert
      expect(result).toEqual({ status: 'posted' });
      expect(sandbox.slack.received[0]?.text).toBe('Compliance report run run-1 failed in Resolve run: InvalidInput');
    });
  });

  it('never writes a secret in any log line, errors and retries included', async () => {
    // Arrange
    sandbox.slack.faults.failNext(1, { status: 429, retryAfterSeconds: 2 });
    sandbox.jira.faults.failNext(1, { status: 503 });
    const notifyDeps = deps();

    // Act
    await buildPostToSlackHandler(notifyDeps)(payload(), context);
    await buildCreateJiraTicketHandler(notifyDeps)(payload(), context);
    sandbox.jira.faults.outage = true;
    await buildCreateJiraTicketHandler(notifyDeps)(
      { ...payload(), run: aRun({ runId: 'run-2', notify: true }) },
      context,
    ).catch(() => undefined);
    await buildPostToSlackHandler(deps({}, JSON.stringify({ botToken: 'xoxb-bad', channel: '#c' })))(
      { ...payload(), run: aRun({ runId: 'run-3', notify: true }) },
      context,
    ).catch(() => undefined);

    // Assert
    expect(waits).toContain(2000);
    expect(lines.some((l) => l.includes('retrying a remote call'))).toBe(true);
    expect(levels(lines).filter((level) => level === 'ERROR')).toHaveLength(2);
    expect(lines.length).toBeGreaterThan(5);
    expect(secretsIn(lines.join('\n'))).toEqual([]);
    expect(lines.join('\n')).not.toContain('xoxb-bad');
  });
});
