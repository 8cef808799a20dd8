import { z } from 'zod';
import type { LaceworkAlertRow } from '../../domain/lacework-report';
import type { ObjectStore } from '../../platform/storage/object-store.port';
import { describeError } from '../../shared/describe-error';
import type { Log } from '../../shared/log.port';
import { silentLog } from '../../shared/log.port';
import { alertsCsvName } from '../frameworks/framework-stem';
import type { AlertDateRange } from './alert-windows';
import { type FetchComplianceAlertsInput, fetchComplianceAlerts } from './alerts';

/** `runs/<runId>/partials/_alerts.json` (the `_` keeps it apart from the account partials, which are named by id). */
export const laceworkAlertsPartialKey = (runId: string): string => `runs/${runId}/partials/_alerts.json`;

/** One alerts CSV row as stored in the partial (the domain type `LaceworkAlertRow`, checked with `satisfies`). */
export const LaceworkAlertRowSchema = z.object({
  policyId: z.string(),
  policyTitle: z.string(),
  description: z.string(),
  remediationSteps: z.string(),
  severity: z.string(),
  resource: z.string(),
  region: z.string(),
  account: z.string(),
  dateTime: z.string(),
  alertId: z.number().int(),
}) satisfies z.ZodType<LaceworkAlertRow>;

/**
 * The **Fetch Lacework alerts** step's output, version 1. `status: 'failed'` means the alerts could not be listed
 * (`rows` is empty and `errors` says why): the merger then writes no alerts CSV rather than a misleading empty one.
 * `errors` of an `ok` partial are things that went wrong without stopping it (filter not applied, policy lookups).
 */
export const LaceworkAlertsPartialSchema = z.object({
  schemaVersion: z.literal(1),
  runId: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  reportFilter: z.string().optional(),
  status: z.enum(['ok', 'failed']),
  rows: z.array(LaceworkAlertRowSchema),
  fileName: z.string(),
  errors: z.array(z.string()),
});
export type LaceworkAlertsPartial = z.infer<typeof LaceworkAlertsPartialSchema>;

/** Inputs of {@link fetchAlertsPartial}: those of `fetchComplianceAlerts` plus the run and the bucket. */
export interface FetchAlertsPartialInput extends Omit<FetchComplianceAlertsInput, 'range'> {
  runId: string;
  range: AlertDateRange;
  store: ObjectStore;
}

/**
 * **Fetch Lacework alerts** (the Lambda's service): runs {@link fetchComplianceAlerts} and writes its result to
 * `runs/<runId>/partials/_alerts.json`. A Lacework failure (unreachable, key refused, throttled past the adapter's
 * retries) never throws: it is written as a `failed` partial with the reason. Only the S3 write can throw.
 */
export const fetchAlertsPartial = async (input: FetchAlertsPartialInput): Promise<LaceworkAlertsPartial> => {
  const { runId, range, store, log = silentLog } = input;
  const reportFilter = input.reportFilter?.trim() ? input.reportFilter : undefined;
  const base = { schemaVersion: 1 as const, runId, startDate: range.startDate, endDate: range.endDate, reportFilter };
  let partial: LaceworkAlertsPartial;
  try {
    const alerts = await fetchComplianceAlerts({ ...input, reportFilter, log });
    partial = { ...base, status: 'ok', rows: alerts.rows, fileName: alerts.fileName, errors: alerts.errors };
  } catch (error) {
    log.error('lacework alerts could not be fetched; recording it', { runId, error: describeError(error) });
    partial = {
      ...base,
      status: 'failed',
      rows: [],
      fileName: alertsCsvName(range.startDate, range.endDate, reportFilter),
      errors: [`lacework alerts could not be fetched: ${describeError(error)}`],
    };
  }
  await store.put(laceworkAlertsPartialKey(runId), JSON.stringify(partial), 'application/json');
  return partial;
};

/**
 * The merger's read of the alerts partial: the rows and file name when the fetch succeeded (an empty list still gives
 * a header-only CSV), and the errors to show. A missing, corrupt or `failed` partial gives no alerts and an error;
 * it never throws for those.
 */
export const readAlertsPartial = async (
  store: ObjectStore,
  runId: string,
  log: Log = silentLog,
): Promise<{ alerts?: { rows: LaceworkAlertRow[]; fileName: string }; errors: string[] }> => {
  const key = laceworkAlertsPartialKey(runId);
  const text = await store.getText(key);
  if (text === undefined) return { errors: [`lacework alerts were not fetched: no ${key}`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    log.warn('lacework alerts partial is not JSON', { key });
    return { errors: [`lacework alerts partial is corrupt: ${key}: ${describeError(error)}`] };
  }
  const parsed = LaceworkAlertsPartialSchema.safeParse(json);
  if (!parsed.success) {
    log.warn('lacework alerts partial does not match its schema', { key });
    return {
      errors: [`lacework alerts partial is corrupt: ${key}: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}`],
    };
  }
  const { status, rows, fileName, errors } = parsed.data;
  return status === 'ok' ? { alerts: { rows, fileName }, errors } : { errors };
};
