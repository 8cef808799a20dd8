import type { RunComparison } from '../history/comparison';
import type { AccountScore, ReportTotals, RuleTotals } from '../report-model';
import { addAboveZeroBad, addScoreScale, addSignedChange, CHANGE_FORMAT } from './formats';
import {
  addSheet,
  COUNT_FORMAT,
  type ColumnSpec,
  columnLetter,
  columnRange,
  PERCENT_FORMAT,
  type StreamingWorkbook,
  styleHeaderCell,
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
  { header: 'Config-disabled regions', width: 40 },
  { header: 'Rules', width: 14, numFmt: COUNT_FORMAT },
  { header: 'Compliant', width: 14, numFmt: COUNT_FORMAT },
  { header: 'Non-compliant', width: 14, numFmt: COUNT_FORMAT },
  { header: 'Score', width: 10, numFmt: PERCENT_FORMAT },
  { header: 'Score change', width: 12, numFmt: CHANGE_FORMAT },
];
const STATUS_COLUMN = 3;
const SCORE_COLUMN = 9;
const CHANGE_COLUMN = 10;
/** The top-rules table sits beside the facts, in columns E–G, rows 1–11. */
const TOP_RULES_COLUMN = 5;
/** How many rules the Summary lists. */
export const TOP_RULES = 10;

/** What the Summary tab shows. */
export interface SummarySheetContent {
  runId: string;
  startDate: string;
  endDate: string;
  generatedAt: string;
  totals: ReportTotals;
  accounts: readonly AccountScore[];
  /** Worst first (the aggregator's order); the first {@link TOP_RULES} with violations are listed. */
  rules: readonly RuleTotals[];
  comparison: RunComparison;
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

type Fact = [label: string, value: string | number, numFmt?: string];

const factRows = (c: SummarySheetContent): Fact[] => {
  const { previous, counts, scoreChange } = c.comparison;
  return [
    ['Run ID', c.runId],
    ['Range', `${c.startDate} to ${c.endDate}`],
    ['Generated at', c.generatedAt],
    ['Accounts', c.totals.accounts, COUNT_FORMAT],
    ['Accounts scanned', c.totals.scanned, COUNT_FORMAT],
    ['Accounts failed', c.totals.failed, COUNT_FORMAT],
    ['Compliant resources', c.totals.compliant, COUNT_FORMAT],
    ['Non-compliant resources', c.totals.nonCompliant, COUNT_FORMAT],
    ['Score', c.totals.score ?? 'n/a', PERCENT_FORMAT],
    ['Score change', scoreChange ?? 'n/a', CHANGE_FORMAT],
    ['Previous run', previous ? `${previous.runId} (${previous.endDate})` : 'none'],
    ['New non-compliant resources', counts?.new ?? 'n/a', COUNT_FORMAT],
    ['Resolved resources', counts?.resolved ?? 'n/a', COUNT_FORMAT],
    ['Config-disabled regions', c.totals.configDisabledRegions, COUNT_FORMAT],
  ];
};

/** Row `index` of the top-rules table (0 = its header), or empty cells below it. */
const topRuleCells = (rules: readonly RuleTotals[], index: number): (string | number)[] => {
  if (index === 0) return ['Top rules by violations', 'Non-compliant', 'Accounts with violations'];
  const rule = rules[index - 1];
  return rule ? [rule.rule, rule.nonCompliant, rule.accountsWithViolations] : [];
};

/**
 * Writes the **Summary** tab: run facts in A–B (rows 1–14) with the 10 rules with most violations beside them
 * (E–G), a blank row, then the per-account scorecard (worst first) whose header row (16) is frozen and filtered.
 * Status cells are green / amber / red, Score has a red → yellow → green scale, Score change is green up / red down.
 */
export const writeSummarySheet = (workbook: StreamingWorkbook, content: SummarySheetContent): void => {
  const facts = factRows(content);
  const headerRowNumber = facts.length + 2;
  const sheet = addSheet(workbook, 'Summary', SCORECARD_COLUMNS, headerRowNumber);
  const topRules = content.rules.filter((r) => r.nonCompliant > 0).slice(0, TOP_RULES);
  facts.forEach(([label, value, numFmt], index) => {
    const row = sheet.getRow(index + 1);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    row.getCell(2).alignment = { horizontal: 'left' };
    if (numFmt && typeof value === 'number') row.getCell(2).numFmt = numFmt;
    topRuleCells(topRules, index).forEach((cell, offset) => {
      const target = row.getCell(TOP_RULES_COLUMN + offset);
      target.value = cell;
      if (index === 0) styleHeaderCell(target);
      else if (typeof cell === 'number') target.numFmt = COUNT_FORMAT;
    });
    row.commit();
  });
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
      content.comparison.accountScoreChanges.get(a.accountId) ?? 'n/a',
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
  addScoreScale(sheet, { column: SCORE_COLUMN, first, last }, 4);
  addSignedChange(sheet, { column: CHANGE_COLUMN, first, last }, 5);
  addAboveZeroBad(sheet, { column: TOP_RULES_COLUMN + 1, first: 2, last: 1 + topRules.length }, 7);
  sheet.commit();
};
