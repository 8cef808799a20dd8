import {
  alertRowValues,
  complianceRowValues,
  type LaceworkAlertRow,
  type LaceworkComplianceRow,
  type LaceworkReports,
} from '../../domain/lacework-report';
import type { AlertChangeContext } from '../change-context/alert-context';
import { addAboveZeroBad, addSeverityFormats } from './formats';
import { waitForSheetDrain } from './sheet-drain';
import {
  addSheet,
  COUNT_FORMAT,
  type ColumnSpec,
  type StreamingWorkbook,
  writeDataRow,
  writeHeaderRow,
  writeNoteRow,
} from './sheet-kit';

/** Columns of the Lacework compliance tab: the legacy CSV's columns (`LaceworkComplianceRow` order). */
export const LACEWORK_COMPLIANCE_COLUMNS: readonly ColumnSpec[] = [
  { header: 'Policy Name', width: 50 },
  { header: 'Policy ID', width: 24 },
  { header: 'Severity', width: 10 },
  { header: 'Status', width: 10 },
  { header: 'Framework Name', width: 30 },
  { header: 'Policy Type', width: 14 },
  { header: 'Compliant Resources', width: 13, numFmt: COUNT_FORMAT },
  { header: 'Non-Compliant Resources', width: 15, numFmt: COUNT_FORMAT },
  { header: 'Accounts with Violations', width: 13, numFmt: COUNT_FORMAT },
  { header: 'Description', width: 60 },
  { header: 'Remediation', width: 60 },
];

/** Columns of the Lacework alerts tab: the legacy CSV's columns (`LaceworkAlertRow` order). */
export const LACEWORK_ALERT_COLUMNS: readonly ColumnSpec[] = [
  { header: 'Policy ID', width: 24 },
  { header: 'Policy Title', width: 50 },
  { header: 'Description', width: 60 },
  { header: 'Remediation Steps', width: 60 },
  { header: 'Severity', width: 10 },
  { header: 'Resource', width: 50 },
  { header: 'Region', width: 15 },
  { header: 'Account', width: 15 },
  { header: 'Date/Time', width: 25 },
  { header: 'Alert ID', width: 12, numFmt: '0' },
];

/** The note on both Lacework tabs when the run has no Lacework part. */
export const LACEWORK_NOT_CONFIGURED = 'Lacework not configured for this run';

const DRAIN_CHECK_EVERY = 500;

const complianceValues = (r: LaceworkComplianceRow): unknown[] => [
  ...complianceRowValues(r),
  r.description,
  r.remediation,
];

const alertValues = alertRowValues;

/** Notes under the rows: not configured, nothing found, or the Lacework errors (one row each). */
const notes = (lacework: LaceworkReports | undefined, rows: number, empty: string): string[] => {
  if (!lacework) return [LACEWORK_NOT_CONFIGURED];
  const errors = lacework.errors.map((e) => `Error: ${e}`);
  return rows === 0 && errors.length === 0 ? [empty] : errors;
};

/**
 * Writes the **Lacework compliance** tab: every framework's policy rows, framework after framework, with severity
 * colours and non-compliant counts in red; then a note (not configured / no policies) or the Lacework errors.
 */
export const writeLaceworkComplianceSheet = async (
  workbook: StreamingWorkbook,
  lacework: LaceworkReports | undefined,
): Promise<number> => {
  const sheet = addSheet(workbook, 'Lacework compliance', LACEWORK_COMPLIANCE_COLUMNS);
  const header = writeHeaderRow(sheet, LACEWORK_COMPLIANCE_COLUMNS);
  let count = 0;
  for (const framework of lacework?.frameworks ?? []) {
    for (const row of framework.rows) {
      writeDataRow(sheet, LACEWORK_COMPLIANCE_COLUMNS, complianceValues(row));
      count += 1;
      if (count % DRAIN_CHECK_EVERY === 0) await waitForSheetDrain(sheet);
    }
  }
  for (const note of notes(lacework, count, 'No Lacework policies in the configured frameworks')) {
    writeNoteRow(sheet, note);
  }
  const rows = { first: header + 1, last: header + count };
  addSeverityFormats(sheet, { column: 3, ...rows }, 1);
  addAboveZeroBad(sheet, { column: 8, ...rows }, 6);
  sheet.commit();
  return count;
};

/** The alerts tab's extra columns: the change context of the alert's resource when Trace changes traced it. */
const ALERT_CONTEXT_COLUMNS: readonly ColumnSpec[] = [
  { header: 'Changed by', width: 30 },
  { header: 'Via', width: 40 },
  { header: 'Changed at', width: 22 },
];
const ALERT_SHEET_COLUMNS = [...LACEWORK_ALERT_COLUMNS, ...ALERT_CONTEXT_COLUMNS];

/**
 * Writes the **Lacework alerts** tab: one row per alert (the legacy columns, then Changed by / Via / Changed at when
 * the alert's resource was traced) with severity colours; then a note or the errors.
 */
export const writeLaceworkAlertsSheet = async (
  workbook: StreamingWorkbook,
  lacework: LaceworkReports | undefined,
  contextOf: (alert: LaceworkAlertRow) => AlertChangeContext = () => ({ changedBy: '', via: '', changedAt: '' }),
): Promise<number> => {
  const sheet = addSheet(workbook, 'Lacework alerts', ALERT_SHEET_COLUMNS);
  const header = writeHeaderRow(sheet, ALERT_SHEET_COLUMNS);
  let count = 0;
  for (const row of lacework?.alerts?.rows ?? []) {
    const context = contextOf(row);
    writeDataRow(sheet, ALERT_SHEET_COLUMNS, [...alertValues(row), context.changedBy, context.via, context.changedAt]);
    count += 1;
    if (count % DRAIN_CHECK_EVERY === 0) await waitForSheetDrain(sheet);
  }
  const empty = lacework?.alerts ? 'No Lacework alerts in this range' : 'Lacework alerts not fetched for this run';
  for (const note of notes(lacework, count, empty)) writeNoteRow(sheet, note);
  addSeverityFormats(sheet, { column: 5, first: header + 1, last: header + count }, 1);
  sheet.commit();
  return count;
};
