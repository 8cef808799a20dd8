import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type AggregateResult, ReportAggregator } from '../../../../../core/reports/aggregation';
import type { ResourceRow, SpooledRow } from '../../../../../core/reports/report-model';
import { columnLetter } from '../../../../../core/reports/workbook/sheet-kit';
import { SHEET_NAMES, writeComplianceWorkbook } from '../../../../../core/reports/workbook/workbook-writer';
import { FIXED_NOW } from '../../../../helpers/builders/fixed-clock';
import { aPartial, aRegion, aResource, aRule } from '../../../../helpers/builders/partial.builder';
import { anAccount } from '../../../../helpers/builders/run.builder';

/** Three scanned accounts (scores 50 %, 100 %, n/a), two failed (one with an over-long error); returns the aggregates and the spooled rows. */
const sample = (): { result: AggregateResult; rows: ResourceRow[] } => {
  const aggregator = new ReportAggregator();
  const rows = [
    ...aggregator.addScanned(
      anAccount('111111111111', 'prod'),
      aPartial({
        status: 'partial',
        regions: [
          aRegion({
            rules: [aRule({ compliantCount: 2, nonCompliantCount: 2 })],
            nonCompliant: [aResource({ resourceId: 'a' }), aResource({ resourceId: 'b' })],
          }),
          aRegion({ region: 'eu-west-1', configStatus: 'not-enabled', rules: [], nonCompliant: [] }),
        ],
      }),
    ),
    ...aggregator.addScanned(
      anAccount('222222222222', 'dev'),
      aPartial({
        accountId: '222222222222',
        regions: [aRegion({ rules: [aRule({ nonCompliantCount: 0 })], nonCompliant: [] })],
      }),
    ),
    ...aggregator.addScanned(
      anAccount('333333333333', 'empty'),
      aPartial({ accountId: '333333333333', regions: [aRegion({ rules: [], nonCompliant: [] })] }),
    ),
  ];
  aggregator.addFailed({ accountId: '444444444444', accountName: 'gone', phase: 'assume-role', error: 'AccessDenied' });
  aggregator.addFailed({ accountId: '555555555555', accountName: 'huge', phase: 'scan', error: 'x'.repeat(40_000) });
  return { result: aggregator.result(), rows };
};

async function* from(rows: ResourceRow[]): AsyncGenerator<SpooledRow> {
  for (const row of rows) yield { ...row, isNew: false };
}

const cellText = (sheet: ExcelJS.Worksheet, ref: string) => sheet.getCell(ref).text;

/** The conditional formatting exceljs read back (present at run time, missing from its typings). */
const conditionalFormats = (sheet: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] =>
  (sheet as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ??
  [];

const rowValues = (sheet: ExcelJS.Worksheet, row: number): unknown[] =>
  (sheet.getRow(row).values as unknown[]).slice(1);

describe('writeComplianceWorkbook', () => {
  let dir: string;
  let workbook: ExcelJS.Workbook;
  const sheetNamed = (name: string): ExcelJS.Worksheet => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'workbook-test-'));
    const path = join(dir, 'report.xlsx');
    const { result, rows } = sample();
    await writeComplianceWorkbook(
      {
        run: { runId: 'run-1', startDate: '2026-11-02', endDate: '2026-11-08' },
        generatedAt: FIXED_NOW,
        result,
        rows: from(rows),
      },
      path,
    );
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has the tabs in order', () => {
    // Assert
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...SHEET_NAMES]);
  });

  it.each([
    [
      'Summary',
      16,
      'Account ID,Account Name,Status,Regions,Config-disabled regions,Rules,Compliant,Non-compliant,Score,Score change',
    ],
    [
      'Config rules',
      1,
      'Rule (normalized),Raw names seen,Compliant resources,Non-compliant resources,Accounts with violations,Accounts evaluated',
    ],
    [
      'Non-compliant resources',
      1,
      'Account ID,Account Name,Region,Rule Name,Resource Type,Resource ID,Compliance Type,Annotation,Recorded Time,New,Changed by,Origin,Via,Changed at',
    ],
    ['Resolved', 1, 'Account ID,Account Name,Region,Rule (normalized),Resource Type,Resource ID'],
    [
      'Change context',
      1,
      'Account ID,Account Name,Region,Rule Name,Resource Type,Resource ID,Status,Changed at,Event,Actor,Chain,Interface,Source IP,User agent,Top severity,Findings,Detail',
    ],
    [
      'Lacework compliance',
      1,
      'Policy Name,Policy ID,Severity,Status,Framework Name,Policy Type,Compliant Resources,Non-Compliant Resources,Accounts with Violations,Description,Remediation',
    ],
    [
      'Lacework alerts',
      1,
      'Policy ID,Policy Title,Description,Remediation Steps,Severity,Resource,Region,Account,Date/Time,Alert ID,Changed by,Via,Changed at',
    ],
    ['Failed accounts', 1, 'Account ID,Account Name,Phase,Error'],
    ['Trend', 1, 'End date,Run ID,Accounts,Compliant,Non-compliant,Score,New,Resolved'],
  ])('gives %s a bold filled header in row %i, frozen, filtered and landscape', (name, headerRow, headers) => {
    // Arrange
    const sheet = sheetNamed(name);
    const header = sheet.getRow(headerRow);
    const titles = (header.values as unknown[]).slice(1);

    // Assert
    expect(titles.join(',')).toBe(headers);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    const lastColumn = columnLetter(titles.length);
    expect(sheet.autoFilter).toBe(`A${headerRow}:${lastColumn}${headerRow}`);
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.getColumn(1).width).toBeGreaterThan(10);
  });

  it('shows the run facts and the scorecard, worst score first, n/a last', () => {
    // Arrange
    const sheet = sheetNamed('Summary');

    // Assert
    expect(cellText(sheet, 'B1')).toBe('run-1');
    expect(cellText(sheet, 'B2')).toBe('2026-11-02 to 2026-11-08');
    expect(cellText(sheet, 'B3')).toBe('2026-11-09T01:00:00.000Z');
    expect(sheet.getCell('B4').value).toBe(5);
    expect(sheet.rowCount).toBe(16 + 3);
    expect([17, 18, 19].map((r) => sheet.getCell(`A${r}`).value)).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
    ]);
    expect(sheet.getCell('I17').value).toBe(0.5);
    expect(sheet.getCell('I17').numFmt).toBe('0.0%');
    expect(sheet.getCell('I19').value).toBe('n/a');
    expect(sheet.getCell('J17').value).toBe('n/a');
    expect(cellText(sheet, 'E17')).toBe('eu-west-1');
    expect(cellText(sheet, 'A11')).toBe('Previous run');
    expect(cellText(sheet, 'B11')).toBe('none');
    expect([cellText(sheet, 'E1'), cellText(sheet, 'E2'), sheet.getCell('F2').value]).toEqual([
      'Top rules by violations',
      'required-tags',
      2,
    ]);
  });

  it('formats Summary status cells by status and the Score column with a colour scale', () => {
    // Arrange
    const rules = conditionalFormats(sheetNamed('Summary'));

    // Assert
    expect(rules.map((cf) => [cf.ref, cf.rules.map((r) => r.type)])).toEqual([
      ['C17:C19', ['expression', 'expression', 'expression']],
      ['I17:I19', ['colorScale']],
      ['J17:J19', ['cellIs', 'cellIs']],
      ['F2:F2', ['cellIs']],
    ]);
    const status = rules[0]?.rules.map((r) => (r as { formulae: string[] }).formulae[0]);
    expect(status).toEqual(['$C17="ok"', '$C17="partial"', '$C17="failed"']);
  });

  it('writes one Non-compliant resources row per resource, with NON_COMPLIANT in red and New n/a on a first run', () => {
    // Arrange
    const sheet = sheetNamed('Non-compliant resources');

    // Assert
    expect(sheet.rowCount).toBe(1 + 2);
    expect(cellText(sheet, 'F3')).toBe('b');
    expect(cellText(sheet, 'J3')).toBe('n/a');
    expect(conditionalFormats(sheet).map((cf) => cf.ref)).toEqual(['G2:G3', 'J2:J3']);
    expect(conditionalFormats(sheet)[0]?.rules[0]).toMatchObject({
      type: 'expression',
      formulae: ['$G2="NON_COMPLIANT"'],
    });
  });

  it('lists rules and failed accounts', () => {
    // Arrange
    const rules = sheetNamed('Config rules');
    const failed = sheetNamed('Failed accounts');

    // Assert
    expect(rules.rowCount).toBe(1 + 1);
    expect(rowValues(rules, 2)).toEqual(['required-tags', 'required-tags', 5, 2, 1, 2]);
    expect(failed.rowCount).toBe(1 + 2);
    expect(String(failed.getCell('D3').value)).toHaveLength(32_767);
    expect(rowValues(failed, 2)).toEqual(['444444444444', 'gone', 'assume-role', 'AccessDenied']);
  });
});
