import { StaticSecretSource } from '../../../../../core/platform/secrets/static-secret-source';
import { ConfigError } from '../../../../../core/shared/errors';

describe('StaticSecretSource', () => {
  describe('getSecret', () => {
    it('returns the value of a known name', async () => {
      await expect(new StaticSecretSource({ a: 'value-a' }).getSecret('a')).resolves.toBe('value-a');
    });

    it('throws ConfigError naming the secret and the known names, not their values', async () => {
      // Arrange
      const source = new StaticSecretSource({ a: 'value-a', b: 'value-b' });

      // Act
      const error = await source.getSecret('c').catch((e: Error) => e);

      // Assert
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toBe('secret c is not set (known secrets: a, b); add it to the local secrets');
    });
  });
});
