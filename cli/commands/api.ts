import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { loadEventsEnv } from '../../core/events/events-env';
import { createLogger, type LogLevel } from '../../lambdas/_shared/logger';
import { createEventsApiDeps } from '../../lambdas/events-api/events-api-deps';
import { buildEventsApiHandler } from '../../lambdas/events-api/handler';
import { localContext } from '../local/lambda-context';
import { DEFAULT_EVENTS_DB, openLocalEventsTable } from '../local/local-events-table';
import { toProxyEvent } from '../local/proxy-event';
import { parseCliArgs } from '../options/parse-cli-args';

const API_USAGE = `usage: npm run api -- [--port N] [--db <dir>] [--log-level LEVEL]

Serves the compliance events query API on http://127.0.0.1:<port> (default 8787) with the real events-api handler,
against the local table \`npm run events -- --replay <file>\` filled (--db, default ${DEFAULT_EVENTS_DB}):
  GET /events?account=<id>&rule=&region=&resourceType=&resourceId=&complianceType=&from=&to=&limit=&cursor=
  GET /accounts/<id>/compliance?limit=&cursor=
Locally there is no SigV4; in AWS the API requires IAM authorisation. Ctrl-C stops it.
`;

const ApiOptionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65_535).default(8787),
  db: z.string().min(1).default(DEFAULT_EVENTS_DB),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
});
/** Options of {@link startLocalApi}. */
export type ApiOptions = z.output<typeof ApiOptionsSchema>;

/** A running local query API. */
export interface LocalApi {
  url: string;
  stop(): Promise<void>;
}

/** Starts the local query API: node:http → the real events-api handler → DynamoDB adapter → the local table. */
export const startLocalApi = async (options: ApiOptions): Promise<LocalApi> => {
  const table = await openLocalEventsTable(options.db);
  const env = loadEventsEnv({ EVENTS_TABLE_NAME: table.tableName, AWS_REGION: 'us-east-1' });
  const logger = createLogger('compliance-events-api', options.logLevel as LogLevel);
  const handler = buildEventsApiHandler(createEventsApiDeps(env, { documentClient: table.documentClient(), logger }));
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const result = await handler(toProxyEvent(req.method ?? 'GET', req.url ?? '/'), localContext('events-api'));
    res.writeHead(result.statusCode, (result.headers ?? {}) as Record<string, string>);
    res.end(result.body);
  };
  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await table.stop();
    },
  };
};

/** `npm run api`: serves until Ctrl-C. */
export const main = async (argv: string[]): Promise<void> => {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(API_USAGE);
    return;
  }
  const options = parseCliArgs(
    argv,
    { port: { type: 'string' }, db: { type: 'string' }, 'log-level': { type: 'string' } },
    ApiOptionsSchema,
    API_USAGE,
  );
  const api = await startLocalApi(options);
  process.stdout.write(
    `query API on ${api.url} (table in ${options.db})\n  curl '${api.url}/events?account=111111111111&limit=5'\n  curl '${api.url}/accounts/111111111111/compliance'\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await api.stop();
};
