import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import dynalite from 'dynalite';

/** A dynalite server listening on loopback. */
export interface DynaliteServer {
  port: number;
  close(): Promise<void>;
}

/** Options of {@link startDynalite}. */
export interface DynaliteServerOptions {
  /** Keeps the data in this folder (LevelDB); absent: in memory. */
  path?: string;
  /** @default 0 (any free port) */
  port?: number;
  /** Runs dynalite in a worker thread, so the server and the SDK calls of a benchmark use two cores. */
  inWorker?: boolean;
}

/** Table operations take no simulated time. */
const INSTANT = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };

const WORKER_CODE = `
const dynalite = require('dynalite');
const { parentPort, workerData } = require('node:worker_threads');
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...workerData.options });
server.listen(workerData.port, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

const startInWorker = async (path: string | undefined, port: number): Promise<DynaliteServer> => {
  const worker = new Worker(WORKER_CODE, { eval: true, workerData: { options: path ? { path } : {}, port } });
  const listening = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { port: listening, close: async () => void (await worker.terminate()) };
};

/** Starts dynalite on 127.0.0.1 (in this thread, or in a worker thread with `inWorker`). */
export const startDynalite = async (options: DynaliteServerOptions = {}): Promise<DynaliteServer> => {
  const port = options.port ?? 0;
  if (options.inWorker) return startInWorker(options.path, port);
  const server = dynalite({ ...INSTANT, ...(options.path ? { path: options.path } : {}) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
};
