import { mkdir } from 'node:fs/promises';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EVENTS_TABLE, EVENTS_TABLE_INDEXES } from '../../core/events/table-design';
import { createAwsClientFactory } from '../../core/platform/aws/aws-clients';
import { startDynalite } from './dynalite-server';

/** Credentials dynalite accepts (it checks none); the SDK needs some. */
export const SANDBOX_DYNAMO_CREDENTIALS = { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' } as const;

/** A running dynalite with the events table. */
export interface DynamoSandbox {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  tableName: string;
  region: string;
  /** A DocumentClient on the sandbox (by default a single attempt: loopback failures are bugs). */
  documentClient(): DynamoDBDocumentClient;
  stop(): Promise<void>;
}

/** Options of {@link startDynamoSandbox}. */
export interface DynamoSandboxOptions {
  /** @default 'compliance-events' */
  tableName?: string;
  /** @default 0 (any free port) */
  port?: number;
  /** @default 'us-east-1' */
  region?: string;
  /**
   * Keeps the data in this folder (dynalite on LevelDB; one process at a time may open it) and creates the table only
   * if the folder does not hold it yet.
   * @default - in memory
   */
  path?: string;
  /** Runs dynalite in a worker thread, so the server and the SDK calls of a benchmark use two cores. @default false */
  inWorker?: boolean;
  /** Attempts of each call by the document clients. @default 1 */
  maxAttempts?: number;
}

/** Creates the events table exactly as core/events/table-design.ts describes it (all keys strings, every GSI ALL). */
export const createEventsTable = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  const keyNames = [
    EVENTS_TABLE.partitionKey,
    EVENTS_TABLE.sortKey,
    ...EVENTS_TABLE_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keyNames.map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: EVENTS_TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: EVENTS_TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: EVENTS_TABLE_INDEXES.map((i) => ({
        IndexName: i.indexName,
        KeySchema: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { TableName: tableName });
};

/** Creates the events table unless the server already holds it. */
const ensureEventsTable = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    await createEventsTable(client, tableName);
  }
};

/**
 * Starts dynalite (in memory, or kept in `path`) on loopback and creates the events table. TTL is not enforced locally
 * (dynalite does not expire items); everything else the adapter uses (conditional writes, Query on GSIs, paging)
 * behaves as DynamoDB.
 *
 * @example const db = await startDynamoSandbox(); … await db.stop();
 */
export const startDynamoSandbox = async (options: DynamoSandboxOptions = {}): Promise<DynamoSandbox> => {
  const tableName = options.tableName ?? 'compliance-events';
  const region = options.region ?? 'us-east-1';
  if (options.path) await mkdir(options.path, { recursive: true });
  const server = await startDynalite({
    ...(options.path ? { path: options.path } : {}),
    ...(options.port === undefined ? {} : { port: options.port }),
    inWorker: options.inWorker ?? false,
  });
  const endpoint = `http://127.0.0.1:${server.port}`;
  const admin = new DynamoDBClient({ region, endpoint, credentials: SANDBOX_DYNAMO_CREDENTIALS, maxAttempts: 1 });
  try {
    await (options.path ? ensureEventsTable(admin, tableName) : createEventsTable(admin, tableName));
  } finally {
    admin.destroy();
  }
  const clients: DynamoDBDocumentClient[] = [];
  return {
    endpoint,
    tableName,
    region,
    documentClient: () => {
      const client = createAwsClientFactory({
        region,
        maxAttempts: options.maxAttempts ?? 1,
        endpoints: { dynamodb: endpoint },
        hubCredentials: SANDBOX_DYNAMO_CREDENTIALS,
      }).dynamoDocument();
      clients.push(client);
      return client;
    },
    stop: async () => {
      for (const client of clients) client.destroy();
      await server.close();
    },
  };
};
