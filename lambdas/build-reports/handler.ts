import { createLaceworkCollectorFactory } from '../../core/lacework/lacework-report-collector';
import { BuildReportsInputSchema, buildReports } from '../../core/reports/build/build-reports.service';
import { createHandler } from '../_shared/create-handler';
import type { Deps } from '../_shared/deps';

/** **Build reports**: merges every partial (and the Lacework parts) into the workbook, CSVs, summaries and history. */
export const buildBuildReportsHandler = (deps: Deps) =>
  createHandler({
    schema: BuildReportsInputSchema,
    logger: deps.logger,
    logKeys: (input) => ({ runId: input.run.runId }),
    run: (input) =>
      buildReports(input, {
        ...deps,
        linkExpirySeconds: deps.env.LINK_EXPIRY_SECONDS,
        laceworkReports: deps.env.LACEWORK_SECRET_NAME
          ? createLaceworkCollectorFactory({ ...deps, policyCacheTtlHours: deps.env.LACEWORK_POLICY_CACHE_TTL_HOURS })
          : undefined,
      }),
  });
