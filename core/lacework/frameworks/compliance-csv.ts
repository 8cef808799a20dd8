import { complianceRowValues, type LaceworkComplianceRow } from '../../domain/lacework-report';
import { quoteNonNumericCsv } from '../python-csv';

/**
 * The legacy mapping tool's columns of `<stem>_compliance.csv`, in order (Description and Remediation are
 * workbook-only).
 */
export const COMPLIANCE_CSV_HEADER = [
  'Policy Name',
  'Policy ID',
  'Severity',
  'Status',
  'Framework Name',
  'Policy Type',
  'Compliant Resources',
  'Non-Compliant Resources',
  'Accounts with Violations',
] as const;

/**
 * `<stem>_compliance.csv` as the legacy tool wrote it: QUOTE_NONNUMERIC (strings quoted, counts bare), `\r\n` rows,
 * UTF-8 without BOM. Rows are written in the order given (`buildComplianceRows` sorts them).
 */
export const complianceCsv = (rows: readonly LaceworkComplianceRow[]): string =>
  quoteNonNumericCsv(COMPLIANCE_CSV_HEADER, rows.map(complianceRowValues));
