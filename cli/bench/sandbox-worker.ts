import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

/** The parts of a running sandbox the bench needs (what the worker sends back). */
export interface SandboxHandle {
  endpoints: { s3: string; aws: string };
  region: string;
  bucket: string;
  hubCredentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

/**
 * Starts the sandbox (a tiny scenario: only its s3rver is used) in a worker thread, so that s3rver's own CPU work is
 * not counted as the merger's: in Lambda, S3 is another machine. The worker loads the TypeScript through tsx.
 */
export const startSandboxWorker = async (): Promise<SandboxHandle> => {
  const sandboxModule = resolve(__dirname, '../../sandbox');
  const worker = new Worker(
    `
    require('tsx/cjs/api').register();
    const { parentPort } = require('node:worker_threads');
    const { generateScenario, startSandbox } = require(${JSON.stringify(sandboxModule)});
    startSandbox(generateScenario({ accounts: 1, regions: ['us-east-1'], rulesPerRegion: 1, seed: 1 })).then((sandbox) => {
      const { endpoints, region, bucket, hubCredentials } = sandbox;
      parentPort.postMessage({ endpoints, region, bucket, hubCredentials });
      parentPort.once('message', () => sandbox.stop().then(() => parentPort.close()));
    }, (error) => { throw error; });
    `,
    { eval: true },
  );
  const started = await new Promise<Omit<SandboxHandle, 'stop'>>((ok, fail) => {
    worker.once('message', ok);
    worker.once('error', fail);
  });
  return {
    ...started,
    stop: async () => {
      worker.postMessage('stop');
      await new Promise((done) => worker.once('exit', done));
    },
  };
};
