// Lambda entry point: the composition root runs once per cold start and fails fast on a bad environment.
import { loadEnv } from '../../core/config/env';
import { createDeps } from '../_shared/deps';
import { createNotifyDeps, loadNotifyEnv } from '../_shared/notify-deps';
import { buildNotifyFailureHandler } from './handler';

export const handler = buildNotifyFailureHandler(createNotifyDeps(createDeps(loadEnv()), loadNotifyEnv()));
