// Lambda entry point: the composition root runs once per cold start and fails fast on a bad environment.
import { loadEnv } from '../../core/platform/env';
import { createDeps } from '../_shared/deps';
import { buildFetchLaceworkAlertsHandler } from './handler';

export const handler = buildFetchLaceworkAlertsHandler(createDeps(loadEnv()));
