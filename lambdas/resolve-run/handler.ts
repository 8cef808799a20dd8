import { ResolveRunRequestSchema } from '../../core/domain/resolve-run.schema';
import { resolveRun } from '../../core/scan/resolve-run.service';
import { createHandler } from '../_shared/create-handler';
import type { Deps } from '../_shared/deps';

/** **Resolve run**: validates the execution input and resolves dates, run id, regions and filters. */
export const buildResolveRunHandler = (deps: Deps) =>
  createHandler({
    schema: ResolveRunRequestSchema,
    logger: deps.logger,
    logKeys: (request) => ({ runId: request.executionName }),
    run: async (request) =>
      resolveRun(request, {
        clock: deps.clock,
        defaults: {
          regions: deps.env.REGIONS,
          frameworks: deps.env.FRAMEWORKS,
          timeZone: deps.env.REPORT_TIME_ZONE,
          includeAccounts: deps.env.INCLUDE_ACCOUNTS,
          excludeAccounts: deps.env.EXCLUDE_ACCOUNTS,
        },
      }),
  });
