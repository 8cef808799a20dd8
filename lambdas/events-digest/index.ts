// Lambda entry point: the composition root runs once per cold start and fails fast on a bad environment.
import { loadEventsEnv } from '../../core/events/events-env';
import { createEventsDeps } from '../_shared/events-deps';
import { buildEventsDigestHandler } from './handler';

export const handler = buildEventsDigestHandler(createEventsDeps(loadEventsEnv()));
