import { alertRowValues, type LaceworkAlertRow } from '../../domain/lacework-report';
import { severityRank } from '../frameworks/compliance-rows';
import { pyCompare } from '../python-compat';
import { quoteNonNumericCsv } from '../python-csv';

/** The legacy Alert Reporting tool's columns of `lacework_alerts_<start>_to_<end>.csv`, in order. */
export const ALERTS_CSV_HEADER = [
  'Policy ID',
  'Policy Title',
  'Description',
  'Remediation Steps',
  'Severity',
  'Resource',
  'Region',
  'Account',
  'Date/Time',
  'Alert ID',
] as const;

/** The sort: severity rank (Critical first, unknown values last), then Date/Time as a string, then Alert ID. */
export const compareAlertRows = (a: LaceworkAlertRow, b: LaceworkAlertRow): number =>
  severityRank(a.severity) - severityRank(b.severity) || pyCompare(a.dateTime, b.dateTime) || a.alertId - b.alertId;

/** A sorted copy (stable, so equal keys keep their order). */
export const sortAlertRows = (rows: readonly LaceworkAlertRow[]): LaceworkAlertRow[] =>
  [...rows].sort(compareAlertRows);

/**
 * The alerts CSV: QUOTE_NONNUMERIC (strings quoted, Alert ID bare), `\r\n` rows, UTF-8 without BOM; only the header
 * when there are no alerts. Rows are written in the order given.
 */
export const alertsCsv = (rows: readonly LaceworkAlertRow[]): string =>
  quoteNonNumericCsv(ALERTS_CSV_HEADER, rows.map(alertRowValues));
