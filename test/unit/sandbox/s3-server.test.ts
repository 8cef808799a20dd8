import { GetObjectCommand, HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { generateScenario, type Sandbox, startSandbox } from '../../../sandbox';
import { s3Client } from './sandbox-clients';

describe('sandbox S3', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox(generateScenario({ accounts: 2, regions: ['us-east-1'], rulesPerRegion: 2, seed: 1 }));
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  it('creates the default report bucket', async () => {
    // Act
    const answer = await s3Client(sandbox).send(new HeadBucketCommand({ Bucket: sandbox.bucket }));

    // Assert
    expect(sandbox.bucket).toBe('compliance-reports-sandbox');
    expect(answer.$metadata.httpStatusCode).toBe(200);
  });

  it('stores and returns objects signed with the hub credentials', async () => {
    // Arrange
    const client = s3Client(sandbox);
    const body = JSON.stringify({ hello: 'world' });

    // Act
    await client.send(
      new PutObjectCommand({
        Bucket: sandbox.bucket,
        Key: 'runs/r1/a.json',
        Body: body,
        ContentType: 'application/json',
      }),
    );
    const answer = await client.send(new GetObjectCommand({ Bucket: sandbox.bucket, Key: 'runs/r1/a.json' }));

    // Assert
    expect(await answer.Body?.transformToString()).toBe(body);
    expect(answer.ContentType).toBe('application/json');
  });

  it('creates the bucket named in the options', async () => {
    // Arrange
    const named = await startSandbox(sandbox.scenario, { bucket: 'my-reports' });
    try {
      // Act
      const answer = await s3Client(named).send(new HeadBucketCommand({ Bucket: 'my-reports' }));

      // Assert
      expect(answer.$metadata.httpStatusCode).toBe(200);
    } finally {
      await named.stop();
    }
  });
});
