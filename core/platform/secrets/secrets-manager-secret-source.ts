import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '../../shared/errors';
import { hasAwsErrorName, toAppError } from '../aws/aws-errors';
import { type Clock, systemClock } from '../clock.port';
import type { SecretSource } from './secret-source.port';

/** How long a secret value is reused by one container before it is read again. */
export const SECRET_CACHE_TTL_MS = 5 * 60_000;

/** Options of {@link SecretsManagerSecretSource}. */
export interface SecretsManagerSecretSourceOptions {
  /** @default - 5 minutes */
  ttlMs?: number;
  /** @default - the system clock */
  clock?: Clock;
}

interface Entry {
  value: Promise<string>;
  readAtMs: number;
}

/**
 * Secrets from AWS Secrets Manager (`GetSecretValue`, `SecretString`), cached per container for 5 minutes so a warm
 * Lambda does not read them on every invocation. A failed read is not cached. Errors name the secret, never a value.
 *
 * @example const secrets = new SecretsManagerSecretSource(clients.secretsManager());
 */
export class SecretsManagerSecretSource implements SecretSource {
  private readonly cache = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly clock: Clock;

  constructor(
    private readonly client: SecretsManagerClient,
    options: SecretsManagerSecretSourceOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? SECRET_CACHE_TTL_MS;
    this.clock = options.clock ?? systemClock;
  }

  getSecret(name: string): Promise<string> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(name);
    if (cached !== undefined && now - cached.readAtMs < this.ttlMs) return cached.value;
    const value = this.read(name);
    this.cache.set(name, { value, readAtMs: now });
    value.catch(() => {
      if (this.cache.get(name)?.value === value) this.cache.delete(name);
    });
    return value;
  }

  private async read(name: string): Promise<string> {
    let secret: string | undefined;
    try {
      secret = (await this.client.send(new GetSecretValueCommand({ SecretId: name }))).SecretString;
    } catch (err) {
      if (hasAwsErrorName(err, 'ResourceNotFoundException')) {
        throw new ConfigError(`secret ${name} not found in Secrets Manager; create it or fix the secret name`, {
          cause: err,
        });
      }
      if (hasAwsErrorName(err, 'AccessDeniedException')) {
        throw new ConfigError(`not allowed to read secret ${name}; grant secretsmanager:GetSecretValue on it`, {
          cause: err,
        });
      }
      throw toAppError(err, { service: 'secretsmanager', operation: 'GetSecretValue', target: name });
    }
    if (secret === undefined) {
      throw new ConfigError(`secret ${name} has no SecretString (binary secrets are not supported); store it as text`);
    }
    return secret;
  }
}
