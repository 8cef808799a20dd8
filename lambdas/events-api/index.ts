// The query API function (API Gateway REST proxy): `GET /events`, `GET /accounts/{id}/compliance`.
import { loadEventsEnv } from '../../core/events/events-env';
import { createEventsApiDeps } from './events-api-deps';
import { buildEventsApiHandler } from './handler';

export const handler = buildEventsApiHandler(createEventsApiDeps(loadEventsEnv()));
