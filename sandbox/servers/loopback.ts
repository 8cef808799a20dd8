import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A started loopback server. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 at a free port and returns the server's URL and a `close` that also ends kept-alive
 * connections (the SDK clients keep theirs open, which would hold `close` until they time out).
 */
export const listenOnLoopback = async (server: Server): Promise<RunningServer> => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
