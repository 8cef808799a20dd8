import {
  alertsCsvName,
  complianceCsvName,
  frameworkStem,
  safeReportSuffix,
} from '../../../../../core/lacework/frameworks/framework-stem';

describe('frameworkStem', () => {
  it.each([
    ['AWS ISO 27001:2013', 'aws_iso_27001:2013'],
    ['CIS Amazon Web Services Foundations Benchmark v1.4.0', 'cis_amazon_web_services_foundations_benchmark_v1.4.0'],
    ['PCI/DSS (v3.2.1)', 'pci_dss_(v3.2.1)'],
    ['Custom  Two\tSpaces', 'custom__two\tspaces'],
  ])('turns %j into %j (only spaces and slashes replaced)', (name, stem) => {
    expect(frameworkStem(name)).toBe(stem);
  });
});

describe('complianceCsvName', () => {
  it('appends _compliance.csv to the stem', () => {
    expect(complianceCsvName('AWS ISO 27001:2013')).toBe('aws_iso_27001:2013_compliance.csv');
  });
});

describe('safeReportSuffix', () => {
  it.each([
    ['AWS ISO 27001:2013', 'AWS-ISO-27001-2013'],
    ['CIS (v1.4.0)', 'CIS-v1-4-0'],
    [' (Custom) -- Report. ', 'Custom-Report'],
    ['a\u0085b\u00a0c', 'a-b-c'],
    ['a\x1cb', 'a-b'],
    ['keep\ufeffbom', 'keep\ufeffbom'],
  ])('turns %j into %j', (name, safe) => {
    expect(safeReportSuffix(name)).toBe(safe);
  });
});

describe('alertsCsvName', () => {
  it('names the range', () => {
    expect(alertsCsvName('2026-11-02', '2026-11-08')).toBe('lacework_alerts_2026-11-02_to_2026-11-08.csv');
  });

  it('adds the -r suffix for a framework filter', () => {
    expect(alertsCsvName('2026-11-02', '2026-11-08', 'AWS ISO 27001:2013')).toBe(
      'lacework_alerts_2026-11-02_to_2026-11-08_AWS-ISO-27001-2013.csv',
    );
  });

  it('adds no suffix when the filter has nothing safe left', () => {
    expect(alertsCsvName('2026-11-02', '2026-11-08', ' (.) ')).toBe('lacework_alerts_2026-11-02_to_2026-11-08.csv');
  });
});
