import type { LaceworkAlertRow } from '../../../../../core/domain/lacework-report';
import { alertsCsv, sortAlertRows } from '../../../../../core/lacework/alerts/alerts-csv';

const row = (over: Partial<LaceworkAlertRow>): LaceworkAlertRow => ({
  policyId: 'lacework-global-45',
  policyTitle: 'S3 buckets are encrypted',
  description: 'N/A',
  remediationSteps: 'N/A',
  severity: 'High',
  resource: 'arn:aws:s3:::b (Account: 111111111111)',
  region: 'us-east-1',
  account: '111111111111',
  dateTime: '2026-11-03T08:00:00.000Z',
  alertId: 1,
  ...over,
});

const HEADER =
  '"Policy ID","Policy Title","Description","Remediation Steps","Severity","Resource","Region","Account","Date/Time","Alert ID"\r\n';

describe('alertsCsv', () => {
  it('writes strings quoted, the alert id bare and CRLF rows, byte for byte', () => {
    // Arrange
    const rows = [
      row({
        policyTitle: 'Title, with "quotes"',
        remediationSteps: 'Step 1\nStep 2',
        resource: 'arn:aws:s3:::a (Account: 1, Alias: p)\narn:aws:s3:::b (Account: 2)',
        alertId: 871234,
      }),
    ];

    // Act
    const csv = alertsCsv(rows);

    // Assert
    expect(csv).toBe(
      `${HEADER}"lacework-global-45","Title, with ""quotes""","N/A","Step 1\nStep 2","High","arn:aws:s3:::a (Account: 1, Alias: p)\narn:aws:s3:::b (Account: 2)","us-east-1","111111111111","2026-11-03T08:00:00.000Z",871234\r\n`,
    );
  });

  it('writes only the header when there are no alerts', () => {
    expect(alertsCsv([])).toBe(HEADER);
  });
});

describe('sortAlertRows', () => {
  it('sorts by severity rank, then Date/Time, then numeric alert id, keeping ties stable', () => {
    // Arrange
    const rows = [
      row({ alertId: 10, severity: 'Low' }),
      row({ alertId: 9, severity: 'Weird' }),
      row({ alertId: 100, severity: 'Critical', dateTime: '2026-11-04T00:00:00.000Z' }),
      row({ alertId: 20, severity: 'Critical', dateTime: '2026-11-03T00:00:00.000Z' }),
      row({ alertId: 3, severity: 'Critical', dateTime: '2026-11-04T00:00:00.000Z' }),
      row({ alertId: 7, severity: 'Unknown' }),
      row({ alertId: 5, severity: 'Info' }),
      row({ alertId: 2, severity: 'High', policyId: 'first' }),
      row({ alertId: 2, severity: 'High', policyId: 'second' }),
    ];

    // Act
    const sorted = sortAlertRows(rows);

    // Assert
    expect(sorted.map((r) => `${r.alertId}${r.alertId === 2 ? r.policyId : ''}`)).toEqual([
      '20',
      '3',
      '100',
      '2first',
      '2second',
      '10',
      '5',
      '7',
      '9',
    ]);
  });
});
