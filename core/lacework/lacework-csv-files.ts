import type { LaceworkReports } from '../domain/lacework-report';
import { alertsCsv } from './alerts/alerts-csv';
import { complianceCsv } from './frameworks/compliance-csv';
import { complianceCsvName } from './frameworks/framework-stem';

/** One Lacework CSV in the legacy tools' format, ready to write next to the workbook. */
export interface LaceworkCsvFile {
  name: string;
  label: string;
  body: string;
}

/**
 * The Lacework CSVs of a run: `<stem>_compliance.csv` per framework report, and the alerts CSV when the alerts were
 * fetched (header-only when there were none; absent when the fetch failed, so an outage never looks like a clean week).
 */
export const laceworkCsvFiles = (lacework: LaceworkReports | undefined): LaceworkCsvFile[] => [
  ...(lacework?.frameworks ?? []).map((framework) => ({
    name: complianceCsvName(framework.frameworkName),
    label: `Lacework ${framework.frameworkName} compliance (CSV)`,
    body: complianceCsv(framework.rows),
  })),
  ...(lacework?.alerts
    ? [
        {
          name: lacework.alerts.fileName,
          label: 'Lacework compliance alerts (CSV)',
          body: alertsCsv(lacework.alerts.rows),
        },
      ]
    : []),
];
