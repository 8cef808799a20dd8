import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { RESOURCE_COLUMNS, type ResourceRow } from '../report-model';
import {
  addSheet,
  type ColumnSpec,
  columnLetter,
  columnRange,
  type StreamingWorkbook,
  toneStyle,
  writeDataRow,
  writeHeaderRow,
} from './sheet-kit';

const WIDTHS: Record<keyof ResourceRow, number> = {
  accountId: 15,
  accountName: 28,
  region: 15,
  ruleName: 44,
  resourceType: 28,
  resourceId: 40,
  complianceType: 17,
  annotation: 60,
  recordedTime: 25,
};

export const RESOURCE_SHEET_COLUMNS: readonly ColumnSpec[] = RESOURCE_COLUMNS.map((c) => ({
  header: c.title,
  width: WIDTHS[c.key],
}));
const COMPLIANCE_COLUMN = RESOURCE_COLUMNS.findIndex((c) => c.key === 'complianceType') + 1;

/** Rows between yields: exceljs has no backpressure, so the zip stream needs event-loop turns to drain. */
const YIELD_EVERY = 2_000;

/**
 * Writes the **Non-compliant resources** tab from a row stream, committing each row as it comes (only the zip's
 * current buffer stays in memory). Compliance Type `NON_COMPLIANT` cells are red. Returns the row count.
 */
export const writeResourcesSheet = async (
  workbook: StreamingWorkbook,
  rows: AsyncIterable<ResourceRow>,
): Promise<number> => {
  const sheet = addSheet(workbook, 'Non-compliant resources', RESOURCE_SHEET_COLUMNS);
  const header = writeHeaderRow(sheet, RESOURCE_SHEET_COLUMNS);
  let count = 0;
  for await (const row of rows) {
    writeDataRow(
      sheet,
      RESOURCE_SHEET_COLUMNS,
      RESOURCE_COLUMNS.map(({ key }) => row[key]),
    );
    count += 1;
    if (count % YIELD_EVERY === 0) await yieldToEventLoop();
  }
  const cell = `$${columnLetter(COMPLIANCE_COLUMN)}${header + 1}`;
  sheet.addConditionalFormatting({
    ref: columnRange(COMPLIANCE_COLUMN, header + 1, header + count),
    rules: [{ type: 'expression', priority: 1, formulae: [`${cell}="NON_COMPLIANT"`], style: toneStyle('bad') }],
  });
  sheet.commit();
  return count;
};
