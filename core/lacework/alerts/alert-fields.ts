import type { LaceworkAlert, LaceworkAlertDetails } from '../../domain/lacework.schema';
import { pyTitle } from '../python-compat';

/** The alert columns that come from the alert itself (the policy columns come from the catalog). */
export interface AlertFields {
  policyId: string;
  resource: string;
  region: string;
  account: string;
  severity: string;
  dateTime: string;
  alertId: number;
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const field = (source: unknown, name: string): string | undefined =>
  isObject(source) ? text(source[name]) : undefined;

/** The first non-empty string of `name` on the list alert, then on the details. */
const topLevel = (alert: Loose, details: Loose, name: string): string | undefined =>
  field(alert, name) ?? field(details, name);

/** `entityMap.Resource[].KEY` objects of the details. */
const resourceKeys = (details: Loose): Loose[] => {
  const entities = isObject(details.entityMap) ? details.entityMap.Resource : undefined;
  return Array.isArray(entities) ? entities.map((e) => (isObject(e) && isObject(e.KEY) ? e.KEY : {})) : [];
};

const isAwsArn = (resource: string): boolean => resource.startsWith('arn:aws:');

const resourceOf = (alert: Loose, details: Loose, keys: Loose[]): string => {
  const fromEntities = keys.flatMap((key) => {
    const resource = text(key.resource);
    if (!resource) return [];
    const accountId = text(key.account_id);
    if (!isAwsArn(resource) || !accountId) return [resource];
    const alias = text(key.account_alias);
    return [`${resource} (Account: ${accountId}${alias ? `, Alias: ${alias}` : ''})`];
  });
  if (fromEntities.length) return fromEntities.join('\n');
  const fromData = Array.isArray(details.data) ? details.data.flatMap((d) => field(d, 'resource') ?? []) : [];
  if (fromData.length) return fromData.join('\n');
  return topLevel(alert, details, 'resource') ?? 'Unknown';
};

const accountOf = (alert: Loose, details: Loose, keys: Loose[]): string => {
  const accounts = keys.flatMap((key) => {
    const resource = text(key.resource);
    const accountId = text(key.account_id);
    if (!resource || !isAwsArn(resource) || !accountId) return [];
    const alias = text(key.account_alias);
    return [alias ? `${accountId} (${alias})` : accountId];
  });
  return accounts.length ? accounts.join('\n') : (topLevel(alert, details, 'account') ?? 'Unknown');
};

/**
 * The alert's own columns, as the final CSV version of the legacy Alert Reporting tool mapped them
 * (`script/lacework_alert_reporting.py` at adb21fd in https://github.com/andrewbearsley/lacework-alert-reporting):
 * - Policy ID: `policyId`, else `data.policyId`, else `data.REC_ID`, else `Unknown` (list alert first, then details).
 * - Resource: each `entityMap.Resource[i].KEY.resource`; an `arn:aws:` one gains ` (Account: <id>, Alias: <alias>)` or
 *   ` (Account: <id>)`; joined with `\n`. Fallbacks: the details' `data[].resource`, then top-level `resource`,
 *   else `Unknown`. A resource with no `account_id` is written bare [assumption: the legacy code for it is not known].
 * - Region: every non-empty `KEY.resource_region` joined with `\n` (not de-duplicated), else top-level `region`,
 *   else `Unknown`.
 * - Account: for `arn:aws:` resources only, `<id> (<alias>)` or `<id>`, joined with `\n`; else top-level `account`,
 *   else `Unknown`.
 * - Severity: `severity.title()`, else `Unknown`. Date/Time: `startTime` as returned. Alert ID: the number.
 *
 * `details` is undefined when the details call failed (the legacy `{}`): list fields are used.
 */
export const mapAlertFields = (alert: LaceworkAlert, details: LaceworkAlertDetails | undefined): AlertFields => {
  const listed: Loose = alert;
  const full: Loose = details ?? {};
  const keys = resourceKeys(full);
  const regions = keys.flatMap((key) => text(key.resource_region) ?? []);
  const severity = topLevel(listed, full, 'severity');
  return {
    policyId:
      topLevel(listed, full, 'policyId') ??
      field(listed.data, 'policyId') ??
      field(listed.data, 'REC_ID') ??
      field(full.data, 'policyId') ??
      field(full.data, 'REC_ID') ??
      'Unknown',
    resource: resourceOf(listed, full, keys),
    region: regions.length ? regions.join('\n') : (topLevel(listed, full, 'region') ?? 'Unknown'),
    account: accountOf(listed, full, keys),
    severity: severity ? pyTitle(severity) : 'Unknown',
    dateTime: alert.startTime,
    alertId: alert.alertId,
  };
};
