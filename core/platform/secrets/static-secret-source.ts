import { ConfigError } from '../../shared/errors';
import type { SecretSource } from './secret-source.port';

/**
 * Secrets from a plain record, for local runs and tests (the sandbox's Lacework key, a key file read by the CLI).
 *
 * @example new StaticSecretSource({ 'compliance-report/lacework': JSON.stringify(sandbox.lacework.key) })
 */
export class StaticSecretSource implements SecretSource {
  private readonly secrets: ReadonlyMap<string, string>;

  constructor(secrets: Readonly<Record<string, string>>) {
    this.secrets = new Map(Object.entries(secrets));
  }

  async getSecret(name: string): Promise<string> {
    const value = this.secrets.get(name);
    if (value === undefined) {
      const known = [...this.secrets.keys()].join(', ') || 'none';
      throw new ConfigError(`secret ${name} is not set (known secrets: ${known}); add it to the local secrets`);
    }
    return value;
  }
}
