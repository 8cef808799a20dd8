import { access, readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { type LaceworkApiKey, LaceworkApiKeySchema } from '../../domain/lacework.schema';
import type { SecretSource } from '../../platform/secrets/secret-source.port';
import { ConfigError } from '../../shared/errors';
import { parseWith } from '../../shared/validation';

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Parses key JSON text. `JSON.parse`'s own message quotes the input (it would print the secret), so it is dropped:
 * the error says only that the text is not JSON.
 */
const parseKeyJson = (text: string, what: string): LaceworkApiKey => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`invalid ${what}: not JSON; expected the API key JSON downloaded from the Lacework console`);
  }
  return parseWith(LaceworkApiKeySchema, json, what, ConfigError);
};

/**
 * Reads the console's API key JSON file (`keyId`, `secret`, `account`, optional `subAccount`). Like the legacy tool, a
 * path without an extension gets `.json` appended when the file as named does not exist.
 *
 * @throws ConfigError naming the file (absolute path when missing) and, for a bad file, the missing or invalid field
 * @example const key = await loadLaceworkKeyFile('keys/lw'); // reads keys/lw.json
 */
export const loadLaceworkKeyFile = async (path: string): Promise<LaceworkApiKey> => {
  const file = extname(path) === '' && !(await exists(path)) ? `${path}.json` : path;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') {
      throw new ConfigError(
        `Lacework API key file not found: ${resolve(file)}; download it from the Lacework console (Settings › API keys)`,
      );
    }
    throw new ConfigError(
      `cannot read Lacework API key file ${file}: ${(error as Error).message}; check its permissions`,
    );
  }
  return parseKeyJson(text, `Lacework API key file ${file}`);
};

/** The variables {@link laceworkKeyFromEnv} reads (the `lacework` CLI's names). */
export const LACEWORK_ENV_VARIABLES = ['LW_ACCOUNT', 'LW_API_KEY', 'LW_API_SECRET'] as const;

/**
 * The API key from `LW_ACCOUNT`, `LW_API_KEY`, `LW_API_SECRET` and optional `LW_SUBACCOUNT`, as the `lacework` CLI reads
 * them. `undefined` when none of the three is set (the caller tries another source).
 *
 * @throws ConfigError naming the missing variables when only some are set
 * @example const key = laceworkKeyFromEnv(process.env) ?? (await loadLaceworkKeyFile(options.apiKeyFile));
 */
export const laceworkKeyFromEnv = (env: Readonly<Record<string, string | undefined>>): LaceworkApiKey | undefined => {
  const present = LACEWORK_ENV_VARIABLES.filter((name) => (env[name] ?? '') !== '');
  if (present.length === 0) return undefined;
  const missing = LACEWORK_ENV_VARIABLES.filter((name) => !present.includes(name));
  if (missing.length > 0) {
    throw new ConfigError(
      `incomplete Lacework API key in the environment: ${missing.join(', ')} not set (found ${present.join(', ')}); set all three or use an API key file`,
    );
  }
  const subAccount = env.LW_SUBACCOUNT;
  return {
    account: env.LW_ACCOUNT as string,
    keyId: env.LW_API_KEY as string,
    secret: env.LW_API_SECRET as string,
    ...(subAccount ? { subAccount } : {}),
  };
};

/**
 * The API key from a secret holding the console's key JSON (Secrets Manager in AWS).
 *
 * @throws ConfigError naming the secret (never its value) when it is not JSON or lacks a field
 * @example const key = await laceworkKeyFromSecret(secrets, env.LACEWORK_SECRET_NAME);
 */
export const laceworkKeyFromSecret = async (secrets: SecretSource, secretName: string): Promise<LaceworkApiKey> =>
  parseKeyJson(await secrets.getSecret(secretName), `Lacework API key secret ${secretName}`);
