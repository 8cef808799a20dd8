import { createAwsClientFactory } from '../../../../../core/platform/aws/aws-clients';

const member = { accessKeyId: 'AKIA1', secretAccessKey: 's', sessionToken: 't' };

describe('createAwsClientFactory', () => {
  describe('s3', () => {
    it('uses path style and checksums only when required against a local endpoint', async () => {
      // Arrange
      const clients = createAwsClientFactory({
        region: 'us-east-1',
        maxAttempts: 7,
        endpoints: { s3: 'http://127.0.0.1:4568', aws: 'http://127.0.0.1:4566' },
        hubCredentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });

      // Act
      const s3 = clients.s3();

      // Assert
      expect(s3).toBe(clients.s3());
      expect(s3.config.forcePathStyle).toBe(true);
      expect(await s3.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
      expect(await s3.config.responseChecksumValidation()).toBe('WHEN_REQUIRED');
      expect(await s3.config.maxAttempts()).toBe(7);
      expect(await s3.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
      expect((await s3.config.credentials()).accessKeyId).toBe('local');
      expect((await s3.config.endpoint?.())?.hostname).toBe('127.0.0.1');
    });

    it('keeps the SDK defaults without local endpoints', async () => {
      const s3 = createAwsClientFactory({ region: 'eu-west-1', maxAttempts: 3 }).s3();
      expect(s3.config.forcePathStyle).toBe(false);
      expect(await s3.config.region()).toBe('eu-west-1');
    });
  });

  describe('sts and organizations', () => {
    it('send to the local aws endpoint with adaptive retry; Organizations in us-east-1', async () => {
      // Arrange
      const clients = createAwsClientFactory({
        region: 'eu-west-1',
        maxAttempts: 5,
        endpoints: { aws: 'http://127.0.0.1:4566' },
      });

      // Act
      const sts = clients.sts();
      const orgs = clients.organizations();

      // Assert
      expect((await sts.config.endpoint?.())?.port).toBe(4566);
      expect(await sts.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
      expect(await sts.config.maxAttempts()).toBe(5);
      expect(await orgs.config.region()).toBe('us-east-1');
      expect((await orgs.config.endpoint?.())?.port).toBe(4566);
    });
  });

  describe('config', () => {
    it('memoises per account and region and signs with the member credentials', async () => {
      // Arrange
      const clients = createAwsClientFactory({ region: 'us-east-1', maxAttempts: 9 });

      // Act
      const a = clients.config('111111111111', 'eu-west-1', member);
      const b = clients.config('111111111111', 'eu-west-1', { ...member });
      const other = clients.config('111111111111', 'us-east-1', member);

      // Assert
      expect(a).toBe(b);
      expect(other).not.toBe(a);
      expect(await a.config.region()).toBe('eu-west-1');
      expect(await a.config.maxAttempts()).toBe(9);
      expect(await a.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
      expect((await a.config.credentials()).accessKeyId).toBe('AKIA1');
    });

    it('replaces the client when the account was re-assumed with new credentials', async () => {
      // Arrange
      const clients = createAwsClientFactory({ region: 'us-east-1', maxAttempts: 3 });
      const first = clients.config('111111111111', 'eu-west-1', member);

      // Act
      const second = clients.config('111111111111', 'eu-west-1', { ...member, accessKeyId: 'AKIA2' });

      // Assert
      expect(second).not.toBe(first);
      expect((await second.config.credentials()).accessKeyId).toBe('AKIA2');
    });
  });

  describe('secretsManager and dynamoDocument', () => {
    it('build one Secrets Manager client in the hub region with the shared retry policy', async () => {
      // Arrange
      const clients = createAwsClientFactory({
        region: 'eu-west-1',
        maxAttempts: 4,
        hubCredentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });

      // Act
      const secrets = clients.secretsManager();

      // Assert
      expect(secrets).toBe(clients.secretsManager());
      expect(await secrets.config.region()).toBe('eu-west-1');
      expect(await secrets.config.maxAttempts()).toBe(4);
      expect(await secrets.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
      expect((await secrets.config.credentials()).accessKeyId).toBe('local');
    });

    it('build one DocumentClient on the local DynamoDB endpoint that drops undefined attributes', async () => {
      // Arrange
      const clients = createAwsClientFactory({
        region: 'us-east-1',
        maxAttempts: 2,
        endpoints: { dynamodb: 'http://127.0.0.1:4567' },
        hubCredentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
      });

      // Act
      const db = clients.dynamoDocument();

      // Assert
      expect(db).toBe(clients.dynamoDocument());
      expect(db.config.isCustomEndpoint).toBe(true);
      expect(db.config.translateConfig?.marshallOptions).toMatchObject({ removeUndefinedValues: true });
      expect((await db.config.endpoint?.())?.port).toBe(4567);
      expect(await db.config.maxAttempts()).toBe(2);
      expect(await db.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
      expect((await db.config.credentials()).accessKeyId).toBe('sandbox');
    });

    it('keeps the regional DynamoDB endpoint without a local one', async () => {
      const db = createAwsClientFactory({ region: 'eu-west-1', maxAttempts: 3 }).dynamoDocument();
      expect(await db.config.region()).toBe('eu-west-1');
      expect(db.config.isCustomEndpoint).toBe(false);
    });
  });

  describe('member clients (one cache for Config and CloudTrail)', () => {
    const PACER = 'requestPacerMiddleware';
    const paced = (client: { middlewareStack: { identify(): string[] } }) =>
      client.middlewareStack.identify().some((entry) => entry.startsWith(PACER));

    it('gives the same account and region the same CloudTrail client, another account or region another', async () => {
      // Arrange
      const clients = createAwsClientFactory({
        region: 'us-east-1',
        maxAttempts: 6,
        endpoints: { aws: 'http://127.0.0.1:4566' },
      });

      // Act
      const a = clients.cloudTrail('111111111111', 'eu-west-1', member);
      const b = clients.cloudTrail('111111111111', 'eu-west-1', { ...member });
      const otherAccount = clients.cloudTrail('222222222222', 'eu-west-1', member);
      const otherRegion = clients.cloudTrail('111111111111', 'us-east-1', member);

      // Assert
      expect(b).toBe(a);
      expect(otherAccount).not.toBe(a);
      expect(otherRegion).not.toBe(a);
      expect(await a.config.region()).toBe('eu-west-1');
      expect(await a.config.maxAttempts()).toBe(6);
      expect(await a.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
      expect((await a.config.credentials()).accessKeyId).toBe('AKIA1');
      expect((await a.config.endpoint?.())?.port).toBe(4566);
    });

    it('gives another account another Config client', () => {
      const clients = createAwsClientFactory({ region: 'us-east-1', maxAttempts: 3 });
      const a = clients.config('111111111111', 'eu-west-1', member);
      expect(clients.config('222222222222', 'eu-west-1', member)).not.toBe(a);
      expect(clients.config('111111111111', 'eu-west-1', member)).toBe(a);
    });

    it('keeps the Config and the CloudTrail client of one account and region apart', () => {
      const clients = createAwsClientFactory({ region: 'us-east-1', maxAttempts: 3 });
      const config = clients.config('111111111111', 'eu-west-1', member);
      const cloudTrail = clients.cloudTrail('111111111111', 'eu-west-1', member);
      expect(clients.config('111111111111', 'eu-west-1', member)).toBe(config);
      expect(clients.cloudTrail('111111111111', 'eu-west-1', member)).toBe(cloudTrail);
    });

    it('destroys and replaces the CloudTrail client when the account was re-assumed', async () => {
      // Arrange
      const clients = createAwsClientFactory({ region: 'us-east-1', maxAttempts: 3 });
      const first = clients.cloudTrail('111111111111', 'eu-west-1', member);
      const destroy = jest.spyOn(first, 'destroy');

      // Act
      const second = clients.cloudTrail('111111111111', 'eu-west-1', { ...member, accessKeyId: 'AKIA2' });

      // Assert
      expect(second).not.toBe(first);
      expect(destroy).toHaveBeenCalledTimes(1);
      expect((await second.config.credentials()).accessKeyId).toBe('AKIA2');
    });

    it('paces every CloudTrail client, and Config clients only with a configRate', () => {
      // Arrange
      const unpaced = createAwsClientFactory({ region: 'us-east-1', maxAttempts: 3 });
      const pacedConfig = createAwsClientFactory({
        region: 'us-east-1',
        maxAttempts: 3,
        configRate: { ratePerSecond: 5, burst: 5 },
      });

      // Act / Assert
      expect(paced(unpaced.cloudTrail('111111111111', 'eu-west-1', member))).toBe(true);
      expect(paced(unpaced.config('111111111111', 'eu-west-1', member))).toBe(false);
      expect(paced(pacedConfig.config('111111111111', 'eu-west-1', member))).toBe(true);
    });
  });
});
