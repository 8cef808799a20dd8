import type {
  LaceworkAlert,
  LaceworkAlertDetails,
  LaceworkCloudAccount,
  LaceworkComplianceReport,
  LaceworkPolicy,
  LaceworkReportDefinition,
} from '../../../core/domain/lacework.schema';
import type { AlertWindow, LaceworkApi } from '../../../core/lacework/lacework-api.port';

type Method = keyof LaceworkApi;

/** Seed data, in the shapes the adapter returns. */
export interface LaceworkSeed {
  cloudAccounts?: LaceworkCloudAccount[];
  definitions?: LaceworkReportDefinition[];
  policies?: LaceworkPolicy[];
  /** `reports[accountId][reportName]`: the report object. */
  reports?: Record<string, Record<string, LaceworkComplianceReport>>;
  /** Alerts as `Alerts/{id}?scope=Details` returns them; the list serves them without `entityMap`. */
  alerts?: LaceworkAlertDetails[];
}

/**
 * A LaceworkApi over seeded data, for service tests. `listAlerts` serves the alerts whose `startTime` lies in the
 * window (an alert seeded twice is served twice). `failWith(method, error, when?)` makes a method throw (for every
 * call, or when `when(arg)` is true); `calls` counts calls per method and `windows` records the alert windows asked.
 */
export class InMemoryLaceworkApi implements LaceworkApi {
  cloudAccounts: LaceworkCloudAccount[];
  definitions: LaceworkReportDefinition[];
  readonly policies: Map<string, LaceworkPolicy>;
  reports: Record<string, Record<string, LaceworkComplianceReport>>;
  alerts: LaceworkAlertDetails[];
  readonly calls: Record<Method, number> = {
    listAwsCloudAccounts: 0,
    listReportDefinitions: 0,
    getPolicy: 0,
    getComplianceReport: 0,
    listAlerts: 0,
    getAlertDetails: 0,
  };
  readonly windows: AlertWindow[] = [];
  private readonly failures = new Map<Method, { error: Error; when?: (arg: unknown) => boolean }>();

  constructor(seed: LaceworkSeed = {}) {
    this.cloudAccounts = seed.cloudAccounts ?? [];
    this.definitions = seed.definitions ?? [];
    this.policies = new Map((seed.policies ?? []).map((p) => [p.policyId, p]));
    this.reports = seed.reports ?? {};
    this.alerts = seed.alerts ?? [];
  }

  /** Makes `method` throw `error` (when `when` is given, only for the arguments it accepts). */
  failWith(method: Method, error: Error, when?: (arg: unknown) => boolean): this {
    this.failures.set(method, { error, when });
    return this;
  }

  /** Stops injecting failures into `method`. */
  heal(method: Method): this {
    this.failures.delete(method);
    return this;
  }

  private enter(method: Method, arg?: unknown): void {
    this.calls[method] += 1;
    const failure = this.failures.get(method);
    if (failure && (!failure.when || failure.when(arg))) throw failure.error;
  }

  async listAwsCloudAccounts(): Promise<LaceworkCloudAccount[]> {
    this.enter('listAwsCloudAccounts');
    return structuredClone(this.cloudAccounts);
  }

  async listReportDefinitions(): Promise<LaceworkReportDefinition[]> {
    this.enter('listReportDefinitions');
    return structuredClone(this.definitions);
  }

  async getPolicy(policyId: string): Promise<LaceworkPolicy | undefined> {
    this.enter('getPolicy', policyId);
    const policy = this.policies.get(policyId);
    return policy && structuredClone(policy);
  }

  async getComplianceReport(accountId: string, reportName: string): Promise<LaceworkComplianceReport | undefined> {
    this.enter('getComplianceReport', { accountId, reportName });
    const report = this.reports[accountId]?.[reportName];
    return report && structuredClone(report);
  }

  async *listAlerts(window: AlertWindow): AsyncIterable<LaceworkAlert> {
    this.enter('listAlerts', window);
    this.windows.push(window);
    for (const { entityMap: _omitted, ...alert } of this.alerts) {
      const start = Date.parse(alert.startTime);
      if (start >= window.start.getTime() && start <= window.end.getTime()) yield structuredClone(alert);
    }
  }

  async getAlertDetails(alertId: number): Promise<LaceworkAlertDetails | undefined> {
    this.enter('getAlertDetails', alertId);
    const alert = this.alerts.find((a) => a.alertId === alertId);
    return alert && structuredClone(alert);
  }
}
