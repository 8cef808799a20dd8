import { PostToSlackInputSchema } from '../../core/domain/notify.schema';
import { runPostToSlack } from '../../core/notify/notify-tasks';
import { createHandler } from '../_shared/create-handler';
import type { NotifyDeps } from '../_shared/notify-deps';

/** **Post to Slack**: the run's summary, once per run id; `skipped` / `not-configured` as the run and env say. */
export const buildPostToSlackHandler = (deps: NotifyDeps) =>
  createHandler({
    schema: PostToSlackInputSchema,
    logger: deps.logger,
    logKeys: (input) => ({ runId: input.run.runId }),
    run: (input) => runPostToSlack(input, deps),
  });
