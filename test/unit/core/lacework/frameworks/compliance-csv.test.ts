import type { LaceworkComplianceRow } from '../../../../../core/domain/lacework-report';
import { complianceCsv } from '../../../../../core/lacework/frameworks/compliance-csv';

const row = (over: Partial<LaceworkComplianceRow>): LaceworkComplianceRow => ({
  policyName: "Ensure no 'root' user account access key exists",
  policyId: 'lacework-global-34',
  severity: 'Critical',
  status: 'Enabled',
  frameworkName: 'AWS ISO 27001:2013',
  policyType: 'Compliance',
  compliantResources: 158,
  nonCompliantResources: 0,
  accountsWithViolations: 0,
  description: 'not in the CSV',
  remediation: 'not in the CSV',
  ...over,
});

const HEADER =
  '"Policy Name","Policy ID","Severity","Status","Framework Name","Policy Type","Compliant Resources","Non-Compliant Resources","Accounts with Violations"\r\n';

describe('complianceCsv', () => {
  it('writes the legacy sample row byte for byte (strings quoted, integers bare, CRLF)', () => {
    // Arrange
    const rows = [row({})];

    // Act
    const csv = complianceCsv(rows);

    // Assert
    expect(csv).toBe(
      `${HEADER}"Ensure no 'root' user account access key exists","lacework-global-34","Critical","Enabled","AWS ISO 27001:2013","Compliance",158,0,0\r\n`,
    );
  });

  it('doubles quotes and keeps commas and line breaks inside the quotes', () => {
    // Arrange
    const rows = [
      row({
        policyName: 'Keys, "root" and\nothers',
        policyId: 'p-1',
        nonCompliantResources: 12,
        accountsWithViolations: 3,
      }),
      row({ policyName: '', policyId: 'p-2', severity: 'Unknown', status: 'Unknown', policyType: 'Unknown' }),
    ];

    // Act
    const csv = complianceCsv(rows);

    // Assert
    expect(csv).toBe(
      HEADER +
        '"Keys, ""root"" and\nothers","p-1","Critical","Enabled","AWS ISO 27001:2013","Compliance",158,12,3\r\n' +
        '"","p-2","Unknown","Unknown","AWS ISO 27001:2013","Unknown",158,0,0\r\n',
    );
  });

  it('writes UTF-8 without a BOM', () => {
    // Arrange
    const rows = [row({ policyName: 'Überprüfung – ok' })];

    // Act
    const bytes = Buffer.from(complianceCsv(rows), 'utf8');

    // Assert
    expect([...bytes.subarray(0, 3)]).toEqual([0x22, 0x50, 0x6f]);
    expect(bytes.indexOf(Buffer.from([0x22, 0xc3, 0x9c]))).toBeGreaterThan(0);
  });

  it('writes only the header for no rows', () => {
    expect(complianceCsv([])).toBe(HEADER);
  });
});
