import { NotifyFailureInputSchema } from '../../core/domain/notify.schema';
import { runNotifyFailure } from '../../core/notify/notify-tasks';
import { createHandler } from '../_shared/create-handler';
import type { NotifyDeps } from '../_shared/notify-deps';

/** **Notify failure**: posts which state failed, the error, the cause and the console link to Slack. */
export const buildNotifyFailureHandler = (deps: NotifyDeps) =>
  createHandler({
    schema: NotifyFailureInputSchema,
    logger: deps.logger,
    logKeys: (input) => ({ executionName: input.execution.name, ...(input.run ? { runId: input.run.runId } : {}) }),
    run: (input) => runNotifyFailure(input, deps),
  });
