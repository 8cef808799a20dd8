import type { LaceworkScenario } from '../lacework-scenario.schema';

/** An answer of the Lacework server. `body` undefined means 204 with no body. */
export interface LaceworkAnswer {
  status: number;
  body?: unknown;
  /** The stats error code of a non-2xx answer. */
  code?: string;
}

const DAY_MS = 86_400_000;
const MAX_WINDOW_MS = 7 * DAY_MS;

/** A `{message}` error answer, as API v2 sends them. */
export const lwError = (status: number, message: string): LaceworkAnswer => ({
  status,
  body: { message },
  code: { 400: 'BadRequest', 401: 'Unauthorized', 404: 'NotFound' }[status] ?? `HTTP${status}`,
});

const notFound = (): LaceworkAnswer => lwError(404, 'Not Found');
const ok = (body: unknown): LaceworkAnswer => ({ status: 200, body });

/** `GET /CloudAccounts`, `/CloudAccounts/{type}` (a list) or `/CloudAccounts/{intgGuid}` (one object). */
export const cloudAccounts = (lw: LaceworkScenario, segment: string | undefined): LaceworkAnswer => {
  if (segment === undefined) return ok({ data: lw.cloudAccounts });
  const byGuid = lw.cloudAccounts.find((account) => account.intgGuid === segment);
  if (byGuid !== undefined) return ok({ data: byGuid });
  return ok({ data: lw.cloudAccounts.filter((account) => account.type === segment) });
};

/** `GET /ReportDefinitions` or `/ReportDefinitions/{guid}`. */
export const reportDefinitions = (lw: LaceworkScenario, guid: string | undefined): LaceworkAnswer => {
  if (guid === undefined) return ok({ data: lw.reportDefinitions });
  const definition = lw.reportDefinitions.find((d) => d.reportDefinitionGuid === guid);
  return definition === undefined ? notFound() : ok({ data: definition });
};

/** `GET /Policies/{id}`: 404 `{message}` when the scenario has no such policy. */
export const policy = (lw: LaceworkScenario, id: string | undefined): LaceworkAnswer => {
  if (id === undefined) return ok({ data: lw.policies });
  const found = lw.policies.find((p) => p.policyId === id);
  return found === undefined ? notFound() : ok({ data: found, message: 'SUCCESS' });
};

/**
 * `GET /Reports?format=json&primaryQueryId=<account>&reportName=<name>` (or `reportType=<code>`). A name that no
 * definition and no report knows answers 400, so a badly encoded name fails loudly; an account without that report
 * answers `{data: []}`.
 */
export const reports = (lw: LaceworkScenario, query: URLSearchParams): LaceworkAnswer => {
  const account = query.get('primaryQueryId');
  const reportName = query.get('reportName');
  const reportType = query.get('reportType');
  if (query.get('format') !== 'json') return lwError(400, 'the sandbox serves format=json only');
  if (!account) return lwError(400, 'primaryQueryId is required');
  if ((reportName === null) === (reportType === null)) return lwError(400, 'send either reportName or reportType');
  const name =
    reportName ?? lw.reportDefinitions.find((d) => d.reportNotificationType === reportType)?.reportName ?? undefined;
  const known =
    name !== undefined &&
    (lw.reportDefinitions.some((d) => d.reportName === name) ||
      Object.values(lw.reports).some((byName) => byName[name] !== undefined));
  if (!known) return lwError(400, `unknown report ${reportName ?? reportType}`);
  const report = lw.reports[account]?.[name];
  return ok({ data: report === undefined ? [] : [report], ok: true, message: 'SUCCESS' });
};

const parseTime = (value: string): number =>
  Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);

interface AlertsPage {
  startMs: number;
  endMs: number;
  offset: number;
}

/** Encodes the opaque token of the next alerts page (base64url; never all digits, unlike an alert id). */
export const encodeAlertsPage = (page: AlertsPage): string =>
  Buffer.from(JSON.stringify({ s: page.startMs, e: page.endMs, o: page.offset }), 'utf8').toString('base64url');

const decodeAlertsPage = (token: string): AlertsPage | undefined => {
  try {
    const v = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; e?: unknown; o?: unknown };
    const ints = [v.s, v.e, v.o].every((n) => typeof n === 'number' && Number.isInteger(n));
    return ints ? { startMs: v.s as number, endMs: v.e as number, offset: v.o as number } : undefined;
  } catch {
    return undefined;
  }
};

/** The window of a first `GET /Alerts` call: ISO times or bare dates; the last 24 hours when both are absent. */
const alertWindow = (query: URLSearchParams, nowMs: number): AlertsPage | LaceworkAnswer => {
  const start = query.get('startTime');
  const end = query.get('endTime');
  if (start === null && end === null) return { startMs: nowMs - DAY_MS, endMs: nowMs, offset: 0 };
  if (start === null || end === null) return lwError(400, 'send both startTime and endTime');
  const startMs = parseTime(start);
  const endMs = parseTime(end);
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) return lwError(400, `invalid time range ${start} to ${end}`);
  if (endMs < startMs) return lwError(400, 'endTime is before startTime');
  if (endMs - startMs > MAX_WINDOW_MS) {
    return lwError(400, `the time range ${start} to ${end} exceeds the maximum of 7 days`);
  }
  return { startMs, endMs, offset: 0 };
};

/**
 * `GET /Alerts?startTime&endTime` and its next pages `GET /Alerts/<opaque>`: the alerts whose `startTime` is in the
 * window (both ends included), by startTime then alertId, without `entityMap`; `paging` always present, `nextPage`
 * absolute (`<baseUrl>/api/v2/Alerts/<opaque>`) or null.
 */
export const alerts = (
  lw: LaceworkScenario,
  request: { query: URLSearchParams; pageToken?: string; baseUrl: string; nowMs: number; noContentWhenEmpty: boolean },
): LaceworkAnswer => {
  const window =
    request.pageToken === undefined ? alertWindow(request.query, request.nowMs) : decodeAlertsPage(request.pageToken);
  if (window === undefined) return lwError(400, 'invalid page token');
  if ('status' in window) return window;
  const matching = lw.alerts
    .filter((alert) => {
      const t = Date.parse(alert.startTime);
      return t >= window.startMs && t <= window.endMs;
    })
    .sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime) || a.alertId - b.alertId);
  if (matching.length === 0 && request.noContentWhenEmpty) return { status: 204 };
  const size = lw.alertsPageSize;
  const data = matching.slice(window.offset, window.offset + size).map(({ entityMap: _omitted, ...alert }) => alert);
  const nextOffset = window.offset + size;
  const nextPage =
    nextOffset < matching.length
      ? `${request.baseUrl}/api/v2/Alerts/${encodeAlertsPage({ ...window, offset: nextOffset })}`
      : null;
  return ok({ paging: { rows: size, totalRows: matching.length, urls: { nextPage } }, data });
};

/** `GET /Alerts/{id}?scope=Details`: the full alert, `entityMap` included. */
export const alertDetails = (lw: LaceworkScenario, id: number, scope: string | null): LaceworkAnswer => {
  if (scope === null) return lwError(400, 'scope is required (Details, Investigation, Events, ...)');
  const alert = lw.alerts.find((a) => a.alertId === id);
  if (alert === undefined) return notFound();
  return ok({ data: scope === 'Details' ? alert : [] });
};
