import type {
  LaceworkAlert,
  LaceworkAlertDetails,
  LaceworkCloudAccount,
  LaceworkComplianceReport,
  LaceworkPolicy,
  LaceworkReportDefinition,
} from '../domain/lacework.schema';

/** A time window for alert queries; the API refuses windows over 7 days (callers split longer ranges). */
export interface AlertWindow {
  start: Date;
  end: Date;
}

/**
 * Lacework API v2, in domain terms. The adapter handles the token (renewed on expiry), absolute `nextPage` paging,
 * 429 waits (Retry-After / RateLimit-Reset) and retries of 5xx; it throws ExternalServiceError / ThrottledError /
 * ConfigError (bad key: 401/403) and never puts the secret in a message.
 */
export interface LaceworkApi {
  /** `GET /CloudAccounts/AwsCfg`: the AWS Config integrations (which accounts Lacework covers). */
  listAwsCloudAccounts(): Promise<LaceworkCloudAccount[]>;
  /** `GET /ReportDefinitions`: built-in and custom framework definitions. */
  listReportDefinitions(): Promise<LaceworkReportDefinition[]>;
  /** `GET /Policies/{id}`; `undefined` when the policy does not exist (404). */
  getPolicy(policyId: string): Promise<LaceworkPolicy | undefined>;
  /** `GET /Reports?format=json&primaryQueryId=<account>&reportName=<name>`; `undefined` when there is no report. */
  getComplianceReport(accountId: string, reportName: string): Promise<LaceworkComplianceReport | undefined>;
  /** `GET /Alerts?startTime&endTime` over one window (≤ 7 days), every page. */
  listAlerts(window: AlertWindow): AsyncIterable<LaceworkAlert>;
  /** `GET /Alerts/{id}?scope=Details`; `undefined` when the alert does not exist (404). */
  getAlertDetails(alertId: number): Promise<LaceworkAlertDetails | undefined>;
}
