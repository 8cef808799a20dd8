import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Options of {@link createDocumentClient}. */
export interface DocumentClientOptions {
  region: string;
  maxAttempts: number;
  /** dynalite's loopback URL locally. @default - the regional endpoint */
  endpoint?: string;
  /** Static credentials for the local endpoint. @default - the SDK default chain */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * The DocumentClient for the events table: adaptive retry, `undefined` attributes dropped (optional fields), numbers
 * as JS numbers (TTL epoch seconds and counts are small).
 */
export const createDocumentClient = (options: DocumentClientOptions): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: options.region,
      maxAttempts: options.maxAttempts,
      retryMode: 'adaptive',
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
