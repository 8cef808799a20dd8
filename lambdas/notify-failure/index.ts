// Lambda entry point: the composition root runs once per cold start and fails fast on a bad environment.
import { loadEnv } from '../../core/platform/env';
import { createDeps } from '../_shared/deps';
import { createNotifyDeps } from '../_shared/notify-deps';
import { buildNotifyFailureHandler } from './handler';

const deps = createDeps(loadEnv());
export const handler = buildNotifyFailureHandler(createNotifyDeps(deps, deps.env));
