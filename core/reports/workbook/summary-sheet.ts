import type { AccountScore, ReportTotals } from '../report-model';
import {
  addSheet,
  COUNT_FORMAT,
  type ColumnSpec,
  columnLetter,
  columnRange,
  PERCENT_FORMAT,
  type StreamingWorkbook,
  toneStyle,
  writeDataRow,
  writeHeaderRow,
} from './sheet-kit';

/** Columns of the Summary tab's scorecard. */
export const SCORECARD_COLUMNS: readonly ColumnSpec[] = [
  { header: 'Account ID', width: 15 },
  { header: 'Account Name', width: 32 },
  { header: 'Status', width: 10 },
  { header: 'Regions', width: 10, numFmt: COUNT_FORMAT },
  { header: 'Config-disabled regions', width: 30 },
  { header: 'Rules', width: 10, numFmt: COUNT_FORMAT },
  { header: 'Compliant', width: 12, numFmt: COUNT_FORMAT },
  { header: 'Non-compliant', width: 14, numFmt: COUNT_FORMAT },
  { header: 'Score', width: 10, numFmt: PERCENT_FORMAT },
];
const STATUS_COLUMN = 3;
const SCORE_COLUMN = 9;

/** What the Summary tab shows: the run's facts, then one scorecard row per scanned account. */
export interface SummarySheetContent {
  runId: string;
  startDate: string;
  endDate: string;
  generatedAt: string;
  totals: ReportTotals;
  accounts: readonly AccountScore[];
}

/** Worst score first; accounts with nothing evaluated (`n/a`) last; ties by account id. */
export const byWorstScore = (a: AccountScore, b: AccountScore): number => {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return a.score - b.score;
  }
  return a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;
};

const factRows = (c: SummarySheetContent): [string, string | number][] => [
  ['Run ID', c.runId],
  ['Range', `${c.startDate} to ${c.endDate}`],
  ['Generated at', c.generatedAt],
  ['Accounts', c.totals.accounts],
  ['Accounts scanned', c.totals.scanned],
  ['Accounts failed', c.totals.failed],
  ['Compliant resources', c.totals.compliant],
  ['Non-compliant resources', c.totals.nonCompliant],
  ['Score', c.totals.score ?? 'n/a'],
  ['Config-disabled regions', c.totals.configDisabledRegions],
];

/**
 * Writes the **Summary** tab: the run facts (rows 1–10), a blank row, then the scorecard whose header row is frozen
 * and filtered (so it is row 12, not row 1: the facts stay on top). Status cells are green / amber / red and the
 * Score column has a red → yellow → green scale.
 */
export const writeSummarySheet = (workbook: StreamingWorkbook, content: SummarySheetContent): void => {
  const facts = factRows(content);
  const headerRowNumber = facts.length + 2;
  const sheet = addSheet(workbook, 'Summary', SCORECARD_COLUMNS, headerRowNumber);
  for (const [label, value] of facts) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (typeof value === 'number') row.getCell(2).numFmt = label === 'Score' ? PERCENT_FORMAT : COUNT_FORMAT;
    row.getCell(2).alignment = { horizontal: 'left' };
    row.commit();
  }
  sheet.addRow([]).commit();
  const header = writeHeaderRow(sheet, SCORECARD_COLUMNS);

  const accounts = [...content.accounts].sort(byWorstScore);
  for (const a of accounts) {
    writeDataRow(sheet, SCORECARD_COLUMNS, [
      a.accountId,
      a.accountName,
      a.status,
      a.regions,
      a.configDisabledRegions.join(', '),
      a.rules,
      a.compliant,
      a.nonCompliant,
      a.score ?? 'n/a',
    ]);
  }
  const first = header + 1;
  const last = header + accounts.length;
  const status = `$${columnLetter(STATUS_COLUMN)}${first}`;
  sheet.addConditionalFormatting({
    ref: columnRange(STATUS_COLUMN, first, last),
    rules: [
      { type: 'expression', priority: 1, formulae: [`${status}="ok"`], style: toneStyle('good') },
      { type: 'expression', priority: 2, formulae: [`${status}="partial"`], style: toneStyle('neutral') },
      { type: 'expression', priority: 3, formulae: [`${status}="failed"`], style: toneStyle('bad') },
    ],
  });
  sheet.addConditionalFormatting({
    ref: columnRange(SCORE_COLUMN, first, last),
    rules: [
      {
        type: 'colorScale',
        priority: 4,
        cfvo: [
          { type: 'num', value: 0 },
          { type: 'num', value: 0.8 },
          { type: 'num', value: 1 },
        ],
        color: [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }],
      },
    ],
  });
  sheet.commit();
};
