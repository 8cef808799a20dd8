import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoComplianceEventStore } from '../../core/events/adapters/dynamo-compliance-event-store';
import type { EventsEnv } from '../../core/events/events-env';
import { createDocumentClient } from '../../core/platform/aws/dynamo-client';
import { createLogger } from '../_shared/logger';
import type { EventsApiDeps } from './handler';

/** Local and test overrides of {@link createEventsApiDeps}; Lambda passes none. */
export interface EventsApiDepsOverrides {
  /** A DocumentClient on dynalite (the CLI's `api` command). @default - one from the env (DYNAMODB_ENDPOINT if set) */
  documentClient?: DynamoDBDocumentClient;
  logger?: Logger;
}

/** The query API's composition root: the events table through the DynamoDB adapter, and the logger. */
export const createEventsApiDeps = (env: EventsEnv, overrides: EventsApiDepsOverrides = {}): EventsApiDeps => {
  const client =
    overrides.documentClient ??
    createDocumentClient({
      region: env.AWS_REGION,
      maxAttempts: env.AWS_MAX_ATTEMPTS,
      ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
    });
  return {
    logger: overrides.logger ?? createLogger(env.POWERTOOLS_SERVICE_NAME),
    store: new DynamoComplianceEventStore(client, env.EVENTS_TABLE_NAME),
  };
};
