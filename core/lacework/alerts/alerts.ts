import type { LaceworkAlert, LaceworkAlertDetails } from '../../domain/lacework.schema';
import type { LaceworkAlertRow } from '../../domain/lacework-report';
import { describeError } from '../../shared/describe-error';
import type { Log } from '../../shared/log.port';
import { silentLog } from '../../shared/log.port';
import { mapWithConcurrency } from '../../shared/map-with-concurrency';
import { frameworkPolicyIds, resolveFramework } from '../frameworks/framework-definition';
import { alertsCsvName } from '../frameworks/framework-stem';
import type { PolicyCatalog } from '../frameworks/policy-catalog';
import type { LaceworkApi } from '../lacework-api.port';
import { mapAlertFields } from './alert-fields';
import { type AlertDateRange, alertWindows } from './alert-windows';
import { sortAlertRows } from './alerts-csv';

/** Inputs of {@link fetchComplianceAlerts}. */
export interface FetchComplianceAlertsInput {
  api: Pick<LaceworkApi, 'listAlerts' | 'getAlertDetails' | 'listReportDefinitions'>;
  range: AlertDateRange;
  /** A framework `reportName`: keep only its policies' alerts, and suffix the file name. Blank means no filter. */
  reportFilter?: string;
  catalog: PolicyCatalog;
  log?: Log;
  /** @default 4 - detail and policy calls in flight at once */
  concurrency?: number;
}

/** Counts for logs and the summary. */
export interface ComplianceAlertStats {
  windows: number;
  listed: number;
  duplicates: number;
  compliance: number;
  kept: number;
  detailsMissing: number;
}

/** The alerts report: sorted rows, the CSV file name, counts, and what went wrong without stopping it. */
export interface ComplianceAlerts {
  rows: LaceworkAlertRow[];
  fileName: string;
  stats: ComplianceAlertStats;
  errors: string[];
}

const isCompliance = (alert: LaceworkAlert): boolean =>
  alert.derivedFields?.sub_category?.toLowerCase() === 'compliance';

/** Every window, every page, de-duplicated by alertId (first seen wins). Listing failures propagate. */
const listAll = async (api: FetchComplianceAlertsInput['api'], range: AlertDateRange) => {
  const windows = alertWindows(range);
  const byId = new Map<number, LaceworkAlert>();
  let listed = 0;
  for (const window of windows) {
    for await (const alert of api.listAlerts(window)) {
      listed += 1;
      if (!byId.has(alert.alertId)) byId.set(alert.alertId, alert);
    }
  }
  return { windows: windows.length, listed, alerts: [...byId.values()] };
};

/** The filter's policy ids, or undefined (keep every alert) with the reason in `errors`: fail-open, as the legacy tool. */
const filterPolicies = async (
  api: FetchComplianceAlertsInput['api'],
  reportFilter: string,
  errors: string[],
): Promise<Set<string> | undefined> => {
  try {
    const ids = frameworkPolicyIds(await resolveFramework(api, reportFilter, { trim: true }));
    if (ids.length) return new Set(ids);
    errors.push(
      `lacework alerts filter "${reportFilter}" not applied (every compliance alert kept): it has no policies`,
    );
  } catch (error) {
    errors.push(
      `lacework alerts filter "${reportFilter}" not applied (every compliance alert kept): ${describeError(error)}`,
    );
  }
  return undefined;
};

/**
 * **Fetch Lacework alerts**: the compliance alerts of a date range as rows of `lacework_alerts_<start>_to_<end>.csv`.
 *
 * 1. `GET /Alerts` over windows of ≤ 7 days covering the inclusive UTC days, every page; de-duplicate by alertId.
 *    A window that cannot be listed **throws** (an incomplete list must not pass for a complete one).
 * 2. Keep `derivedFields.sub_category` equal to `compliance` in any case. The legacy `is_compliance_policy` drop
 *    (policy type / title keywords) is not applied: the report keeps every compliance alert.
 * 3. With `reportFilter`: keep alerts whose policy id is in that framework (name matched after trimming). If the
 *    definition cannot be fetched, is unknown or has no policies, every alert is kept and an error says why
 *    (fail-open, as the legacy tool).
 * 4. Details per alert (`getAlertDetails`, at most `concurrency` at once); a failure or 404 falls back to the list
 *    fields (the legacy `{}`).
 * 5. Enrich through the policy catalog: title (`Unknown` when not found or failed), description and remediation
 *    (`N/A`). A failed policy fetch is also reported in `errors`.
 * 6. Map the fields ({@link mapAlertFields}) and sort (severity rank, Date/Time, Alert ID).
 */
export const fetchComplianceAlerts = async (input: FetchComplianceAlertsInput): Promise<ComplianceAlerts> => {
  const { api, range, catalog, log = silentLog, concurrency = 4 } = input;
  const reportFilter = input.reportFilter?.trim() ? input.reportFilter : undefined;
  const errors: string[] = [];
  const listing = await listAll(api, range);
  const compliance = listing.alerts.filter(isCompliance);
  const policies = reportFilter === undefined ? undefined : await filterPolicies(api, reportFilter, errors);
  const kept = policies ? compliance.filter((a) => policies.has(mapAlertFields(a, undefined).policyId)) : compliance;

  let detailsMissing = 0;
  const details = await mapWithConcurrency(
    kept,
    concurrency,
    async (alert): Promise<LaceworkAlertDetails | undefined> => {
      try {
        const found = await api.getAlertDetails(alert.alertId);
        if (!found) detailsMissing += 1;
        return found;
      } catch (error) {
        detailsMissing += 1;
        log.warn('lacework alert details failed; using the list fields', {
          alertId: alert.alertId,
          error: describeError(error),
        });
        return undefined;
      }
    },
  );
  const fields = kept.map((alert, i) => mapAlertFields(alert, details[i]));
  const ids = [...new Set(fields.map((f) => f.policyId).filter((id) => id !== 'Unknown'))];
  const catalogued = await catalog.getMany(ids, concurrency);
  for (const policy of catalogued.values()) {
    if (policy.outcome === 'error') {
      errors.push(`lacework policy ${policy.policyId} could not be fetched (its alerts read Unknown): ${policy.error}`);
    }
  }
  const rows = fields.map((f): LaceworkAlertRow => {
    const policy = catalogued.get(f.policyId);
    const found = policy?.outcome === 'found' ? policy : undefined;
    return {
      policyId: f.policyId,
      policyTitle: found?.title || 'Unknown',
      description: found?.description || 'N/A',
      remediationSteps: found?.remediation || 'N/A',
      severity: f.severity,
      resource: f.resource,
      region: f.region,
      account: f.account,
      dateTime: f.dateTime,
      alertId: f.alertId,
    };
  });
  const stats: ComplianceAlertStats = {
    windows: listing.windows,
    listed: listing.listed,
    duplicates: listing.listed - listing.alerts.length,
    compliance: compliance.length,
    kept: kept.length,
    detailsMissing,
  };
  log.info('fetched lacework compliance alerts', { ...stats });
  return {
    rows: sortAlertRows(rows),
    fileName: alertsCsvName(range.startDate, range.endDate, reportFilter),
    stats,
    errors,
  };
};
