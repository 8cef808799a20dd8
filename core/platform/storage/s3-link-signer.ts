import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ValidationError } from '../../shared/errors';
import { toAppError } from '../aws/aws-errors';
import { type LinkSigner, MAX_LINK_EXPIRY_SECONDS } from './link-signer.port';

/**
 * Presigned S3 GET URLs (SigV4, query-string auth) for the report bucket. Signing is local (no request), but it needs
 * the client's credentials: links signed with a Lambda role's temporary credentials stop working when the session
 * expires, whatever the requested expiry.
 *
 * @example
 * const signer = new S3LinkSigner(clients.s3(), env.REPORT_BUCKET);
 * const url = await signer.presign('reports/2026-11-08/run-1/summary.html', 86_400);
 */
export class S3LinkSigner implements LinkSigner {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async presign(key: string, expiresInSeconds: number): Promise<string> {
    if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_LINK_EXPIRY_SECONDS) {
      throw new ValidationError(
        `invalid link expiry: ${expiresInSeconds} s; use a whole number of seconds from 1 to ${MAX_LINK_EXPIRY_SECONDS} (7 days)`,
      );
    }
    try {
      return await getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
        expiresIn: expiresInSeconds,
      });
    } catch (err) {
      throw toAppError(err, { service: 's3', operation: 'GetObject (presign)', target: `s3://${this.bucket}/${key}` });
    }
  }
}
