import type { Logger } from '@aws-lambda-powertools/logger';
import {
  AccountComplianceQuerySchema,
  EventsQuerySchema,
  parseQueryParameters,
} from '../../core/events/query/events-query.schema';
import { type EventsQueryStore, getAccountCompliance, queryEvents } from '../../core/events/query/events-query.service';
import { InvalidQueryParameterError } from '../../core/events/query/query-errors';
import { type ApiHandler, createApiHandler } from './api-handler';

/** What the query API needs: a logger and the events table (read-only calls). */
export interface EventsApiDeps {
  logger: Logger;
  store: EventsQueryStore;
}

/** The routes of the query API, as API Gateway declares them (infra/constructs/events/events-query-api.ts). */
export const EVENTS_API_ROUTES = {
  events: 'GET /events',
  accountCompliance: 'GET /accounts/{id}/compliance',
} as const;

/**
 * The query API handler: `GET /events` (history by account or rule, newest first, filtered, paged) and
 * `GET /accounts/{id}/compliance` (latest states and score). Wiring only: the services live in core/events/query.
 */
export const buildEventsApiHandler = (deps: EventsApiDeps): ApiHandler =>
  createApiHandler({
    logger: deps.logger,
    routes: {
      [EVENTS_API_ROUTES.events]: ({ query }) =>
        queryEvents(parseQueryParameters(EventsQuerySchema, query), deps.store),
      [EVENTS_API_ROUTES.accountCompliance]: ({ path, query }) => {
        if ('id' in query)
          throw new InvalidQueryParameterError('id', 'unknown parameter "id"; the account is in the path');
        const parsed = parseQueryParameters(AccountComplianceQuerySchema, { ...query, id: path.id });
        return getAccountCompliance(parsed, deps.store);
      },
    },
  });
