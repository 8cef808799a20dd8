import { createAwsClientFactory } from '../../../../../core/platform/aws/aws-clients';
import { S3LinkSigner } from '../../../../../core/platform/storage/s3-link-signer';
import { S3ObjectStore } from '../../../../../core/platform/storage/s3-object-store';
import { generateScenario, type Sandbox, startSandbox } from '../../../../../sandbox';

describe('S3LinkSigner', () => {
  let sandbox: Sandbox;
  let signer: S3LinkSigner;
  let store: S3ObjectStore;

  beforeAll(async () => {
    sandbox = await startSandbox(generateScenario({ accounts: 1, regions: ['us-east-1'], rulesPerRegion: 1, seed: 1 }));
    const clients = createAwsClientFactory({
      region: sandbox.region,
      maxAttempts: 1,
      endpoints: sandbox.endpoints,
      hubCredentials: sandbox.hubCredentials,
    });
    signer = new S3LinkSigner(clients.s3(), sandbox.bucket);
    store = new S3ObjectStore(clients.s3(), sandbox.bucket);
  });
  afterAll(() => sandbox.stop());

  describe('presign', () => {
    it('returns a URL that plain fetch can download the object with', async () => {
      // Arrange
      await store.put('reports/2026-11-08/run 1/summary.html', '<p>hello</p>', 'text/html; charset=utf-8');

      // Act
      const url = await signer.presign('reports/2026-11-08/run 1/summary.html', 3600);

      // Assert
      expect(url).toMatch(/X-Amz-Expires=3600/);
      expect(url).toMatch(/X-Amz-Signature=/);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('<p>hello</p>');
    });

    it('signs for up to 7 days', async () => {
      // Act
      const url = await signer.presign('any', 604_800);

      // Assert
      expect(url).toMatch(/X-Amz-Expires=604800/);
    });

    it.each([0, 604_801, 1.5])('throws ValidationError for an expiry of %p seconds', async (seconds) => {
      // Act
      const signing = signer.presign('any', seconds);

      // Assert
      await expect(signing).rejects.toMatchObject({
        name: 'ValidationError',
        message: expect.stringMatching(/7 days/),
      });
    });
  });
});
