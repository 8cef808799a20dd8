import { ResolvedRunSchema } from '../../core/domain/resolve-run.schema';
import { listAccounts } from '../../core/scan/list-accounts.service';
import { createHandler } from '../_shared/create-handler';
import type { Deps } from '../_shared/deps';

/** **List accounts**: the organization's active accounts after filters, written to `runs/<runId>/accounts.json`. */
export const buildListAccountsHandler = (deps: Deps) =>
  createHandler({
    schema: ResolvedRunSchema,
    logger: deps.logger,
    logKeys: (run) => ({ runId: run.runId }),
    run: (run) => listAccounts(run, deps),
  });
