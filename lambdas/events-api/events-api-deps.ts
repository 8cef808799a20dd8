import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoComplianceEventStore } from '../../core/events/adapters/dynamo-compliance-event-store';
import type { EventsEnv } from '../../core/events/events-env';
import { createPlatform, type PlatformOverrides } from '../_shared/platform';
import type { EventsApiDeps } from './handler';

/** Local and test overrides of {@link createEventsApiDeps}; Lambda passes none. */
export interface EventsApiDepsOverrides extends PlatformOverrides {
  /** A DocumentClient on dynalite (the CLI's `api` command). @default - the platform's (DYNAMODB_ENDPOINT if set) */
  documentClient?: DynamoDBDocumentClient;
}

/** The query API's composition root: on the platform, the events table through the DynamoDB adapter, and the logger. */
export const createEventsApiDeps = (env: EventsEnv, overrides: EventsApiDepsOverrides = {}): EventsApiDeps => {
  const { documentClient, ...platformOverrides } = overrides;
  const { logger, clients } = createPlatform(env, platformOverrides);
  return {
    logger,
    store: new DynamoComplianceEventStore(documentClient ?? clients.dynamoDocument(), env.EVENTS_TABLE_NAME),
  };
};
