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
});
