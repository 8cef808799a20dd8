/**
 * Rows of the Lacework outputs, in the column order of the legacy tools (the Python scripts of
 * https://github.com/andrewbearsley/lacework-alert-reporting). The CSV writers and the workbook tabs both take these,
 * so the tab and the CSV always agree.
 */

/** `<stem>_compliance.csv`: one row per framework policy (Manual policies dropped). The workbook adds the last two. */
export interface LaceworkComplianceRow {
  policyName: string;
  policyId: string;
  severity: string;
  status: string;
  frameworkName: string;
  policyType: string;
  compliantResources: number;
  nonCompliantResources: number;
  accountsWithViolations: number;
  description: string;
  remediation: string;
}

/** `lacework_alerts_<start>_to_<end>.csv`: one row per compliance alert. `alertId` is numeric (written bare). */
export interface LaceworkAlertRow {
  policyId: string;
  policyTitle: string;
  description: string;
  remediationSteps: string;
  severity: string;
  resource: string;
  region: string;
  account: string;
  dateTime: string;
  alertId: number;
}

/** One framework's rows with the facts the Summary and summary.json show. */
export interface LaceworkFrameworkReport {
  frameworkName: string;
  /** File name stem: lower case, spaces and `/` to `_` (`AWS ISO 27001:2013` → `aws_iso_27001:2013`). */
  stem: string;
  rows: LaceworkComplianceRow[];
  /** Accounts whose report was aggregated (accounts with no report are left out, as the legacy tool did). */
  accountsAggregated: number;
}

/** Everything the Lacework part of a run produced for the reports; `errors` say what failed (the rest still reports). */
export interface LaceworkReports {
  frameworks: LaceworkFrameworkReport[];
  alerts?: { rows: LaceworkAlertRow[]; fileName: string };
  errors: string[];
}

/**
 * A compliance row's values in the legacy tool's CSV column order (the workbook appends Description and Remediation).
 */
export const complianceRowValues = (r: LaceworkComplianceRow): (string | number)[] => [
  r.policyName,
  r.policyId,
  r.severity,
  r.status,
  r.frameworkName,
  r.policyType,
  r.compliantResources,
  r.nonCompliantResources,
  r.accountsWithViolations,
];

/** An alert row's values in the legacy tool's CSV column order (the workbook tab uses the same order). */
export const alertRowValues = (r: LaceworkAlertRow): (string | number)[] => [
  r.policyId,
  r.policyTitle,
  r.description,
  r.remediationSteps,
  r.severity,
  r.resource,
  r.region,
  r.account,
  r.dateTime,
  r.alertId,
];
