/**
 * Reads a secret's text at run time (Secrets Manager in AWS; a file or environment variables locally). Secrets never
 * travel in state payloads, environment variables or logs: only their names do.
 */
export interface SecretSource {
  /** The secret's string value; throws ConfigError naming the secret (never its value) when it is absent. */
  getSecret(name: string): Promise<string>;
}
