import { ConfigError, ValidationError } from '../../../../../core/shared/errors';
import type { Sandbox } from '../../../../../sandbox';
import { apiFor, collect, FakeClock, startLaceworkSandbox } from './lacework-sandbox';

const ISO_FRAMEWORK = 'AWS ISO 27001:2013';
const WEEK = { start: new Date('2026-11-16T00:00:00.000Z'), end: new Date('2026-11-22T23:59:59.999Z') };

describe('LaceworkHttpApi', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startLaceworkSandbox();
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  beforeEach(() => {
    sandbox.stats.reset();
  });

  describe('listAwsCloudAccounts', () => {
    it('returns the AwsCfg integrations only', async () => {
      // Arrange
      const { api } = apiFor(sandbox);

      // Act
      const accounts = await api.listAwsCloudAccounts();

      // Assert
      expect(accounts.map((a) => a.intgGuid)).toEqual(['SANDBOX_CFG_1', 'SANDBOX_CFG_2']);
      expect(accounts[0]?.data?.awsAccountId).toBe('111111111111');
      expect(sandbox.stats.calls['lacework.CloudAccounts']).toBe(1);
    });
  });

  describe('listReportDefinitions', () => {
    it('returns the definitions with their sections', async () => {
      // Act
      const definitions = await apiFor(sandbox).api.listReportDefinitions();

      // Assert
      expect(definitions).toHaveLength(1);
      expect(definitions[0]?.reportDefinition.sections.flatMap((s) => s.policies)).toContain('lacework-global-999');
    });
  });

  describe('getPolicy', () => {
    it('returns the policy with the fields the API sends', async () => {
      // Act
      const policy = await apiFor(sandbox).api.getPolicy('lacework-global-34');

      // Assert
      expect(policy).toMatchObject({ policyId: 'lacework-global-34', severity: 'critical', evalFrequency: 'Daily' });
    });

    it('returns undefined for a policy that does not exist (404)', async () => {
      // Act
      const policy = await apiFor(sandbox).api.getPolicy('lacework-global-999');

      // Assert
      expect(policy).toBeUndefined();
      expect(sandbox.stats.errors['lacework.NotFound']).toBe(1);
    });
  });

  describe('getComplianceReport', () => {
    it('sends the report name form-encoded and returns the report object', async () => {
      // Arrange
      const urls: string[] = [];
      const { api } = apiFor(sandbox, {
        fetch: (input, init) => {
          urls.push(String(input));
          return fetch(input, init);
        },
      });

      // Act
      const report = await api.getComplianceReport('111111111111', ISO_FRAMEWORK);

      // Assert
      expect(report?.recommendations.map((r) => r.REC_ID)).toEqual([
        'lacework-global-34',
        'lacework-global-40',
        'AWS_CIS_3_10',
      ]);
      expect(report?.recommendations[1]?.RESOURCE_COUNT).toBe('3');
      expect(urls.at(-1)).toBe(
        `${sandbox.endpoints.lacework}/api/v2/Reports?format=json&primaryQueryId=111111111111&reportName=AWS+ISO+27001%3A2013`,
      );
    });

    it('returns undefined when the account has no report (empty data)', async () => {
      // Act
      const report = await apiFor(sandbox).api.getComplianceReport('222222222222', ISO_FRAMEWORK);

      // Assert
      expect(report).toBeUndefined();
    });
  });

  describe('listAlerts', () => {
    it('follows the absolute nextPage across three pages and yields every alert of the window', async () => {
      // Act
      const alerts = await collect(apiFor(sandbox).api.listAlerts(WEEK));

      // Assert
      expect(alerts.map((a) => a.alertId)).toEqual([900001, 900002, 900003, 900004, 900005, 900006, 900007]);
      expect(alerts.some((a) => 'entityMap' in a)).toBe(false);
      expect(sandbox.stats.calls['lacework.Alerts']).toBe(3);
    });

    it('throws ValidationError for a window over 7 days, before any call', async () => {
      // Arrange
      const window = { start: new Date('2026-11-01T00:00:00.000Z'), end: new Date('2026-11-09T00:00:00.000Z') };

      // Act
      const listing = collect(apiFor(sandbox).api.listAlerts(window));

      // Assert
      await expect(listing).rejects.toThrow(ValidationError);
      await expect(collect(apiFor(sandbox).api.listAlerts(window))).rejects.toThrow(
        /spans 8\.0 days; the API allows at most 7, so split the range into 7-day windows/,
      );
      expect(sandbox.stats.calls['lacework.Alerts']).toBeUndefined();
    });
  });

  describe('getAlertDetails', () => {
    it('returns the alert with its entityMap', async () => {
      // Act
      const alert = await apiFor(sandbox).api.getAlertDetails(900001);

      // Assert
      expect(alert?.entityMap?.Resource?.[0]?.KEY).toMatchObject({ account_id: '111111111111' });
    });

    it('returns undefined for an unknown alert', async () => {
      // Act
      const alert = await apiFor(sandbox).api.getAlertDetails(1);

      // Assert
      expect(alert).toBeUndefined();
    });
  });

  describe('token', () => {
    it('reuses one token for every call until it expires', async () => {
      // Arrange
      const { api } = apiFor(sandbox);

      // Act
      await api.listAwsCloudAccounts();
      await api.listReportDefinitions();
      await api.getPolicy('lacework-global-40');

      // Assert
      expect(sandbox.stats.calls['lacework.AccessTokens']).toBe(1);
    });

    it('sends Account-Name when the key names a sub-account', async () => {
      // Arrange
      const headers: Headers[] = [];
      const { api } = apiFor(sandbox, {
        key: { ...sandbox.lacework.key, subAccount: 'myco-dev' },
        fetch: (input, init) => {
          headers.push(new Headers(init?.headers));
          return fetch(input, init);
        },
      });

      // Act
      await api.listReportDefinitions();

      // Assert
      expect(headers.map((h) => h.get('account-name'))).toEqual(['myco-dev', 'myco-dev']);
      expect(headers[1]?.get('authorization')).toMatch(/^Bearer _[0-9a-f]+$/);
    });
  });

  describe('errors', () => {
    it('throws ConfigError naming the account and the key source when the key is refused', async () => {
      // Arrange
      const { api } = apiFor(sandbox, {
        key: { ...sandbox.lacework.key, account: 'https://myco.lacework.net', secret: '_wrong-secret-value' },
      });

      // Act
      const call = api.listAwsCloudAccounts();

      // Assert
      await expect(call).rejects.toThrow(ConfigError);
      await expect(call).rejects.toThrow(
        'lacework refused the API key for account myco (HTTP 401); check keyId/secret in secret compliance-report/lacework',
      );
    });
  });
});

describe('LaceworkHttpApi token renewal', () => {
  it('renews the token once the clock passes expiresAt', async () => {
    // Arrange
    const clock = new FakeClock();
    const sandbox = await startLaceworkSandbox({ serverClock: clock });
    const { api } = apiFor(sandbox, { clock });

    try {
      // Act
      await api.listReportDefinitions();
      clock.advance(3600);
      const definitions = await api.listReportDefinitions();

      // Assert
      expect(definitions).toHaveLength(1);
      expect(sandbox.stats.calls['lacework.AccessTokens']).toBe(2);
      expect(sandbox.stats.errors['lacework.Unauthorized']).toBeUndefined();
    } finally {
      await sandbox.stop();
    }
  });

  it('renews once when the server refuses a cached token, then succeeds', async () => {
    // Arrange
    const serverClock = new FakeClock();
    const sandbox = await startLaceworkSandbox({ serverClock, overrides: { tokenTtlSeconds: 600 } });
    const { api } = apiFor(sandbox, { clock: new FakeClock() });

    try {
      // Act
      await api.listReportDefinitions();
      serverClock.advance(601);
      const definitions = await api.listReportDefinitions();

      // Assert
      expect(definitions).toHaveLength(1);
      expect(sandbox.stats.calls['lacework.AccessTokens']).toBe(2);
      expect(sandbox.stats.errors['lacework.Unauthorized']).toBe(1);
    } finally {
      await sandbox.stop();
    }
  });
});
