import { type DynamoSandbox, startDynamoSandbox } from '../../sandbox/dynamodb/dynamo-sandbox';

/** Where the local events table lives between commands (`events` writes it, `api` reads it). */
export const DEFAULT_EVENTS_DB = 'output/events-db';
/** Name of the local events table. */
export const LOCAL_EVENTS_TABLE = 'compliance-events';

/**
 * Opens the events table kept in `dir` (the sandbox's dynalite on LevelDB), creating the table the first time;
 * `dir: undefined` keeps it in memory. One process at a time may open a folder. `inWorker` runs dynalite in a worker
 * thread. Its document clients make up to 3 attempts per call.
 */
export const openLocalEventsTable = (dir: string | undefined, inWorker = false): Promise<DynamoSandbox> =>
  startDynamoSandbox({ tableName: LOCAL_EVENTS_TABLE, ...(dir ? { path: dir } : {}), inWorker, maxAttempts: 3 });
