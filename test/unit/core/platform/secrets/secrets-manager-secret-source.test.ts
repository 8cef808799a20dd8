import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { SecretsManagerSecretSource } from '../../../../../core/platform/secrets/secrets-manager-secret-source';
import { ConfigError, ExternalServiceError } from '../../../../../core/shared/errors';
import { awsError } from '../../../../helpers/fakes/aws-sdk-errors';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';

const VALUE = '{"keyId":"MYCO_ABC","secret":"_very-secret","account":"myco"}';

describe('SecretsManagerSecretSource', () => {
  const mock = mockClient(SecretsManagerClient);

  beforeEach(() => {
    mock.reset();
  });

  describe('getSecret', () => {
    it('returns the SecretString of GetSecretValue', async () => {
      // Arrange
      mock.on(GetSecretValueCommand, { SecretId: 'compliance/lacework' }).resolves({ SecretString: VALUE });
      const source = new SecretsManagerSecretSource(new SecretsManagerClient({}));

      // Act
      const value = await source.getSecret('compliance/lacework');

      // Assert
      expect(value).toBe(VALUE);
    });

    it('reuses the value for 5 minutes, then reads it again', async () => {
      // Arrange
      mock.on(GetSecretValueCommand).resolves({ SecretString: VALUE });
      const clock = new FixedClock();
      const source = new SecretsManagerSecretSource(new SecretsManagerClient({}), { clock });

      // Act
      await source.getSecret('lw');
      clock.advance(299_000);
      await source.getSecret('lw');
      const before = mock.commandCalls(GetSecretValueCommand).length;
      clock.advance(1_000);
      await source.getSecret('lw');

      // Assert
      expect(before).toBe(1);
      expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    });

    it('throws ConfigError naming the secret when it does not exist', async () => {
      // Arrange
      mock.on(GetSecretValueCommand).rejects(awsError('ResourceNotFoundException', { message: 'not found' }));
      const source = new SecretsManagerSecretSource(new SecretsManagerClient({}));

      // Act
      const read = source.getSecret('compliance/missing');

      // Assert
      await expect(read).rejects.toThrow(ConfigError);
      await expect(read).rejects.toThrow(
        'secret compliance/missing not found in Secrets Manager; create it or fix the secret name',
      );
    });

    it('does not cache a failed read', async () => {
      // Arrange
      mock
        .on(GetSecretValueCommand)
        .rejectsOnce(awsError('InternalServiceError', { status: 500 }))
        .resolves({ SecretString: VALUE });
      const source = new SecretsManagerSecretSource(new SecretsManagerClient({}));

      // Act
      const first = await source.getSecret('lw').catch((e: Error) => e);
      const second = await source.getSecret('lw');

      // Assert
      expect(first).toBeInstanceOf(ExternalServiceError);
      expect(first).toMatchObject({ service: 'secretsmanager', retryable: true });
      expect(second).toBe(VALUE);
    });

    it('throws ConfigError for a binary secret, without any value', async () => {
      // Arrange
      mock.on(GetSecretValueCommand).resolves({ SecretBinary: new TextEncoder().encode(VALUE) });
      const source = new SecretsManagerSecretSource(new SecretsManagerClient({}));

      // Act
      const error = await source.getSecret('lw').catch((e: Error) => e);

      // Assert
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).not.toContain('_very-secret');
    });
  });
});
