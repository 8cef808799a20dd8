import { RESOURCE_COLUMNS, type ResourceRow } from '../report-model';
import { waitForSheetDrain } from './sheet-drain';
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

/** Columns of the Non-compliant resources tab (the CSV's columns, with widths). */
export const RESOURCE_SHEET_COLUMNS: readonly ColumnSpec[] = RESOURCE_COLUMNS.map((c) => ({
  header: c.title,
  width: WIDTHS[c.key],
}));
const COMPLIANCE_COLUMN = RESOURCE_COLUMNS.findIndex((c) => c.key === 'complianceType') + 1;

/** Rows between backpressure checks (see {@link waitForSheetDrain}). */
const DRAIN_CHECK_EVERY = 500;

/**
 * Writes the **Non-compliant resources** tab from a row stream, committing each row as it comes and waiting for
 * the zip to drain every few hundred rows, so memory stays flat. Compliance Type `NON_COMPLIANT` cells are red. Returns the row count.
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
    if (count % DRAIN_CHECK_EVERY === 0) await waitForSheetDrain(sheet);
  }
  const cell = `$${columnLetter(COMPLIANCE_COLUMN)}${header + 1}`;
  sheet.addConditionalFormatting({
    ref: columnRange(COMPLIANCE_COLUMN, header + 1, header + count),
    rules: [{ type: 'expression', priority: 1, formulae: [`${cell}="NON_COMPLIANT"`], style: toneStyle('bad') }],
  });
  sheet.commit();
  return count;
};
