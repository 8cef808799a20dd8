import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { S3ObjectStore } from '../../../../../core/platform/storage/s3-object-store';
import { ExternalServiceError, NotFoundError } from '../../../../../core/shared/errors';
import { awsError } from '../../../../helpers/fakes/aws-sdk-errors';

const s3 = mockClient(S3Client);
const store = () => new S3ObjectStore(new S3Client({ region: 'us-east-1' }), 'report-bucket');
/** A Node stream with the SDK's mixin methods, like the Body a real GetObject returns in Node. */
const body = (text: string) =>
  Object.assign(Readable.from([Buffer.from(text)]), {
    transformToString: async () => text,
    transformToByteArray: async () => new Uint8Array(Buffer.from(text)),
  }) as unknown as GetObjectCommandOutput['Body'];
const noSuchKey = () => new NoSuchKey({ message: 'The specified key does not exist.', $metadata: {} });

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

describe('S3ObjectStore', () => {
  beforeEach(() => s3.reset());

  describe('put', () => {
    it('puts the body with its content type', async () => {
      // Arrange
      s3.on(PutObjectCommand).resolves({});

      // Act
      await store().put('runs/r1/accounts.json', '{}', 'application/json');

      // Assert
      expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toEqual({
        Bucket: 'report-bucket',
        Key: 'runs/r1/accounts.json',
        Body: '{}',
        ContentType: 'application/json',
      });
    });

    it('throws a non-retryable ExternalServiceError on AccessDenied', async () => {
      s3.on(PutObjectCommand).rejects(awsError('AccessDenied', { status: 403 }));
      await expect(store().put('k', 'v', 'text/plain')).rejects.toMatchObject({
        name: 'ExternalServiceError',
        retryable: false,
        message: expect.stringContaining('s3://report-bucket/k'),
      });
    });
  });

  describe('getText', () => {
    it('returns the object text', async () => {
      s3.on(GetObjectCommand, { Bucket: 'report-bucket', Key: 'a.json' }).resolves({ Body: body('hello') });
      await expect(store().getText('a.json')).resolves.toBe('hello');
    });

    it('returns undefined on NoSuchKey', async () => {
      s3.on(GetObjectCommand).rejects(noSuchKey());
      await expect(store().getText('missing.json')).resolves.toBeUndefined();
    });

    it('throws a retryable ExternalServiceError on HTTP 500', async () => {
      s3.on(GetObjectCommand).rejects(awsError('InternalError', { status: 500 }));
      await expect(store().getText('a.json')).rejects.toMatchObject({ retryable: true });
    });
  });

  describe('getStream', () => {
    it('streams the object', async () => {
      // Arrange
      s3.on(GetObjectCommand).resolves({ Body: body('line1\nline2') });

      // Act
      const stream = await store().getStream('a.csv');

      // Assert
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.from(chunk));
      expect(Buffer.concat(chunks).toString()).toBe('line1\nline2');
    });

    it('throws NotFoundError on NoSuchKey', async () => {
      s3.on(GetObjectCommand).rejects(noSuchKey());
      const result = store().getStream('missing.csv');
      await expect(result).rejects.toBeInstanceOf(NotFoundError);
      await expect(result).rejects.toThrow('object not found: s3://report-bucket/missing.csv');
    });
  });

  describe('list', () => {
    it('lists every key under the prefix across pages', async () => {
      // Arrange
      s3.on(ListObjectsV2Command)
        .resolvesOnce({ Contents: [{ Key: 'runs/r1/partials/1.json' }], NextContinuationToken: 'c1' })
        .resolvesOnce({ Contents: [{ Key: 'runs/r1/partials/2.json' }] });

      // Act
      const keys = await collect(store().list('runs/r1/partials/'));

      // Assert
      expect(keys).toEqual(['runs/r1/partials/1.json', 'runs/r1/partials/2.json']);
      expect(s3.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input)).toEqual([
        { Bucket: 'report-bucket', Prefix: 'runs/r1/partials/', ContinuationToken: undefined },
        { Bucket: 'report-bucket', Prefix: 'runs/r1/partials/', ContinuationToken: 'c1' },
      ]);
    });

    it('throws ExternalServiceError when listing fails', async () => {
      s3.on(ListObjectsV2Command).rejects(awsError('NoSuchBucket', { status: 404 }));
      await expect(collect(store().list('x/'))).rejects.toBeInstanceOf(ExternalServiceError);
    });
  });
});
