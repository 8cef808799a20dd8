import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeRuleName } from '../../../../../core/domain/rule-name';
import { SHEET_NAMES } from '../../../../../core/reports/workbook/workbook-writer';
import { type DumpedSheet, readWorkbookWithOpenpyxl, requireCheckTools } from '../../../../checks/check-tools';
import { type DemoMergerRuns, GONE_RESOURCE_ID, runDemoMergerTwice } from './merger-run';

/**
 * The workbook of the real merger, read back by openpyxl (test/checks/read_workbook.py), not exceljs, and checked
 * against the demo scenario's ground truth.
 */
describe('compliance workbook read by openpyxl', () => {
  let runs: DemoMergerRuns;
  let sheets: DumpedSheet[];
  const sheet = (name: string): DumpedSheet => {
    const found = sheets.find((s) => s.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  };

  beforeAll(async () => {
    requireCheckTools();
    runs = await runDemoMergerTwice();
    const path = join(runs.dir, 'week2.xlsx');
    await writeFile(path, runs.store.objects.get(runs.week2.keys.workbook)?.body ?? Buffer.alloc(0));
    sheets = readWorkbookWithOpenpyxl(path).sheets;
  });
  afterAll(async () => {
    if (runs) await rm(runs.dir, { recursive: true, force: true });
  });

  it('has the tabs in order', () => {
    // Assert
    expect(sheets.map((s) => s.name)).toEqual([...SHEET_NAMES]);
  });

  it('gives every sheet a frozen header row, an autofilter over it, widths and landscape fit-to-width', () => {
    // Assert
    for (const s of sheets) {
      const last = String.fromCharCode(64 + s.headers.length);
      expect({ name: s.name, freeze: s.freezePanes, filter: s.autoFilter }).toEqual({
        name: s.name,
        freeze: `A${s.headerRow + 1}`,
        filter: `A${s.headerRow}:${last}${s.headerRow}`,
      });
      expect({ name: s.name, orientation: s.orientation, fitToWidth: s.fitToWidth, fitToPage: s.fitToPage }).toEqual({
        name: s.name,
        orientation: 'landscape',
        fitToWidth: 1,
        fitToPage: true,
      });
      expect(Object.values(s.widths).every((w) => w >= 8)).toBe(true);
      expect(Object.keys(s.widths).length).toBeGreaterThan(0);
    }
    expect(sheet('Summary').headerRow).toBe(16);
  });

  it('has one row per scenario account, rule and non-compliant resource', () => {
    // Arrange
    const { expected } = runs;
    const ok = expected.accounts.filter((a) => a.status === 'ok');
    const failed = expected.accounts.filter((a) => a.status === 'failed');
    const rules = new Set(ok.flatMap((a) => a.rules.map((r) => normalizeRuleName(r.ruleName))));
    const rows = ok.reduce((sum, a) => sum + a.nonCompliantRows.length, 0);

    // Assert
    expect(sheet('Summary').dataRows).toBe(ok.length);
    expect(sheet('Config rules').dataRows).toBe(rules.size);
    expect(sheet('Non-compliant resources').dataRows).toBe(rows);
    expect(rows).toBe(expected.totals.nonCompliant);
    expect(sheet('Failed accounts').firstColumn.sort()).toEqual(failed.map((a) => a.accountId).sort());
    expect(sheet('Resolved').dataRows).toBe(1);
    expect(sheet('Trend').firstColumn).toEqual(['2026-11-01', '2026-11-08']);
    expect(sheet('Lacework compliance').firstColumn).toEqual(['Lacework not configured for this run']);
  });

  it('lists the resource gone since last week as Resolved', () => {
    // Assert
    expect(sheet('Resolved').headers).toEqual([
      'Account ID',
      'Account Name',
      'Region',
      'Rule (normalized)',
      'Resource Type',
      'Resource ID',
    ]);
    expect(runs.week2.changes).toMatchObject({ new: 0, resolved: 1, previousRunId: 'demo-week-1' });
    expect(GONE_RESOURCE_ID).toBeTruthy();
  });

  it('has the conditional formatting: status, score scale, score change, compliance, New, severity', () => {
    // Arrange
    const summary = sheet('Summary').conditionalFormatting;
    const resources = sheet('Non-compliant resources').conditionalFormatting;
    const lacework = sheet('Lacework compliance').conditionalFormatting;
    const scale = summary.find((r) => r.type === 'colorScale');

    // Assert
    expect(summary.filter((r) => r.type === 'expression').map((r) => r.formula[0])).toEqual([
      '$C17="ok"',
      '$C17="partial"',
      '$C17="failed"',
    ]);
    expect(scale?.range).toMatch(/^I17:I\d+$/);
    expect(scale?.colorScale?.colors).toEqual(['FFF8696B', 'FFFFEB84', 'FF63BE7B']);
    expect(summary.filter((r) => r.type === 'cellIs').map((r) => [r.range.slice(0, 3), r.operator])).toEqual([
      ['J17', 'greaterThan'],
      ['J17', 'lessThan'],
      ['F2:', 'greaterThan'],
    ]);
    expect(resources.map((r) => [r.type, r.formula[0], r.fill])).toEqual([
      ['expression', '$G2="NON_COMPLIANT"', 'FFFFC7CE'],
      ['expression', '$J2="Yes"', 'FFFFEB9C'],
    ]);
    expect(lacework.filter((r) => r.type === 'expression').map((r) => r.formula[0])).toEqual([
      '$C2="Critical"',
      '$C2="High"',
      '$C2="Medium"',
      '$C2="Low"',
      '$C2="Info"',
    ]);
    expect(sheet('Trend').conditionalFormatting.map((r) => r.type)).toEqual(['colorScale', 'cellIs', 'cellIs']);
  });

  it('has the change columns on Non-compliant resources and the traced change in Change context', () => {
    // Arrange
    const resources = sheet('Non-compliant resources');
    const context = sheet('Change context');

    // Assert
    expect(resources.headers.slice(9)).toEqual(['New', 'Changed by', 'Origin', 'Via', 'Changed at']);
    expect(context.headers).toEqual([
      'Account ID',
      'Account Name',
      'Region',
      'Rule Name',
      'Resource Type',
      'Resource ID',
      'Status',
      'Changed at',
      'Event',
      'Actor',
      'Chain',
      'Interface',
      'Source IP',
      'User agent',
      'Top severity',
      'Findings',
      'Detail',
    ]);
    expect(context.firstColumn).toEqual([
      expect.stringMatching(/^\d{12}$/),
      '2 more changed resources not traced (over the per-account limit)',
    ]);
    expect(context.conditionalFormatting.map((r) => r.formula[0])).toEqual([
      '$O2="Critical"',
      '$O2="High"',
      '$O2="Medium"',
      '$O2="Low"',
      '$O2="Informational"',
      'AND($G2<>"traced",$G2<>"")',
    ]);
  });
});
