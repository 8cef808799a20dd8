import type { TrendPoint } from '../history/history.schema';
import { addAboveZeroBad, addScoreScale } from './formats';
import {
  addSheet,
  COUNT_FORMAT,
  type ColumnSpec,
  PERCENT_FORMAT,
  type StreamingWorkbook,
  toneStyle,
  writeDataRow,
  writeHeaderRow,
} from './sheet-kit';

/** Columns of the Trend tab. */
export const TREND_COLUMNS: readonly ColumnSpec[] = [
  { header: 'End date', width: 12 },
  { header: 'Run ID', width: 40 },
  { header: 'Accounts', width: 11, numFmt: COUNT_FORMAT },
  { header: 'Compliant', width: 13, numFmt: COUNT_FORMAT },
  { header: 'Non-compliant', width: 14, numFmt: COUNT_FORMAT },
  { header: 'Score', width: 10, numFmt: PERCENT_FORMAT },
  { header: 'New', width: 11, numFmt: COUNT_FORMAT },
  { header: 'Resolved', width: 11, numFmt: COUNT_FORMAT },
];

/** Writes the **Trend** tab: one row per run, oldest first, this run last. Score scale, New red, Resolved green. */
export const writeTrendSheet = (workbook: StreamingWorkbook, trend: readonly TrendPoint[]): void => {
  const sheet = addSheet(workbook, 'Trend', TREND_COLUMNS);
  const header = writeHeaderRow(sheet, TREND_COLUMNS);
  for (const p of trend) {
    writeDataRow(sheet, TREND_COLUMNS, [
      p.endDate,
      p.runId,
      p.accounts,
      p.compliant,
      p.nonCompliant,
      p.score ?? 'n/a',
      p.new ?? 'n/a',
      p.resolved ?? 'n/a',
    ]);
  }
  const rows = { first: header + 1, last: header + trend.length };
  addScoreScale(sheet, { column: 6, ...rows }, 1);
  addAboveZeroBad(sheet, { column: 7, ...rows }, 2);
  sheet.addConditionalFormatting({
    ref: `H${rows.first}:H${Math.max(rows.first, rows.last)}`,
    rules: [{ type: 'cellIs', priority: 3, operator: 'greaterThan', formulae: ['0'], style: toneStyle('good') }],
  });
  sheet.commit();
};
