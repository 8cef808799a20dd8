import type { LaceworkFrameworkReport, LaceworkReports } from '../../domain/lacework-report';
import type { LaceworkFrameworkResult } from '../../domain/partial.schema';
import type { ObjectStore } from '../../platform/storage/object-store.port';
import { describeError } from '../../shared/describe-error';
import type { Log } from '../../shared/log.port';
import { silentLog } from '../../shared/log.port';
import { readAlertsPartial } from '../alerts/alerts-partial';
import type { LaceworkApi } from '../lacework-api.port';
import { buildComplianceRows, type ComplianceRowOptions } from './compliance-rows';
import { FrameworkTotals } from './framework-aggregation';
import { frameworkPolicyIds, pickFramework } from './framework-definition';
import { frameworkStem } from './framework-stem';
import type { PolicyCatalog } from './policy-catalog';

/** Ports of {@link FrameworkAccumulator.finish}. */
export interface FrameworkFinishDeps {
  api: Pick<LaceworkApi, 'listReportDefinitions'>;
  catalog: PolicyCatalog;
  log?: Log;
  /** @default 4 - policy lookups in flight at once */
  concurrency?: number;
  rowOptions?: ComplianceRowOptions;
}

/** Folds the accounts' Lacework results while the merger streams partials, then builds each framework's rows. */
export interface FrameworkAccumulator {
  /** One account's `lacework.frameworks` (undefined when its partial has none). A second call for an account is ignored. */
  add(accountId: string, results: readonly LaceworkFrameworkResult[] | undefined): void;
  /** The frameworks' reports (unknown frameworks left out) and every error as a line; never throws for Lacework. */
  finish(deps: FrameworkFinishDeps): Promise<{ frameworks: LaceworkFrameworkReport[]; errors: string[] }>;
}

const MAX_LISTED = 5;
const listed = (items: readonly string[]): string =>
  items.slice(0, MAX_LISTED).join('; ') + (items.length > MAX_LISTED ? ` (+${items.length - MAX_LISTED} more)` : '');

/**
 * The merger's side of the framework report (the legacy mapping tool's per-account sums, their total and the rows):
 *
 * 1. `add` per account: an `ok` result is folded into that framework's sums; `no-report` leaves the account out;
 *    `error` leaves it out and is remembered for the errors.
 * 2. `finish`: `GET /ReportDefinitions` once; for each framework its definition (an unknown name is an error that lists
 *    the available names, and that framework gets no CSV), its policy ids, their details through the catalog, and the
 *    rows. Definitions unavailable → no framework report, one error.
 *
 * @example
 * const acc = createFrameworkAccumulator(['AWS ISO 27001:2013']);
 * for (const p of partials) acc.add(p.accountId, p.lacework?.frameworks);
 * const { frameworks, errors } = await acc.finish({ api, catalog });
 */
export const createFrameworkAccumulator = (frameworkNames: readonly string[]): FrameworkAccumulator => {
  const names = [...new Set(frameworkNames)];
  const totals = new Map(names.map((name) => [name, new FrameworkTotals()]));
  const failures = new Map<string, string[]>(names.map((name) => [name, []]));
  const seen = new Set<string>();

  const add: FrameworkAccumulator['add'] = (accountId, results) => {
    if (seen.has(accountId)) return;
    seen.add(accountId);
    for (const result of results ?? []) {
      if (result.status === 'ok') totals.get(result.reportName)?.add(accountId, result.recommendations);
      if (result.status === 'error')
        failures.get(result.reportName)?.push(`${accountId}: ${result.error ?? 'unknown error'}`);
    }
  };

  const finish: FrameworkAccumulator['finish'] = async ({
    api,
    catalog,
    log = silentLog,
    concurrency = 4,
    rowOptions,
  }) => {
    const errors: string[] = [];
    for (const [name, failed] of failures) {
      if (failed.length)
        errors.push(`lacework framework "${name}": ${failed.length} account(s) left out: ${listed(failed)}`);
    }
    if (!names.length) return { frameworks: [], errors };
    let definitions: Awaited<ReturnType<LaceworkApi['listReportDefinitions']>>;
    try {
      definitions = await api.listReportDefinitions();
    } catch (error) {
      log.error('lacework framework definitions could not be fetched', { error: describeError(error) });
      return {
        frameworks: [],
        errors: [...errors, `lacework framework definitions could not be fetched: ${describeError(error)}`],
      };
    }
    const frameworks: LaceworkFrameworkReport[] = [];
    for (const name of names) {
      const framework = totals.get(name) as FrameworkTotals;
      errors.push(...framework.warnings.map((w) => `lacework framework "${name}": ${w}`));
      let policyIds: string[];
      try {
        policyIds = frameworkPolicyIds(pickFramework(definitions, name));
      } catch (error) {
        errors.push((error as Error).message);
        continue;
      }
      const details = await catalog.getMany(policyIds, concurrency);
      const failed = [...details.values()].filter((d) => d.outcome === 'error');
      if (failed.length) {
        const reasons = failed.map((d) => `${d.policyId}: ${d.error ?? 'unknown error'}`);
        errors.push(
          `lacework framework "${name}": ${failed.length} policies could not be fetched (rows read Error): ${listed(reasons)}`,
        );
      }
      const rows = buildComplianceRows(name, policyIds, framework.totalsFor(policyIds), details, rowOptions);
      frameworks.push({
        frameworkName: name,
        stem: frameworkStem(name),
        rows,
        accountsAggregated: framework.accountsAggregated,
      });
      log.info('built lacework framework report', {
        framework: name,
        rows: rows.length,
        accounts: framework.accountsAggregated,
      });
    }
    return { frameworks, errors };
  };

  return { add, finish };
};

/** Inputs of {@link buildLaceworkReports}. */
export interface BuildLaceworkReportsInput extends FrameworkFinishDeps {
  accumulator: FrameworkAccumulator;
  store: ObjectStore;
  runId: string;
  /** Read `runs/<runId>/partials/_alerts.json` (the run had a **Fetch Lacework alerts** step). */
  includeAlerts: boolean;
}

/**
 * The Lacework part of the reports: the frameworks from the accumulator and the alerts from their partial. Lacework
 * failures come back as `errors` (the AWS Config report is unaffected); only S3 read failures and bugs throw.
 */
export const buildLaceworkReports = async (input: BuildLaceworkReportsInput): Promise<LaceworkReports> => {
  const { accumulator, store, runId, includeAlerts, log = silentLog } = input;
  const built = await accumulator.finish(input);
  if (!includeAlerts) return { frameworks: built.frameworks, errors: built.errors };
  const alerts = await readAlertsPartial(store, runId, log);
  return { frameworks: built.frameworks, alerts: alerts.alerts, errors: [...built.errors, ...alerts.errors] };
};
