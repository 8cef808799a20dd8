import { BuildReportsInputSchema, buildReports } from '../../core/services/build-reports.service';
import { createHandler } from '../_shared/create-handler';
import type { Deps } from '../_shared/deps';

/** **Build reports**: merges every partial into the workbook, the CSV and summary.json. */
export const buildBuildReportsHandler = (deps: Deps) =>
  createHandler({
    schema: BuildReportsInputSchema,
    logger: deps.logger,
    logKeys: (input) => ({ runId: input.run.runId }),
    run: (input) => buildReports(input, deps),
  });
