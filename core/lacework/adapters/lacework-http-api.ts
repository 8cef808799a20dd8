import type { z } from 'zod';
import type {
  LaceworkAlert,
  LaceworkAlertDetails,
  LaceworkApiKey,
  LaceworkCloudAccount,
  LaceworkComplianceReport,
  LaceworkPolicy,
  LaceworkReportDefinition,
} from '../../domain/lacework.schema';
import { type Clock, systemClock } from '../../platform/clock.port';
import type { HttpAnswer, HttpTransport } from '../../platform/http/http-transport';
import { Redactor } from '../../platform/http/redact';
import { ExternalServiceError, NotFoundError, ValidationError } from '../../shared/errors';
import type { Log } from '../../shared/log.port';
import { realSleep, type Sleep } from '../../shared/sleep';
import { parseWith } from '../../shared/validation';
import type { AlertWindow, LaceworkApi } from '../lacework-api.port';
import { laceworkAccountName, laceworkBaseUrl } from './lacework-base-url';
import {
  AlertDetailsResponseSchema,
  AlertsPageSchema,
  CloudAccountsResponseSchema,
  PolicyResponseSchema,
  ReportDefinitionsResponseSchema,
  ReportsResponseSchema,
} from './lacework-envelopes';
import { createLaceworkTransport, LACEWORK_SERVICE, laceworkRetryPolicy } from './lacework-http-rules';
import { LaceworkTokenProvider, refusedKeyError } from './lacework-token';

/** The widest alert window the API accepts (go-sdk `V2ApiMaxSearchWindowDays`). */
export const MAX_ALERT_WINDOW_MS = 7 * 86_400_000;
/** Pages followed at most per `listAlerts` call: a guard against a server that loops. */
const MAX_PAGES = 10_000;

/** Options of {@link LaceworkHttpApi}. */
export interface LaceworkHttpApiOptions {
  /** The API key (console JSON). Never logged, never put in an error. */
  key: LaceworkApiKey;
  /**
   * Where the key came from (secret name or file path), named in the "refused the API key" error.
   * @default - `the Lacework API key`
   */
  keySource?: string;
  /** @default - `https://{account}.lacework.net`, the account normalised as the SDKs do (the sandbox passes its URL) */
  baseUrl?: string;
  /** @default - the global `fetch` */
  fetch?: typeof fetch;
  /** Decides when the token is renewed. @default - the system clock */
  clock?: Clock;
  /** Waits between attempts (tests record the waits instead). @default - `setTimeout` */
  sleep?: Sleep;
  /** Attempts per call, the first included, for 429, 5xx and network failures. @default - 5 */
  maxAttempts?: number;
  /** The backoff jitter source, a float in [0, 1). @default - `Math.random` */
  random?: () => number;
  /** Time limit of one HTTP attempt. @default - 30 000 ms */
  timeoutMs?: number;
  /** @default - a log that drops everything */
  log?: Log;
}

/**
 * {@link LaceworkApi} over the Lacework REST API v2 (`https://<account>.lacework.net/api/v2/…`): bearer token from the
 * API key (renewed before it expires, and once more when a call answers 401), absolute `nextPage` paging, bounded
 * retries of 429/5xx/network failures with `Retry-After` honoured, every body parsed with zod. The secret and the
 * tokens are redacted from every error text and are never attached to an error.
 *
 * @example
 * const api = new LaceworkHttpApi({ key: await loadLaceworkKeyFile('keys/lw.json'), keySource: 'keys/lw.json' });
 * for await (const alert of api.listAlerts({ start, end })) console.log(alert.alertId);
 */
export class LaceworkHttpApi implements LaceworkApi {
  private readonly account: string;
  private readonly baseUrl: string;
  private readonly tokens: LaceworkTokenProvider;
  private readonly transport: HttpTransport;

  constructor(private readonly options: LaceworkHttpApiOptions) {
    const { key } = options;
    this.account = laceworkAccountName(key.account);
    this.baseUrl = (options.baseUrl ?? laceworkBaseUrl(key.account)).replace(/\/+$/, '');
    const clock = options.clock ?? systemClock;
    // The tokens join the secret as they are issued.
    const redactor = new Redactor([key.secret]);
    this.transport = createLaceworkTransport(
      {
        fetch: options.fetch ?? globalThis.fetch,
        sleep: options.sleep ?? realSleep,
        service: LACEWORK_SERVICE,
        policy: laceworkRetryPolicy(Math.max(1, options.maxAttempts ?? 5), options.timeoutMs ?? 30_000),
        random: options.random ?? Math.random,
        now: () => clock.now().getTime(),
        ...(options.log ? { log: options.log } : {}),
      },
      redactor,
    );
    this.tokens = new LaceworkTokenProvider({
      key,
      account: this.account,
      keySource: options.keySource ?? 'the Lacework API key',
      transport: this.transport,
      tokenUrl: `${this.baseUrl}/api/v2/access/tokens`,
      redactor,
      clock,
    });
  }

  async listAwsCloudAccounts(): Promise<LaceworkCloudAccount[]> {
    const res = await this.get('/api/v2/CloudAccounts/AwsCfg');
    return this.parse(CloudAccountsResponseSchema, res, 'CloudAccounts/AwsCfg').data;
  }

  async listReportDefinitions(): Promise<LaceworkReportDefinition[]> {
    const res = await this.get('/api/v2/ReportDefinitions');
    return this.parse(ReportDefinitionsResponseSchema, res, 'ReportDefinitions').data;
  }

  async getPolicy(policyId: string): Promise<LaceworkPolicy | undefined> {
    const res = await this.get(`/api/v2/Policies/${encodeURIComponent(policyId)}`, { notFound: 'undefined' });
    if (res === undefined || res.body === undefined) return undefined;
    return this.parse(PolicyResponseSchema, res, `Policies/${policyId}`);
  }

  async getComplianceReport(accountId: string, reportName: string): Promise<LaceworkComplianceReport | undefined> {
    const query = new URLSearchParams({ format: 'json', primaryQueryId: accountId, reportName });
    const res = await this.get(`/api/v2/Reports?${query}`, { notFound: 'undefined' });
    if (res === undefined || res.body === undefined) return undefined;
    return this.parse(ReportsResponseSchema, res, `Reports of ${accountId} "${reportName}"`).data[0];
  }

  async *listAlerts(window: AlertWindow): AsyncIterable<LaceworkAlert> {
    const span = window.end.getTime() - window.start.getTime();
    const range = `${window.start.toISOString()}..${window.end.toISOString()}`;
    if (!(span >= 0)) throw new ValidationError(`lacework alert window ${range} ends before it starts; swap the dates`);
    if (span > MAX_ALERT_WINDOW_MS) {
      throw new ValidationError(
        `lacework alert window ${range} spans ${(span / 86_400_000).toFixed(1)} days; the API allows at most 7, so split the range into 7-day windows`,
      );
    }
    const query = new URLSearchParams({ startTime: window.start.toISOString(), endTime: window.end.toISOString() });
    let path: string | undefined = `/api/v2/Alerts?${query}`;
    const seen = new Set<string>();
    for (let pages = 1; path !== undefined; pages += 1) {
      if (seen.has(path) || pages > MAX_PAGES) {
        throw new ExternalServiceError(`lacework GET /api/v2/Alerts paging loops at page ${pages} (${range})`, {
          service: LACEWORK_SERVICE,
          retryable: false,
        });
      }
      seen.add(path);
      const res: HttpAnswer = await this.get(path);
      if (res.body === undefined) return;
      const page: z.output<typeof AlertsPageSchema> = this.parse(
        AlertsPageSchema,
        res,
        `Alerts page ${pages} of ${range}`,
      );
      yield* page.data;
      const next: string | null | undefined = page.paging?.urls?.nextPage;
      path = next ? relativePath(next) : undefined;
    }
  }

  async getAlertDetails(alertId: number): Promise<LaceworkAlertDetails | undefined> {
    const res = await this.get(`/api/v2/Alerts/${alertId}?scope=Details`, { notFound: 'undefined' });
    if (res === undefined || res.body === undefined) return undefined;
    return this.parse(AlertDetailsResponseSchema, res, `Alerts/${alertId} details`);
  }

  /** GET with the token: renews it once when a cached one is refused; maps 401/403, 404 and other 4xx. */
  private async get(path: string): Promise<HttpAnswer>;
  private async get(path: string, opts: { notFound: 'undefined' }): Promise<HttpAnswer | undefined>;
  private async get(path: string, opts?: { notFound: 'undefined' }): Promise<HttpAnswer | undefined> {
    const what = `GET ${path.split('?')[0]}`;
    const send = (token: string) =>
      this.transport.send(what, `${this.baseUrl}${path}`, { method: 'GET', headers: this.headers(token) });
    let { token, fresh } = await this.tokens.get();
    let res = await send(token);
    if (res.status === 401 && !fresh) {
      this.tokens.invalidate(token);
      ({ token, fresh } = await this.tokens.get());
      res = await send(token);
    }
    if (res.status === 401 || res.status === 403) {
      throw refusedKeyError(this.account, res.status, this.options.keySource ?? 'the Lacework API key');
    }
    if (res.status === 404) {
      if (opts?.notFound === 'undefined') return undefined;
      throw new NotFoundError(
        `lacework ${what} answered 404 ${res.message}; check the id and the account ${this.account}`,
      );
    }
    if (res.status < 200 || res.status > 299) {
      throw new ExternalServiceError(`lacework ${what} failed: HTTP ${res.status} ${res.message}`, {
        service: LACEWORK_SERVICE,
        retryable: false,
      });
    }
    return res;
  }

  private headers(token: string): Record<string, string> {
    const sub = this.options.key.subAccount;
    return { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(sub ? { 'Account-Name': sub } : {}) };
  }

  private parse<S extends z.ZodType>(schema: S, res: HttpAnswer, what: string): z.output<S> {
    return parseWith(schema, res.body ?? { data: [] }, `lacework answer (${what})`);
  }
}

/** Path and query of an absolute `nextPage` URL: followed on our base URL, whatever host the API names. */
const relativePath = (next: string): string => {
  const url = new URL(next, 'http://relative.invalid');
  return `${url.pathname}${url.search}`;
};
