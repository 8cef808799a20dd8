import { CreateJiraTicketInputSchema } from '../../core/domain/notify.schema';
import { runCreateJiraTicket } from '../../core/notify/notify-tasks';
import { createHandler } from '../_shared/create-handler';
import type { NotifyDeps } from '../_shared/notify-deps';

/** **Create Jira ticket**: the run's review ticket with the workbook, reused on reruns (run id label). */
export const buildCreateJiraTicketHandler = (deps: NotifyDeps) =>
  createHandler({
    schema: CreateJiraTicketInputSchema,
    logger: deps.logger,
    logKeys: (input) => ({ runId: input.run.runId }),
    run: (input) => runCreateJiraTicket(input, deps),
  });
