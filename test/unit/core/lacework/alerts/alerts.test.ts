import type { LaceworkAlertDetails, LaceworkReportDefinition } from '../../../../../core/domain/lacework.schema';
import { fetchComplianceAlerts } from '../../../../../core/lacework/alerts/alerts';
import { createPolicyCatalog } from '../../../../../core/lacework/frameworks/policy-catalog';
import { ExternalServiceError } from '../../../../../core/shared/errors';
import fixture from '../../../../fixtures/lacework/domain/alert.compliance-details.json';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';
import { InMemoryLaceworkApi } from '../../../../helpers/fakes/in-memory-lacework-api';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';

const RANGE = { startDate: '2026-11-02', endDate: '2026-11-08' };
const alertOf = (alertId: number, over: Partial<LaceworkAlertDetails> = {}): LaceworkAlertDetails => ({
  ...(fixture as LaceworkAlertDetails),
  alertId,
  ...over,
});
const subCategory = (sub_category: string) => ({ derivedFields: { category: 'Policy', sub_category } });
const ISO: LaceworkReportDefinition = {
  reportDefinitionGuid: 'g1',
  reportName: 'AWS ISO 27001:2013',
  reportDefinition: { sections: [{ policies: ['lacework-global-45'] }] },
};
const POLICY = {
  policyId: 'lacework-global-45',
  title: 'S3 buckets are encrypted',
  description: 'Encrypt buckets',
  remediation: 'Turn on SSE',
  severity: 'high',
  enabled: true,
  policyType: 'Compliance',
};

const setup = (alerts: LaceworkAlertDetails[]) => {
  const api = new InMemoryLaceworkApi({ alerts, policies: [POLICY], definitions: [ISO] });
  const store = new InMemoryObjectStore();
  const catalog = createPolicyCatalog({ api, store, clock: new FixedClock() });
  const log = new RecordingLog();
  return { api, catalog, log, run: (over = {}) => fetchComplianceAlerts({ api, catalog, log, range: RANGE, ...over }) };
};

describe('fetchComplianceAlerts', () => {
  it('maps and enriches a compliance alert', async () => {
    // Arrange
    const { run } = setup([alertOf(1)]);

    // Act
    const result = await run();

    // Assert
    expect(result.fileName).toBe('lacework_alerts_2026-11-02_to_2026-11-08.csv');
    expect(result.rows).toEqual([
      {
        policyId: 'lacework-global-45',
        policyTitle: 'S3 buckets are encrypted',
        description: 'Encrypt buckets',
        remediationSteps: 'Turn on SSE',
        severity: 'High',
        resource:
          'arn:aws:s3:::prod-logs (Account: 111111111111, Alias: prod)\narn:aws:s3:::shared-assets (Account: 222222222222)',
        region: 'us-east-1\neu-west-1',
        account: '111111111111 (prod)\n222222222222',
        dateTime: '2026-11-03T08:00:00.000Z',
        alertId: 1,
      },
    ]);
    expect(result.errors).toEqual([]);
  });

  it('asks for 3 windows over a 20-day range and de-duplicates by alert id', async () => {
    // Arrange
    const { api, run } = setup([
      alertOf(1, { startTime: '2026-10-30T01:00:00.000Z' }),
      alertOf(1, { startTime: '2026-10-30T01:00:00.000Z' }),
      alertOf(2, { startTime: '2026-11-18T23:00:00.000Z' }),
      alertOf(3, { startTime: '2026-11-19T00:00:00.000Z' }),
    ]);

    // Act
    const result = await run({ range: { startDate: '2026-10-30', endDate: '2026-11-18' } });

    // Assert
    expect(api.windows).toHaveLength(3);
    expect(result.rows.map((r) => r.alertId)).toEqual([1, 2]);
    expect(result.stats).toEqual({ windows: 3, listed: 3, duplicates: 1, compliance: 2, kept: 2, detailsMissing: 0 });
  });

  it('keeps sub_category compliance in any case and drops the rest', async () => {
    // Arrange
    const { run } = setup([
      alertOf(1, subCategory('COMPLIANCE')),
      alertOf(2, subCategory('compliance')),
      alertOf(3, subCategory('Platform')),
      alertOf(4, { derivedFields: undefined }),
    ]);

    // Act
    const result = await run();

    // Assert
    expect(result.rows.map((r) => r.alertId)).toEqual([1, 2]);
  });

  it("keeps only the framework's policies with a report filter and suffixes the file name", async () => {
    // Arrange
    const { run } = setup([alertOf(1), alertOf(2, { policyId: 'lacework-global-99' })]);

    // Act
    const result = await run({ reportFilter: ' AWS ISO 27001:2013 ' });

    // Assert
    expect(result.rows.map((r) => r.alertId)).toEqual([1]);
    expect(result.fileName).toBe('lacework_alerts_2026-11-02_to_2026-11-08_AWS-ISO-27001-2013.csv');
    expect(result.errors).toEqual([]);
  });

  it('keeps every alert and records an error when the filter framework is unknown (fail-open)', async () => {
    // Arrange
    const { run } = setup([alertOf(1), alertOf(2, { policyId: 'lacework-global-99' })]);

    // Act
    const result = await run({ reportFilter: 'CIS' });

    // Assert
    expect(result.rows).toHaveLength(2);
    expect(result.fileName).toBe('lacework_alerts_2026-11-02_to_2026-11-08_CIS.csv');
    expect(result.errors).toEqual([
      'lacework alerts filter "CIS" not applied (every compliance alert kept): NotFoundError: Lacework framework "CIS" not found; available: AWS ISO 27001:2013',
    ]);
  });

  it('keeps every alert when the definitions cannot be fetched or the framework has no policies', async () => {
    // Arrange
    const failing = setup([alertOf(1)]);
    failing.api.failWith(
      'listReportDefinitions',
      new ExternalServiceError('lacework returned 500', { service: 'lacework', retryable: true }),
    );
    const empty = setup([alertOf(1)]);
    empty.api.definitions = [{ ...ISO, reportDefinition: { sections: [] } }];

    // Act
    const failed = await failing.run({ reportFilter: 'AWS ISO 27001:2013' });
    const none = await empty.run({ reportFilter: 'AWS ISO 27001:2013' });

    // Assert
    expect(failed.rows).toHaveLength(1);
    expect(failed.errors[0]).toContain('ExternalServiceError: lacework returned 500');
    expect(none.rows).toHaveLength(1);
    expect(none.errors[0]).toContain('it has no policies');
  });

  it('falls back to the list fields when the details call fails', async () => {
    // Arrange
    const { api, log, run } = setup([alertOf(1), alertOf(2)]);
    api.failWith(
      'getAlertDetails',
      new ExternalServiceError('timeout', { service: 'lacework', retryable: true }),
      (id) => id === 1,
    );

    // Act
    const result = await run();

    // Assert
    expect(result.rows.find((r) => r.alertId === 1)).toMatchObject({ resource: 'Unknown', region: 'Unknown' });
    expect(result.rows.find((r) => r.alertId === 2)?.region).toBe('us-east-1\neu-west-1');
    expect(result.stats.detailsMissing).toBe(1);
    expect(log.at('warn')).toHaveLength(1);
  });

  it('reads Unknown and N/A for a policy that is missing or fails, and reports the failure', async () => {
    // Arrange
    const { api, run } = setup([
      alertOf(1, { policyId: 'lacework-global-404' }),
      alertOf(2, { policyId: 'lacework-global-500' }),
      alertOf(3, { policyId: undefined }),
    ]);
    api.failWith(
      'getPolicy',
      new ExternalServiceError('boom', { service: 'lacework', retryable: false }),
      (id) => id === 'lacework-global-500',
    );

    // Act
    const result = await run();

    // Assert
    expect(result.rows.map((r) => [r.policyId, r.policyTitle, r.description, r.remediationSteps])).toEqual([
      ['lacework-global-404', 'Unknown', 'N/A', 'N/A'],
      ['lacework-global-500', 'Unknown', 'N/A', 'N/A'],
      ['Unknown', 'Unknown', 'N/A', 'N/A'],
    ]);
    expect(result.errors).toEqual([
      'lacework policy lacework-global-500 could not be fetched (its alerts read Unknown): ExternalServiceError: boom',
    ]);
    expect(api.calls.getPolicy).toBe(2);
  });

  it('sorts critical first, then by start time, then by alert id', async () => {
    // Arrange
    const { run } = setup([
      alertOf(5, { severity: 'Medium' }),
      alertOf(4, { severity: 'Critical', startTime: '2026-11-04T00:00:00.000Z' }),
      alertOf(3, { severity: 'Critical', startTime: '2026-11-03T00:00:00.000Z' }),
    ]);

    // Act
    const result = await run();

    // Assert
    expect(result.rows.map((r) => r.alertId)).toEqual([3, 4, 5]);
  });

  it('returns no rows when there are no compliance alerts', async () => {
    // Arrange
    const { run } = setup([]);

    // Act
    const result = await run();

    // Assert
    expect(result.rows).toEqual([]);
    expect(result.stats.windows).toBe(1);
  });

  it('throws when a window cannot be listed', async () => {
    // Arrange
    const { api, run } = setup([alertOf(1)]);
    api.failWith(
      'listAlerts',
      new ExternalServiceError('lacework unreachable', { service: 'lacework', retryable: true }),
    );

    // Act
    const result = run();

    // Assert
    await expect(result).rejects.toThrow('lacework unreachable');
  });
});
