import { AccountPartialSchema } from '../../../../core/domain/partial.schema';
import { type ScanAccountDeps, scanAccount } from '../../../../core/scan/scan-account.service';
import { ExternalServiceError, MemberRoleNotAssumableError, ThrottledError } from '../../../../core/shared/errors';
import { FixedClock } from '../../../helpers/fakes/fixed-clock';
import {
  configNotEnabled,
  type FakeRegion,
  InMemoryComplianceSources,
  throttled,
} from '../../../helpers/fakes/in-memory-compliance-source';
import { InMemoryMemberAccess } from '../../../helpers/fakes/in-memory-member-access';
import { InMemoryObjectStore } from '../../../helpers/fakes/in-memory-object-store';
import { RecordingLog } from '../../../helpers/fakes/recording-log';

const ACCOUNT = '111111111111';
const input = { accountId: ACCOUNT, runId: 'r1', regions: ['us-east-1', 'eu-west-1'] };
const recorded = new Date('2026-11-05T10:00:00.000Z');

/** us-east-1: one rule of each kind; eu-west-1: one compliant rule. */
const seeded = (): Record<string, FakeRegion> => ({
  'us-east-1': {
    rules: [
      {
        ruleName: 's3-bucket-public-read-prohibited-conformance-pack-abc123',
        sourceIdentifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED',
        compliance: 'NON_COMPLIANT',
        evaluations: [
          {
            resourceType: 'AWS::S3::Bucket',
            resourceId: 'zeta',
            complianceType: 'NON_COMPLIANT',
            annotation: 'public',
          },
          {
            resourceType: 'AWS::S3::Bucket',
            resourceId: 'alpha',
            complianceType: 'NON_COMPLIANT',
            recordedTime: recorded,
          },
          { resourceType: 'AWS::S3::Bucket', resourceId: 'ok-1', complianceType: 'COMPLIANT' },
          { resourceType: 'AWS::S3::Bucket', resourceId: 'na', complianceType: 'NOT_APPLICABLE' },
        ],
      },
      {
        ruleName: 'ec2-ebs-encryption-by-default',
        compliance: 'COMPLIANT',
        evaluations: [
          { resourceType: 'AWS::::Account', resourceId: ACCOUNT, complianceType: 'COMPLIANT' },
          { resourceType: 'AWS::::Account', resourceId: 'x', complianceType: 'COMPLIANT' },
        ],
      },
      { ruleName: 'iam-password-policy', compliance: 'INSUFFICIENT_DATA' },
      { ruleName: 'access-keys-rotated' },
    ],
  },
  'eu-west-1': {
    rules: [
      {
        ruleName: 'securityhub-root-account-mfa-enabled-1a2b3c4d',
        compliance: 'COMPLIANT',
        evaluations: [{ resourceType: 'AWS::::Account', resourceId: ACCOUNT, complianceType: 'COMPLIANT' }],
      },
    ],
  },
});

const setup = (regions: Record<string, FakeRegion> = seeded(), denied: Record<string, string> = {}) => {
  const store = new InMemoryObjectStore('reports');
  const sources = new InMemoryComplianceSources({ [ACCOUNT]: regions });
  const access = new InMemoryMemberAccess(denied);
  const log = new RecordingLog();
  const deps: ScanAccountDeps = {
    access,
    complianceSourceFor: sources.factory,
    store,
    clock: new FixedClock('2026-11-09T01:00:00.000Z'),
    log,
    regionConcurrency: 2,
    ruleConcurrency: 2,
  };
  const partial = () => AccountPartialSchema.parse(JSON.parse(store.text(`runs/r1/partials/${ACCOUNT}.json`)));
  return { store, sources, access, log, deps, partial };
};

describe('scanAccount', () => {
  describe('scanAccount', () => {
    it('writes the partial and returns the counts', async () => {
      // Arrange
      const { deps, partial } = setup();

      // Act
      const summary = await scanAccount(input, deps);

      // Assert
      expect(summary).toEqual({
        accountId: ACCOUNT,
        status: 'ok',
        counts: { regions: 2, configDisabledRegions: 0, rules: 5, compliant: 4, nonCompliant: 2 },
        errors: [],
        partialKey: `runs/r1/partials/${ACCOUNT}.json`,
      });
      const written = partial();
      expect(written).toMatchObject({ schemaVersion: 1, runId: 'r1', accountId: ACCOUNT, status: 'ok', errors: [] });
      expect(written.regions.map((r) => [r.region, r.configStatus])).toEqual([
        ['us-east-1', 'enabled'],
        ['eu-west-1', 'enabled'],
      ]);
      expect(written.regions[0]?.rules).toEqual([
        {
          ruleName: 'access-keys-rotated',
          normalizedName: 'access-keys-rotated',
          compliance: 'NOT_EVALUATED',
          compliantCount: 0,
          nonCompliantCount: 0,
        },
        {
          ruleName: 'ec2-ebs-encryption-by-default',
          normalizedName: 'ec2-ebs-encryption-by-default',
          compliance: 'COMPLIANT',
          compliantCount: 2,
          nonCompliantCount: 0,
        },
        {
          ruleName: 'iam-password-policy',
          normalizedName: 'iam-password-policy',
          compliance: 'INSUFFICIENT_DATA',
          compliantCount: 0,
          nonCompliantCount: 0,
        },
        {
          ruleName: 's3-bucket-public-read-prohibited-conformance-pack-abc123',
          normalizedName: 's3-bucket-public-read-prohibited',
          sourceIdentifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED',
          compliance: 'NON_COMPLIANT',
          compliantCount: 1,
          nonCompliantCount: 2,
        },
      ]);
      expect(written.regions[0]?.nonCompliant).toEqual([
        {
          ruleName: 's3-bucket-public-read-prohibited-conformance-pack-abc123',
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'alpha',
          complianceType: 'NON_COMPLIANT',
          recordedTime: '2026-11-05T10:00:00.000Z',
        },
        {
          ruleName: 's3-bucket-public-read-prohibited-conformance-pack-abc123',
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'zeta',
          complianceType: 'NON_COMPLIANT',
          annotation: 'public',
        },
      ]);
      expect(written.regions[1]?.rules[0]?.normalizedName).toBe('root-account-mfa-enabled');
    });

    it('assumes the member role once and reads Config with its credentials', async () => {
      // Arrange
      const { deps, access, sources } = setup();

      // Act
      await scanAccount(input, deps);

      // Assert
      expect(access.calls).toEqual([{ accountId: ACCOUNT, sessionName: 'compliance-report-r1' }]);
      expect(sources.targets.map((t) => [t.region, t.credentials.accessKeyId])).toEqual([
        ['us-east-1', `AKIA${ACCOUNT}`],
        ['eu-west-1', `AKIA${ACCOUNT}`],
      ]);
    });

    it('reads evaluations only for rules with a COMPLIANT or NON_COMPLIANT rollup, with the right types', async () => {
      // Arrange
      const { deps, sources } = setup();

      // Act
      await scanAccount({ ...input, regions: ['us-east-1'] }, deps);

      // Assert
      expect(sources.calls.filter((c) => c.includes('listEvaluations')).sort()).toEqual([
        `${ACCOUNT}/us-east-1 listEvaluations:ec2-ebs-encryption-by-default:COMPLIANT`,
        `${ACCOUNT}/us-east-1 listEvaluations:s3-bucket-public-read-prohibited-conformance-pack-abc123:NON_COMPLIANT,COMPLIANT`,
      ]);
    });

    it('trims the session name to 64 characters', async () => {
      // Arrange
      const { deps, access } = setup();
      const runId = 'x'.repeat(80);

      // Act
      await scanAccount({ ...input, runId }, deps);

      // Assert
      expect(access.calls[0]?.sessionName).toHaveLength(64);
      expect(access.calls[0]?.sessionName.startsWith('compliance-report-xxx')).toBe(true);
    });

    it('marks regions without a recorder not-enabled and stopped recorders recorder-stopped, with no further calls', async () => {
      // Arrange
      const { deps, sources, partial } = setup({
        'us-east-1': { recorder: 'none' },
        'eu-west-1': { recorder: 'stopped' },
      });

      // Act
      const summary = await scanAccount({ ...input, regions: ['us-east-1', 'eu-west-1', 'ap-east-1'] }, deps);

      // Assert
      expect(summary.status).toBe('ok');
      expect(summary.counts).toMatchObject({ regions: 3, configDisabledRegions: 3, rules: 0 });
      expect(partial().regions.map((r) => r.configStatus)).toEqual(['not-enabled', 'recorder-stopped', 'not-enabled']);
      expect(sources.calls.every((c) => c.endsWith('recorderState'))).toBe(true);
    });

    it('marks the region not-enabled when a compliance call finds no recorder', async () => {
      // Arrange
      const regions = seeded();
      regions['eu-west-1'] = { ...regions['eu-west-1'], failures: { listConfigRules: configNotEnabled() } };
      const { deps, partial } = setup(regions);

      // Act
      const summary = await scanAccount(input, deps);

      // Assert
      expect(summary.status).toBe('ok');
      expect(partial().regions[1]).toEqual({
        region: 'eu-west-1',
        configStatus: 'not-enabled',
        rules: [],
        nonCompliant: [],
      });
    });

    it('skips a rule deleted between the list and the detail call', async () => {
      // Arrange
      const { deps, log, partial } = setup({
        'us-east-1': {
          rules: [
            { ruleName: 'gone', compliance: 'NON_COMPLIANT', deleted: true },
            ...(seeded()['us-east-1']?.rules ?? []),
          ],
        },
      });

      // Act
      const summary = await scanAccount({ ...input, regions: ['us-east-1'] }, deps);

      // Assert
      expect(summary.status).toBe('ok');
      expect(partial().regions[0]?.rules.map((r) => r.ruleName)).not.toContain('gone');
      expect(log.at('debug')).toEqual([expect.objectContaining({ extra: { rule: 'gone' } })]);
    });

    it('records a non-retryable region failure and returns partial', async () => {
      // Arrange
      const regions = seeded();
      const cause = Object.assign(new Error('bad parameter'), { name: 'InvalidParameterValueException' });
      const failure = new ExternalServiceError('config DescribeConfigRules failed: bad parameter', {
        service: 'config',
        retryable: false,
        cause,
      });
      regions['eu-west-1'] = { failures: { listConfigRules: failure } };
      const { deps, partial } = setup(regions);

      // Act
      const summary = await scanAccount(input, deps);

      // Assert
      expect(summary.status).toBe('partial');
      expect(summary.errors).toEqual(['config eu-west-1: config DescribeConfigRules failed: bad parameter']);
      expect(partial().status).toBe('partial');
      expect(partial().errors).toEqual([
        {
          phase: 'config',
          region: 'eu-west-1',
          code: 'InvalidParameterValueException',
          message: 'config DescribeConfigRules failed: bad parameter',
        },
      ]);
      expect(partial().regions.map((r) => r.configStatus)).toEqual(['enabled', 'error']);
    });

    it('throws ThrottledError for the workflow to retry, writing no partial', async () => {
      // Arrange
      const regions = seeded();
      regions['us-east-1'] = { ...regions['us-east-1'], failures: { listEvaluations: throttled() } };
      const { deps, store } = setup(regions);

      // Act
      const result = scanAccount(input, deps);

      // Assert
      await expect(result).rejects.toBeInstanceOf(ThrottledError);
      expect(store.objects.size).toBe(0);
    });

    it('throws a retryable ExternalServiceError for the workflow to retry', async () => {
      // Arrange
      const failure = new ExternalServiceError('config 503', { service: 'config', retryable: true });
      const { deps } = setup({ 'us-east-1': { failures: { recorderState: failure } } });

      // Act & Assert
      await expect(scanAccount(input, deps)).rejects.toBe(failure);
    });

    // The refusal fails the account's child execution (MemberRoleNotAssumable), so the Map Run lists it as FAILED,
    // after the failed partial with the reason is written.
    it('writes the failed partial of an account whose role cannot be assumed, then throws MemberRoleNotAssumable', async () => {
      // Arrange
      const { deps, sources, partial } = setup(seeded(), { [ACCOUNT]: 'AccessDenied' });

      // Act
      const error = await scanAccount(input, deps).then(
        () => undefined,
        (e: unknown) => e as Error,
      );

      // Assert
      expect(error).toBeInstanceOf(MemberRoleNotAssumableError);
      expect(error?.name).toBe('MemberRoleNotAssumable');
      expect(error?.message).toMatch(
        /^member role not assumable in 111111111111: AccessDenied; check that .*ComplianceReader/,
      );
      expect(partial()).toMatchObject({
        status: 'failed',
        regions: [],
        errors: [{ phase: 'assume-role', code: 'AccessDenied', message: expect.stringContaining('ComplianceReader') }],
      });
      expect(sources.calls).toEqual([]);
    });

    it('throws when assuming the role is throttled', async () => {
      // Arrange
      const { deps, access } = setup();
      access.failWith = new ThrottledError('sts throttled', { service: 'sts' });

      // Act & Assert
      await expect(scanAccount(input, deps)).rejects.toBeInstanceOf(ThrottledError);
    });
  });
});
