import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import AWSAccount from 's3rver/lib/models/account';
import type { RunningServer } from './aws-server';
import { HUB_CREDENTIALS } from './credentials';

/**
 * Starts s3rver in-process on 127.0.0.1 (a free port), silent, storing objects in a fresh temporary directory that
 * `close()` removes, with `bucket` created. The hub's static key is registered so that it can sign S3 calls too.
 * Clients need `forcePathStyle: true` and `requestChecksumCalculation`/`responseChecksumValidation: 'WHEN_REQUIRED'`
 * (otherwise a streamed body is stored with its aws-chunked framing).
 */
export const startS3Server = async (bucket: string): Promise<RunningServer> => {
  const directory = await mkdtemp(join(tmpdir(), 'sandbox-s3-'));
  AWSAccount.DUMMY_ACCOUNT.createKeyPair(HUB_CREDENTIALS.accessKeyId, HUB_CREDENTIALS.secretAccessKey);
  const s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await s3.run();
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      const closing = s3.close();
      s3.httpServer?.closeAllConnections();
      await closing;
      await rm(directory, { recursive: true, force: true });
    },
  };
};
