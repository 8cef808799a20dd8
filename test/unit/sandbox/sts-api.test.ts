import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { loadScenario, type Sandbox, startSandbox } from '../../../sandbox';
import { assumeMember, fixture, stsClient } from './sandbox-clients';

describe('sandbox STS', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox(loadScenario(fixture('small')));
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  const assume = (accountId: string, overrides: { ExternalId?: string; roleName?: string } = {}) =>
    stsClient(sandbox).send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/${overrides.roleName ?? sandbox.memberRoleName}`,
        RoleSessionName: 'compliance-report-test',
        ExternalId: 'ExternalId' in overrides ? overrides.ExternalId : sandbox.externalId,
      }),
    );

  describe('AssumeRole', () => {
    it('issues session credentials whose access key encodes the member account', async () => {
      // Act
      const { Credentials, AssumedRoleUser } = await assume('222222222222');

      // Assert
      expect(Credentials?.AccessKeyId).toMatch(/^ASIA222222222222[A-Z2-7]{4}$/);
      expect(Credentials?.SecretAccessKey).toEqual(expect.any(String));
      expect(Credentials?.SessionToken).toEqual(expect.any(String));
      expect(Credentials?.Expiration?.getTime()).toBeGreaterThan(Date.now() + 3500_000);
      expect(AssumedRoleUser?.Arn).toBe(
        'arn:aws:sts::222222222222:assumed-role/ComplianceReader/compliance-report-test',
      );
    });

    it('attributes calls signed with the issued key to the member account', async () => {
      // Arrange
      const credentials = await assumeMember(sandbox, '555555555555');

      // Act
      const identity = await stsClient(sandbox, credentials).send(new GetCallerIdentityCommand({}));

      // Assert
      expect(identity.Account).toBe('555555555555');
      expect(identity.Arn).toBe('arn:aws:sts::555555555555:assumed-role/ComplianceReader/sandbox-test');
    });

    it('throws AccessDenied with the IAM message when the scenario denies the role', async () => {
      await expect(assume('333333333333')).rejects.toMatchObject({
        name: 'AccessDenied',
        message:
          'User: arn:aws:sts::111111111111:assumed-role/ComplianceReportHub/sandbox is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/ComplianceReader',
        $metadata: { httpStatusCode: 403 },
      });
    });

    it('throws AccessDenied when the ExternalId does not match', async () => {
      await expect(assume('222222222222', { ExternalId: 'wrong-external-id' })).rejects.toMatchObject({
        name: 'AccessDenied',
      });
    });

    it('throws AccessDenied when the ExternalId is missing', async () => {
      await expect(assume('222222222222', { ExternalId: undefined })).rejects.toMatchObject({ name: 'AccessDenied' });
    });

    it('throws AccessDenied for another role name', async () => {
      await expect(assume('222222222222', { roleName: 'OrganizationAccountAccessRole' })).rejects.toMatchObject({
        name: 'AccessDenied',
      });
    });

    it('throws AccessDenied for an account outside the organization', async () => {
      await expect(assume('999999999999')).rejects.toMatchObject({ name: 'AccessDenied' });
    });

    it('throws InvalidClientTokenId for a key the sandbox never issued', async () => {
      // Arrange
      const stranger = stsClient(sandbox, { accessKeyId: 'AKIAEXAMPLEUNKNOWN00', secretAccessKey: 'x' });

      // Act
      const call = stranger.send(new GetCallerIdentityCommand({}));

      // Assert
      await expect(call).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
    });
  });

  it('counts calls by service and operation', () => {
    expect(sandbox.stats.calls['sts.AssumeRole']).toBeGreaterThanOrEqual(6);
    expect(sandbox.stats.errors['sts.AccessDenied']).toBeGreaterThanOrEqual(5);
  });
});
