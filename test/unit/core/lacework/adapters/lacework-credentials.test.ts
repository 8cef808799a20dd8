import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  laceworkKeyFromEnv,
  laceworkKeyFromSecret,
  loadLaceworkKeyFile,
} from '../../../../../core/lacework/adapters/lacework-credentials';
import { StaticSecretSource } from '../../../../../core/platform/secrets/static-secret-source';
import { ConfigError } from '../../../../../core/shared/errors';

const KEY = { keyId: 'MYCO_ABC', secret: '_0123456789abcdef', account: 'myco.lacework.net', subAccount: 'myco-dev' };

describe('loadLaceworkKeyFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lw-keys-'));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads the console key JSON', async () => {
    // Arrange
    const path = write('good.json', JSON.stringify({ ...KEY, extra: 1 }));

    // Act
    const key = await loadLaceworkKeyFile(path);

    // Assert
    expect(key).toEqual(KEY);
  });

  it('appends .json when the path has no extension and the file without it does not exist', async () => {
    // Arrange
    write('appended.json', JSON.stringify(KEY));

    // Act
    const key = await loadLaceworkKeyFile(join(dir, 'appended'));

    // Assert
    expect(key.keyId).toBe('MYCO_ABC');
  });

  it('throws ConfigError with the absolute path when the file is missing', async () => {
    // Act
    const load = loadLaceworkKeyFile(join(dir, 'missing.json'));

    // Assert
    await expect(load).rejects.toThrow(ConfigError);
    await expect(load).rejects.toThrow(
      `Lacework API key file not found: ${join(dir, 'missing.json')}; download it from the Lacework console (Settings › API keys)`,
    );
  });

  it('throws ConfigError saying the file is not JSON, without quoting its content', async () => {
    // Arrange
    const path = write('broken.json', `{"secret": _0123456789abcdef`);

    // Act
    const error = await loadLaceworkKeyFile(path).catch((e: Error) => e);

    // Assert
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      `invalid Lacework API key file ${path}: not JSON; expected the API key JSON downloaded from the Lacework console`,
    );
  });

  it('throws ConfigError naming the file and the missing field', async () => {
    // Arrange
    const path = write('no-secret.json', JSON.stringify({ keyId: 'MYCO_ABC', account: 'myco' }));

    // Act
    const load = loadLaceworkKeyFile(path);

    // Assert
    await expect(load).rejects.toThrow(
      `invalid Lacework API key file ${path}: ✖ Invalid input: expected string, received undefined\n  → at secret`,
    );
  });
});

describe('laceworkKeyFromEnv', () => {
  it('reads LW_ACCOUNT, LW_API_KEY, LW_API_SECRET and LW_SUBACCOUNT', () => {
    // Act
    const key = laceworkKeyFromEnv({
      LW_ACCOUNT: 'myco.lacework.net',
      LW_API_KEY: 'MYCO_ABC',
      LW_API_SECRET: '_0123456789abcdef',
      LW_SUBACCOUNT: 'myco-dev',
    });

    // Assert
    expect(key).toEqual(KEY);
  });

  it('returns undefined when none of the variables is set', () => {
    expect(laceworkKeyFromEnv({ HOME: '/home/me' })).toBeUndefined();
  });

  it('throws ConfigError naming the missing variables when only some are set', () => {
    // Act
    const read = () => laceworkKeyFromEnv({ LW_ACCOUNT: 'myco', LW_API_SECRET: '_0123456789abcdef' });

    // Assert
    expect(read).toThrow(ConfigError);
    expect(read).toThrow('LW_API_KEY not set (found LW_ACCOUNT, LW_API_SECRET)');
    expect(read).not.toThrow(/_0123456789abcdef/);
  });
});

describe('laceworkKeyFromSecret', () => {
  it('parses the key JSON held by the secret', async () => {
    // Arrange
    const secrets = new StaticSecretSource({ 'compliance/lacework': JSON.stringify(KEY) });

    // Act
    const key = await laceworkKeyFromSecret(secrets, 'compliance/lacework');

    // Assert
    expect(key).toEqual(KEY);
  });

  it('throws ConfigError naming the secret and the field, never the value', async () => {
    // Arrange
    const secrets = new StaticSecretSource({ lw: JSON.stringify({ ...KEY, keyId: 42 }) });

    // Act
    const error = await laceworkKeyFromSecret(secrets, 'lw').catch((e: Error) => e);

    // Assert
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^invalid Lacework API key secret lw: .*\n {2}→ at keyId$/);
    expect(JSON.stringify(error) + (error as Error).message).not.toContain(KEY.secret);
  });
});
