import { AccountPartialSchema } from '../../../../core/domain/partial.schema';
import { type ScanAccountDeps, scanAccount } from '../../../../core/scan/scan-account.service';
import { ConfigError, ThrottledError } from '../../../../core/shared/errors';
import { FixedClock } from '../../../helpers/fakes/fixed-clock';
import { InMemoryComplianceSources } from '../../../helpers/fakes/in-memory-compliance-source';
import { InMemoryLaceworkApi } from '../../../helpers/fakes/in-memory-lacework-api';
import { InMemoryMemberAccess } from '../../../helpers/fakes/in-memory-member-access';
import { InMemoryObjectStore } from '../../../helpers/fakes/in-memory-object-store';
import { RecordingLog } from '../../../helpers/fakes/recording-log';

const ACCOUNT = '111111111111';
const ISO = 'AWS ISO 27001:2013';
const CIS = 'CIS 1.4';
const input = { accountId: ACCOUNT, runId: 'r1', regions: ['us-east-1'], frameworks: [ISO, CIS] };

const report = {
  reportTitle: ISO,
  recommendations: [
    {
      REC_ID: 'lacework-global-34',
      STATUS: 'NonCompliant',
      ASSESSED_RESOURCE_COUNT: 3,
      RESOURCE_COUNT: '2',
      TITLE: 'x',
    },
    { REC_ID: 'lacework-global-40', STATUS: 'Compliant', ASSESSED_RESOURCE_COUNT: 5, RESOURCE_COUNT: 0 },
  ],
};

const setup = (lacework?: ScanAccountDeps['lacework'], denied: Record<string, string> = {}) => {
  const store = new InMemoryObjectStore('reports');
  const deps: ScanAccountDeps = {
    access: new InMemoryMemberAccess(denied),
    complianceSourceFor: new InMemoryComplianceSources({ [ACCOUNT]: { 'us-east-1': { rules: [] } } }).factory,
    store,
    clock: new FixedClock('2026-11-09T01:00:00.000Z'),
    log: new RecordingLog(),
    regionConcurrency: 1,
    ruleConcurrency: 1,
    lacework,
  };
  const partial = () => AccountPartialSchema.parse(JSON.parse(store.text(`runs/r1/partials/${ACCOUNT}.json`)));
  return { deps, partial };
};

describe('scanAccount', () => {
  describe('Lacework frameworks', () => {
    it('records each framework report of the account, keeping the raw counts, and no-report when there is none', async () => {
      // Arrange
      const api = new InMemoryLaceworkApi({ reports: { [ACCOUNT]: { [ISO]: report } } });
      const { deps, partial } = setup(async () => api);

      // Act
      const summary = await scanAccount(input, deps);

      // Assert
      expect(summary.status).toBe('ok');
      expect(partial().lacework).toEqual({
        frameworks: [
          {
            reportName: ISO,
            status: 'ok',
            recommendations: [
              { REC_ID: 'lacework-global-34', STATUS: 'NonCompliant', ASSESSED_RESOURCE_COUNT: 3, RESOURCE_COUNT: '2' },
              { REC_ID: 'lacework-global-40', STATUS: 'Compliant', ASSESSED_RESOURCE_COUNT: 5, RESOURCE_COUNT: 0 },
            ],
          },
          { reportName: CIS, status: 'no-report', recommendations: [] },
        ],
      });
    });

    it('records a throttled Lacework report as a lacework error and still writes the Config scan', async () => {
      // Arrange
      const api = new InMemoryLaceworkApi().failWith(
        'getComplianceReport',
        new ThrottledError('lacework answered 429 five times', { service: 'lacework' }),
      );
      const { deps, partial } = setup(async () => api);

      // Act
      const summary = await scanAccount(input, deps);

      // Assert
      expect(summary.status).toBe('partial');
      expect(partial().regions).toHaveLength(1);
      expect(partial().errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ phase: 'lacework', code: 'ThrottledError' })]),
      );
    });

    it('fails every framework with the reason when the Lacework key cannot be read', async () => {
      // Arrange
      const { deps, partial } = setup(async () => {
        throw new ConfigError('secret compliance/lacework is not set');
      });

      // Act
      await scanAccount(input, deps);

      // Assert
      expect(partial().lacework?.frameworks).toEqual([
        expect.objectContaining({ reportName: ISO, status: 'error', error: expect.stringMatching(/is not set/) }),
        expect.objectContaining({ reportName: CIS, status: 'error' }),
      ]);
    });

    it('fetches Lacework even when the member role cannot be assumed', async () => {
      // Arrange
      const api = new InMemoryLaceworkApi({ reports: { [ACCOUNT]: { [ISO]: report } } });
      const { deps, partial } = setup(async () => api, { [ACCOUNT]: 'AccessDenied' });

      // Act: the refusal is thrown after the partial is written (it fails the account's child execution)
      const refused = await scanAccount(input, deps).then(
        () => undefined,
        (e: unknown) => e as Error,
      );

      // Assert
      expect(refused?.name).toBe('MemberRoleNotAssumable');
      expect(partial().status).toBe('failed');
      expect(partial().lacework?.frameworks[0]).toMatchObject({ reportName: ISO, status: 'ok' });
    });

    it('leaves the lacework section out when no framework is asked for or Lacework is not configured', async () => {
      // Arrange
      const api = new InMemoryLaceworkApi({ reports: { [ACCOUNT]: { [ISO]: report } } });
      const withoutFrameworks = setup(async () => api);
      const notConfigured = setup(async () => undefined);

      // Act
      await scanAccount({ ...input, frameworks: [] }, withoutFrameworks.deps);
      await scanAccount(input, notConfigured.deps);

      // Assert
      expect(withoutFrameworks.partial().lacework).toBeUndefined();
      expect(notConfigured.partial().lacework).toBeUndefined();
      expect(api.calls.getComplianceReport).toBe(0);
    });
  });
});
