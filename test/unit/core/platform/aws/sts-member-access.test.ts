import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { StsMemberAccess } from '../../../../../core/platform/aws/sts-member-access';
import { ExternalServiceError, MemberRoleNotAssumableError, ThrottledError } from '../../../../../core/shared/errors';
import { awsError } from '../../../../helpers/fakes/aws-sdk-errors';

const sts = mockClient(STSClient);
const SECRET_EXTERNAL_ID = 'ext-id-do-not-log';

const access = (options: { partition?: string; durationSeconds?: number } = {}) =>
  new StsMemberAccess(new STSClient({ region: 'us-east-1' }), {
    roleName: 'ComplianceReader',
    externalId: SECRET_EXTERNAL_ID,
    ...options,
  });

const credentials = {
  AccessKeyId: 'AKIAEXAMPLE',
  SecretAccessKey: 'secret',
  SessionToken: 'token',
  Expiration: new Date('2026-11-09T02:00:00Z'),
};

describe('StsMemberAccess', () => {
  beforeEach(() => sts.reset());

  describe('assume', () => {
    it('assumes the member role with ExternalId, session name and a one-hour session', async () => {
      // Arrange
      sts.on(AssumeRoleCommand).resolves({ Credentials: credentials });

      // Act
      const result = await access().assume('123456789012', 'compliance-report-run-1');

      // Assert
      expect(result).toEqual({
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: 'secret',
        sessionToken: 'token',
        expiration: credentials.Expiration,
      });
      expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toEqual({
        RoleArn: 'arn:aws:iam::123456789012:role/ComplianceReader',
        RoleSessionName: 'compliance-report-run-1',
        ExternalId: SECRET_EXTERNAL_ID,
        DurationSeconds: 3600,
      });
    });

    it('uses the configured partition and duration', async () => {
      // Arrange
      sts.on(AssumeRoleCommand).resolves({ Credentials: credentials });

      // Act
      await access({ partition: 'aws-cn', durationSeconds: 900 }).assume('123456789012', 's');

      // Assert
      expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toMatchObject({
        RoleArn: 'arn:aws-cn:iam::123456789012:role/ComplianceReader',
        DurationSeconds: 900,
      });
    });

    it.each(['AccessDenied', 'AccessDeniedException', 'RegionDisabledException'])(
      'throws MemberRoleNotAssumableError on %s without leaking the ExternalId',
      async (code) => {
        // Arrange
        const cause = awsError(code, { status: 403, message: `not authorized; ExternalId ${SECRET_EXTERNAL_ID}` });
        sts.on(AssumeRoleCommand).rejects(cause);

        // Act
        const error = await access()
          .assume('123456789012', 's')
          .catch((e: unknown) => e);

        // Assert
        expect(error).toBeInstanceOf(MemberRoleNotAssumableError);
        expect(error).toMatchObject({ name: 'MemberRoleNotAssumable', code, cause });
        expect((error as Error).message).toBe(
          `member role not assumable in 123456789012: ${code}; check that arn:aws:iam::123456789012:role/ComplianceReader exists and trusts the hub role with the configured ExternalId`,
        );
        expect((error as Error).message).not.toContain(SECRET_EXTERNAL_ID);
      },
    );

    it('throws ThrottledError when STS keeps throttling', async () => {
      sts.on(AssumeRoleCommand).rejects(awsError('Throttling'));
      await expect(access().assume('123456789012', 's')).rejects.toBeInstanceOf(ThrottledError);
    });

    it('throws a retryable ExternalServiceError when STS returns no credentials', async () => {
      sts.on(AssumeRoleCommand).resolves({});
      await expect(access().assume('123456789012', 's')).rejects.toMatchObject({
        name: 'ExternalServiceError',
        retryable: true,
      });
      await expect(access().assume('123456789012', 's')).rejects.toBeInstanceOf(ExternalServiceError);
    });
  });
});
