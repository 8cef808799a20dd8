import { loadEnv } from '../../../../core/platform/env';
import { StaticSecretSource } from '../../../../core/platform/secrets/static-secret-source';
import { silentLog } from '../../../../core/shared/log.port';
import { createLogger } from '../../../../lambdas/_shared/logger';
import { createNotifyDeps } from '../../../../lambdas/_shared/notify-deps';
import { createPlatform } from '../../../../lambdas/_shared/platform';
import { FixedClock } from '../../../helpers/fakes/fixed-clock';
import { InMemoryObjectStore } from '../../../helpers/fakes/in-memory-object-store';

const base = (secrets: Record<string, string>) => ({
  ...createPlatform(
    { POWERTOOLS_SERVICE_NAME: 'aws-config-compliance', AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: 1 },
    {
      logger: createLogger('aws-config-compliance', 'SILENT'),
      clock: new FixedClock(),
      secrets: new StaticSecretSource(secrets),
    },
  ),
  log: silentLog,
  store: new InMemoryObjectStore(),
  env: { AWS_REGION: 'us-east-1' },
});

/** The Lambda environment with the required non-notify values, plus the notify ones under test. */
const loadNotifyEnv = (values: Record<string, string>) =>
  loadEnv({
    REPORT_BUCKET: 'reports',
    MEMBER_ROLE_NAME: 'Reader',
    MEMBER_EXTERNAL_ID: 'ext',
    REGIONS: 'us-east-1',
    ...values,
  });

describe('the notify environment', () => {
  it('defaults the Slack API base and the issue type, and leaves unnamed secrets unset', () => {
    expect(loadNotifyEnv({})).toMatchObject({ SLACK_API_BASE_URL: 'https://slack.com/api', JIRA_ISSUE_TYPE: 'Task' });
    expect(loadNotifyEnv({}).SLACK_SECRET_NAME).toBeUndefined();
  });

  it('throws ConfigError when a Jira secret is named without a project key', () => {
    expect(() => loadNotifyEnv({ JIRA_SECRET_NAME: 'jira' })).toThrow(
      /JIRA_PROJECT_KEY is required when JIRA_SECRET_NAME is set/,
    );
  });
});

describe('createNotifyDeps', () => {
  it('leaves Slack and Jira out when no secret is named', () => {
    // Act
    const deps = createNotifyDeps(base({}), loadNotifyEnv({}));

    // Assert
    expect(deps.chat).toBeUndefined();
    expect(deps.tickets).toBeUndefined();
    expect(deps.region).toBe('us-east-1');
  });

  it('rejects a malformed Slack secret naming its keys but never its value', async () => {
    // Arrange
    const value = JSON.stringify({ webhook: 'https://hooks.slack.com/services/T/B/SECRETPART' });
    const deps = createNotifyDeps(base({ slack: value }), loadNotifyEnv({ SLACK_SECRET_NAME: 'slack' }));

    // Act
    const error = await deps.chat?.().catch((e: Error) => e);

    // Assert
    expect(error).toMatchObject({ name: 'ConfigError' });
    expect((error as Error).message).toContain('secret slack has the wrong shape (keys found: webhook');
    expect((error as Error).message).not.toContain('SECRETPART');
  });

  it('rejects a Jira secret that is not JSON without quoting it', async () => {
    // Arrange
    const deps = createNotifyDeps(
      base({ jira: 'ATATT-SECRETTOKEN' }),
      loadNotifyEnv({ JIRA_SECRET_NAME: 'jira', JIRA_PROJECT_KEY: 'SEC' }),
    );

    // Act
    const error = await deps.tickets?.().catch((e: Error) => e);

    // Assert
    expect(error).toMatchObject({ name: 'ConfigError' });
    expect((error as Error).message).toMatch(/^secret jira is not JSON; store/);
    expect((error as Error).message).not.toContain('SECRETTOKEN');
  });
});
