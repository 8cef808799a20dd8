import type { ResolvedRun } from '../../domain/resolve-run.schema';
import type { Clock } from '../../platform/clock.port';
import type { ObjectStore } from '../../platform/storage/object-store.port';
import { describeError } from '../../shared/describe-error';
import type { Log } from '../../shared/log.port';
import { createPolicyCatalog } from '../frameworks/policy-catalog';
import type { LaceworkApi } from '../lacework-api.port';
import { fetchAlertsPartial, laceworkAlertsPartialKey } from './alerts-partial';

/** Ports and settings of {@link fetchLaceworkAlerts}. */
export interface FetchLaceworkAlertsDeps {
  lacework: () => Promise<LaceworkApi | undefined>;
  store: ObjectStore;
  clock: Clock;
  log: Log;
  /** Keep only this framework's alerts (the legacy `-r`); undefined: every compliance alert. */
  reportFilter?: string;
  policyCacheTtlHours: number;
}

/** What **Fetch Lacework alerts** returns to the workflow: small, never the alerts themselves. */
export interface FetchLaceworkAlertsResult {
  status: 'ok' | 'failed' | 'not-configured';
  key?: string;
  count: number;
  errors: string[];
}

/**
 * **Fetch Lacework alerts**: the org-wide Lacework compliance alerts of the run's range.
 *
 * 1. Lacework not configured (no key secret) → `not-configured`, nothing written.
 * 2. The key cannot be read → a `failed` result with the reason (the report goes on without alerts).
 * 3. Otherwise fetch in ≤ 7-day windows, enrich through the S3 policy cache, and write
 *    `runs/<runId>/partials/_alerts.json` (a Lacework failure is written there as `failed`, not thrown).
 */
export const fetchLaceworkAlerts = async (
  run: ResolvedRun,
  deps: FetchLaceworkAlertsDeps,
): Promise<FetchLaceworkAlertsResult> => {
  let api: LaceworkApi | undefined;
  try {
    api = await deps.lacework();
  } catch (error) {
    deps.log.error('lacework API key could not be read; the report goes on without alerts', {
      error: describeError(error),
    });
    return { status: 'failed', count: 0, errors: [describeError(error)] };
  }
  if (!api) return { status: 'not-configured', count: 0, errors: [] };
  const partial = await fetchAlertsPartial({
    api,
    runId: run.runId,
    range: { startDate: run.startDate, endDate: run.endDate },
    reportFilter: deps.reportFilter,
    catalog: createPolicyCatalog({
      api,
      store: deps.store,
      clock: deps.clock,
      log: deps.log,
      ttlHours: deps.policyCacheTtlHours,
    }),
    store: deps.store,
    log: deps.log,
  });
  deps.log.info('fetched lacework alerts', { status: partial.status, alerts: partial.rows.length });
  return {
    status: partial.status,
    key: laceworkAlertsPartialKey(run.runId),
    count: partial.rows.length,
    errors: partial.errors,
  };
};
