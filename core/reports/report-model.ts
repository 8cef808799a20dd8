import type { Phase } from '../domain/partial.schema';
import type { ScanStatus } from '../domain/scan-account.schema';

/**
 * The in-memory model of one report run: only small aggregates (one entry per account and per normalized rule).
 * Non-compliant resource rows never live here: they go through the {@link RowSpool} one account at a time.
 */

/** One row of the **Non-compliant resources** tab and of the non-compliant CSV, in column order. */
export interface ResourceRow {
  accountId: string;
  accountName: string;
  region: string;
  ruleName: string;
  resourceType: string;
  resourceId: string;
  complianceType: string;
  annotation: string;
  recordedTime: string;
}

/**
 * A row read back from the {@link RowSpool}: the CSV's columns plus whether the finding is New since the previous run
 * and, when Trace changes traced the resource, who changed it (empty strings otherwise; the CSV never has these).
 */
export interface SpooledRow extends ResourceRow {
  isNew: boolean;
  changedBy?: string;
  origin?: string;
  via?: string;
  changedAt?: string;
}

/** The column order shared by the CSV and the workbook (the CSV header is exactly these titles). */
export const RESOURCE_COLUMNS: readonly { key: keyof ResourceRow; title: string }[] = [
  { key: 'accountId', title: 'Account ID' },
  { key: 'accountName', title: 'Account Name' },
  { key: 'region', title: 'Region' },
  { key: 'ruleName', title: 'Rule Name' },
  { key: 'resourceType', title: 'Resource Type' },
  { key: 'resourceId', title: 'Resource ID' },
  { key: 'complianceType', title: 'Compliance Type' },
  { key: 'annotation', title: 'Annotation' },
  { key: 'recordedTime', title: 'Recorded Time' },
];

/** Where an account's failure happened: the scan phases of the partial schema. */
export type FailurePhase = Phase;

/** An account with no usable data, for the **Failed accounts** tab. */
export interface FailedAccount {
  accountId: string;
  accountName: string;
  phase: FailurePhase;
  error: string;
}

/** Per-account totals; `score` is compliant ÷ (compliant + non-compliant), or `null` when nothing was evaluated. */
export interface AccountScore {
  accountId: string;
  accountName: string;
  status: ScanStatus;
  regions: number;
  configDisabledRegions: string[];
  rules: number;
  compliant: number;
  nonCompliant: number;
  score: number | null;
  errors: string[];
}

/** Per normalized rule name, across accounts. */
export interface RuleTotals {
  rule: string;
  /** Raw rule names seen for this normalized name, at most {@link MAX_RAW_NAMES}, in first-seen order. */
  rawNames: string[];
  compliant: number;
  nonCompliant: number;
  accountsWithViolations: number;
  accountsEvaluated: number;
}

/** How many raw rule names a rule keeps (conformance packs add random suffixes: the list would grow per account). */
export const MAX_RAW_NAMES = 3;

/** Run-wide totals (also in the Step Functions output, so keep it small). */
export interface ReportTotals {
  accounts: number;
  scanned: number;
  failed: number;
  compliant: number;
  nonCompliant: number;
  score: number | null;
  /** Account × region pairs where AWS Config is not recording. */
  configDisabledRegions: number;
}

/** Score as a ratio, `null` when no resource was evaluated (shown as "n/a"). */
export const scoreOf = (compliant: number, nonCompliant: number): number | null =>
  compliant + nonCompliant === 0 ? null : compliant / (compliant + nonCompliant);
