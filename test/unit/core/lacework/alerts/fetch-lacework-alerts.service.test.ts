import type { LaceworkAlertDetails } from '../../../../../core/domain/lacework.schema';
import { LaceworkAlertsPartialSchema } from '../../../../../core/lacework/alerts/alerts-partial';
import { fetchLaceworkAlerts } from '../../../../../core/lacework/alerts/fetch-lacework-alerts.service';
import { ConfigError, ExternalServiceError } from '../../../../../core/shared/errors';
import { aRun } from '../../../../helpers/builders/run.builder';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';
import { InMemoryLaceworkApi } from '../../../../helpers/fakes/in-memory-lacework-api';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';

const run = aRun({ runId: 'r1', startDate: '2026-11-02', endDate: '2026-11-08' });

const alert = (alertId: number, startTime: string, subCategory = 'Compliance'): LaceworkAlertDetails => ({
  alertId,
  startTime,
  severity: 'High',
  policyId: 'lacework-global-34',
  derivedFields: { category: 'Policy', sub_category: subCategory, source: 'AWS' },
  entityMap: {
    Resource: [{ KEY: { resource: 'arn:aws:s3:::logs', account_id: '111111111111', resource_region: 'us-east-1' } }],
  },
});

const setup = (lacework: () => Promise<InMemoryLaceworkApi | undefined>) => {
  const store = new InMemoryObjectStore();
  const deps = { lacework, store, clock: new FixedClock('2026-11-09T01:00:00.000Z'), log: new RecordingLog() };
  return { store, deps: { ...deps, policyCacheTtlHours: 24 } };
};

describe('fetchLaceworkAlerts', () => {
  it('writes the compliance alerts of the range to the alerts partial and returns its key and count', async () => {
    // Arrange
    const api = new InMemoryLaceworkApi({
      policies: [{ policyId: 'lacework-global-34', title: 'Root access key', severity: 'critical' }],
      alerts: [
        alert(1, '2026-11-03T10:00:00.000Z'),
        alert(2, '2026-11-05T10:00:00.000Z', 'Platform'),
        alert(3, '2026-11-20T10:00:00.000Z'),
      ],
    });
    const { store, deps } = setup(async () => api);

    // Act
    const result = await fetchLaceworkAlerts(run, deps);

    // Assert
    expect(result).toEqual({ status: 'ok', key: 'runs/r1/partials/_alerts.json', count: 1, errors: [] });
    const partial = LaceworkAlertsPartialSchema.parse(JSON.parse(store.text('runs/r1/partials/_alerts.json')));
    expect(partial.rows).toEqual([
      expect.objectContaining({ alertId: 1, policyTitle: 'Root access key', region: 'us-east-1' }),
    ]);
    expect(partial.fileName).toBe('lacework_alerts_2026-11-02_to_2026-11-08.csv');
  });

  it('answers not-configured and writes nothing when Lacework has no key', async () => {
    // Arrange
    const { store, deps } = setup(async () => undefined);

    // Act
    const result = await fetchLaceworkAlerts(run, deps);

    // Assert
    expect(result).toEqual({ status: 'not-configured', count: 0, errors: [] });
    expect(store.objects.size).toBe(0);
  });

  it('returns failed with the reason, never the secret, when the key cannot be read', async () => {
    // Arrange
    const { deps } = setup(async () => {
      throw new ConfigError('lacework refused the API key for account myco (HTTP 401); check secret lw');
    });

    // Act
    const result = await fetchLaceworkAlerts(run, deps);

    // Assert
    expect(result).toEqual({
      status: 'failed',
      count: 0,
      errors: [expect.stringMatching(/^ConfigError: lacework refused/)],
    });
  });

  it('writes a failed partial when Lacework is unreachable, so the merger reports the reason', async () => {
    // Arrange
    const api = new InMemoryLaceworkApi().failWith(
      'listAlerts',
      new ExternalServiceError('lacework answered 503', { service: 'lacework', retryable: true }),
    );
    const { store, deps } = setup(async () => api);

    // Act
    const result = await fetchLaceworkAlerts(run, deps);

    // Assert
    expect(result).toMatchObject({ status: 'failed', count: 0, errors: [expect.stringMatching(/503/)] });
    expect(JSON.parse(store.text('runs/r1/partials/_alerts.json'))).toMatchObject({ status: 'failed' });
  });
});
