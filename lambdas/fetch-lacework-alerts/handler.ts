import { ResolvedRunSchema } from '../../core/domain/resolve-run.schema';
import { fetchLaceworkAlerts } from '../../core/lacework/alerts/fetch-lacework-alerts.service';
import { createHandler } from '../_shared/create-handler';
import type { Deps } from '../_shared/deps';

/** **Fetch Lacework alerts**: org-wide compliance alerts of the range → `runs/<runId>/partials/_alerts.json`. */
export const buildFetchLaceworkAlertsHandler = (deps: Deps) =>
  createHandler({
    schema: ResolvedRunSchema,
    logger: deps.logger,
    logKeys: (run) => ({ runId: run.runId }),
    run: (run) =>
      fetchLaceworkAlerts(run, {
        ...deps,
        reportFilter: deps.env.LACEWORK_ALERTS_FRAMEWORK,
        policyCacheTtlHours: deps.env.LACEWORK_POLICY_CACHE_TTL_HOURS,
      }),
  });
