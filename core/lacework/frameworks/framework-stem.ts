/**
 * Output file names of the Lacework reports, exactly as the legacy tools built them (`compliance_framework_mapping.py`
 * and `lacework_alert_reporting.py` in https://github.com/andrewbearsley/lacework-alert-reporting).
 */

/**
 * The framework's file stem: `report_name.lower().replace(' ', '_').replace('/', '_')`. Nothing else is escaped, so
 * `:` and `()` survive.
 *
 * @example frameworkStem('AWS ISO 27001:2013') // 'aws_iso_27001:2013'
 */
export const frameworkStem = (reportName: string): string =>
  reportName.toLowerCase().replaceAll(' ', '_').replaceAll('/', '_');

/**
 * `<stem>_compliance.csv`.
 *
 * @example complianceCsvName('AWS ISO 27001:2013') // 'aws_iso_27001:2013_compliance.csv'
 */
export const complianceCsvName = (reportName: string): string => `${frameworkStem(reportName)}_compliance.csv`;

/**
 * Python's `[():.\s]+` for `str` patterns: `\s` there is every character `str.isspace()` accepts, which differs from
 * JavaScript's `\s` (Python adds U+001C–U+001F and U+0085; JavaScript adds U+FEFF), so the class is spelled out.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+001C–U+001F are whitespace to Python's `\s`, which this mirrors
const UNSAFE_RUN = /[():.\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * The `-r` suffix: `re.sub(r'[():.\s]+', '-', name)`, runs of `-` collapsed, leading and trailing `-` stripped.
 *
 * @example safeReportSuffix('AWS ISO 27001:2013') // 'AWS-ISO-27001-2013'
 */
export const safeReportSuffix = (reportName: string): string =>
  reportName
    .replace(UNSAFE_RUN, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * `lacework_alerts_<start>_to_<end>.csv`, with `_<safe name>` before `.csv` when the alerts are filtered by a framework.
 *
 * @example alertsCsvName('2026-11-02', '2026-11-08', 'CIS (v1.4)') // 'lacework_alerts_2026-11-02_to_2026-11-08_CIS-v1-4.csv'
 */
export const alertsCsvName = (startDate: string, endDate: string, reportFilter?: string): string => {
  const suffix = reportFilter === undefined ? '' : safeReportSuffix(reportFilter);
  return `lacework_alerts_${startDate}_to_${endDate}${suffix ? `_${suffix}` : ''}.csv`;
};
