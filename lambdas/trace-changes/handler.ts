import { TraceAccountInputSchema, traceAccount } from '../../core/trace/changes/trace-account.service';
import { createHandler } from '../_shared/create-handler';
import type { Deps } from '../_shared/deps';

/** **Trace changes**: who made the account's resources non-compliant → `runs/<runId>/traces/<accountId>.json`. */
export const buildTraceChangesHandler = (deps: Deps) =>
  createHandler({
    schema: TraceAccountInputSchema,
    logger: deps.logger,
    logKeys: (input) => ({ runId: input.runId, accountId: input.accountId }),
    run: (input) => traceAccount(input, { ...deps, limit: deps.env.TRACE_LIMIT }),
  });
