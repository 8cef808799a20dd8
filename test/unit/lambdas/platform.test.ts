import { SecretsManagerSecretSource } from '../../../core/platform/secrets/secrets-manager-secret-source';
import { StaticSecretSource } from '../../../core/platform/secrets/static-secret-source';
import { S3ObjectStore } from '../../../core/platform/storage/s3-object-store';
import { createLogger } from '../../../lambdas/_shared/logger';
import { createPlatform } from '../../../lambdas/_shared/platform';
import { FixedClock } from '../../helpers/fakes/fixed-clock';

const ENV = { POWERTOOLS_SERVICE_NAME: 'platform-test', AWS_REGION: 'eu-west-1', AWS_MAX_ATTEMPTS: 4 };
const member = { accessKeyId: 'AKIA1', secretAccessKey: 's', sessionToken: 't' };

describe('createPlatform', () => {
  it('builds the report store on the hub S3 client when REPORT_BUCKET is set, and none otherwise', async () => {
    // Act
    const withBucket = createPlatform({ ...ENV, REPORT_BUCKET: 'reports' });
    const without = createPlatform(ENV);

    // Assert
    expect(withBucket.store).toBeInstanceOf(S3ObjectStore);
    expect(withBucket.store.bucket).toBe('reports');
    expect(without.store).toBeUndefined();
    expect(await withBucket.clients.s3().config.maxAttempts()).toBe(4);
    expect(await withBucket.clients.s3().config.region()).toBe('eu-west-1');
  });

  it('reads secrets from Secrets Manager unless a local source is given', () => {
    const local = new StaticSecretSource({ slack: '{}' });
    expect(createPlatform(ENV).secrets).toBeInstanceOf(SecretsManagerSecretSource);
    expect(createPlatform(ENV, { secrets: local }).secrets).toBe(local);
  });

  it('sends DynamoDB to DYNAMODB_ENDPOINT, or to the endpoint the overrides name, with the hub credentials', async () => {
    // Arrange
    const hubCredentials = { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' };

    // Act
    const fromEnv = createPlatform({ ...ENV, DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567' }, { hubCredentials });
    const fromOverrides = createPlatform(
      { ...ENV, DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567' },
      { endpoints: { dynamodb: 'http://127.0.0.1:4570', s3: 'http://127.0.0.1:4568' } },
    );

    // Assert
    expect((await fromEnv.clients.dynamoDocument().config.endpoint?.())?.port).toBe(4567);
    expect((await fromEnv.clients.dynamoDocument().config.credentials()).accessKeyId).toBe('sandbox');
    expect((await fromOverrides.clients.dynamoDocument().config.endpoint?.())?.port).toBe(4570);
    expect(fromOverrides.clients.s3().config.forcePathStyle).toBe(true);
  });

  it('paces the member Config clients when CONFIG_MAX_REQUESTS_PER_SECOND is set', () => {
    // Arrange
    const paced = (env: typeof ENV & { CONFIG_MAX_REQUESTS_PER_SECOND?: number }) =>
      createPlatform(env)
        .clients.config('111111111111', 'eu-west-1', member)
        .middlewareStack.identify()
        .some((entry) => entry.startsWith('requestPacerMiddleware'));

    // Act / Assert
    expect(paced({ ...ENV, CONFIG_MAX_REQUESTS_PER_SECOND: 2.5 })).toBe(true);
    expect(paced(ENV)).toBe(false);
  });

  it('gives the HTTP adapters the overridden fetch, sleep and retry policy, and paces channels with that sleep', async () => {
    // Arrange
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const fetch = async () => new Response('ok');
    const logger = createLogger('platform-test', 'SILENT');
    const platform = createPlatform(ENV, {
      logger,
      clock: new FixedClock(),
      fetch,
      sleep,
      retryPolicy: { maxAttempts: 2 },
    });

    // Act
    const slack = platform.http('slack');
    await platform.pacer.wait('#security');
    await platform.pacer.wait('#security');

    // Assert
    expect(slack).toMatchObject({ service: 'slack', fetch, sleep, policy: { maxAttempts: 2 }, log: platform.log });
    expect(platform.logger).toBe(logger);
    expect(platform.sleep).toBe(sleep);
    expect(platform.fetch).toBe(fetch);
    expect(waits).toEqual([1000]);
  });

  it('leaves the retry policy to the adapters when none is given', () => {
    expect(createPlatform(ENV).http('slack')).not.toHaveProperty('policy');
  });
});
