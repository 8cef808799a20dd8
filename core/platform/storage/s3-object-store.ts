import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { NotFoundError } from '../../shared/errors';
import { hasAwsErrorName, toAppError } from '../aws/aws-errors';
import type { ObjectStore } from './object-store.port';

const isMissing = (err: unknown): boolean =>
  hasAwsErrorName(err, 'NoSuchKey', 'NotFound') ||
  (err as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode === 404;

/** The report bucket over S3. I/O and translation only: pages ListObjectsV2, maps NoSuchKey, wraps SDK errors. */
export class S3ObjectStore implements ObjectStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async put(key: string, body: string | Uint8Array, contentType: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
      );
    } catch (err) {
      throw toAppError(err, { service: 's3', operation: 'PutObject', target: this.uri(key) });
    }
  }

  async getText(key: string): Promise<string | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return (await out.Body?.transformToString('utf8')) ?? '';
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw toAppError(err, { service: 's3', operation: 'GetObject', target: this.uri(key) });
    }
  }

  async getStream(key: string): Promise<Readable> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      const body = out.Body;
      if (body instanceof Readable) return body;
      if (body === undefined) return Readable.from([]);
      return Readable.from([await body.transformToByteArray()]);
    } catch (err) {
      if (isMissing(err)) {
        throw new NotFoundError(`object not found: ${this.uri(key)}; check that the run that writes it finished`, {
          cause: err,
        });
      }
      throw toAppError(err, { service: 's3', operation: 'GetObject', target: this.uri(key) });
    }
  }

  async *list(prefix: string): AsyncIterable<string> {
    let token: string | undefined;
    do {
      let page: ListObjectsV2CommandOutput;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
        );
      } catch (err) {
        throw toAppError(err, { service: 's3', operation: 'ListObjectsV2', target: this.uri(prefix) });
      }
      for (const object of page.Contents ?? []) {
        if (object.Key !== undefined) yield object.Key;
      }
      token = page.NextContinuationToken;
    } while (token);
  }

  private uri(key: string): string {
    return `s3://${this.bucket}/${key}`;
  }
}
