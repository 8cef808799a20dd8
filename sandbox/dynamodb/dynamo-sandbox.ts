import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { EVENTS_TABLE, EVENTS_TABLE_INDEXES } from '../../core/events/table-design';
import { createAwsClientFactory } from '../../core/platform/aws/aws-clients';

/** Credentials dynalite accepts (it checks none); the SDK needs some. */
export const SANDBOX_DYNAMO_CREDENTIALS = { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' } as const;

/** A running dynalite with the events table. */
export interface DynamoSandbox {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  tableName: string;
  region: string;
  /** A DocumentClient on the sandbox (single attempt: loopback failures are bugs). */
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

/**
 * Starts dynalite (in memory) on loopback and creates the events table. TTL is not enforced locally (dynalite does
 * not expire items); everything else the adapter uses (conditional writes, Query on GSIs, paging) behaves as DynamoDB.
 *
 * @example const db = await startDynamoSandbox(); … await db.stop();
 */
export const startDynamoSandbox = async (options: DynamoSandboxOptions = {}): Promise<DynamoSandbox> => {
  const tableName = options.tableName ?? 'compliance-events';
  const region = options.region ?? 'us-east-1';
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const admin = new DynamoDBClient({ region, endpoint, credentials: SANDBOX_DYNAMO_CREDENTIALS, maxAttempts: 1 });
  try {
    await createEventsTable(admin, tableName);
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
        region: region,
        maxAttempts: 1,
        endpoints: { dynamodb: endpoint },
        hubCredentials: SANDBOX_DYNAMO_CREDENTIALS,
      }).dynamoDocument();
      clients.push(client);
      return client;
    },
    stop: async () => {
      for (const client of clients) client.destroy();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
};
