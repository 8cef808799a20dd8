import { RESOURCE_COLUMNS, type ResourceRow, type SpooledRow } from '../report-model';
import { addEquals } from './formats';
import { waitForSheetDrain } from './sheet-drain';
import { addSheet, type ColumnSpec, type StreamingWorkbook, writeDataRow, writeHeaderRow } from './sheet-kit';

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

/**
 * The change columns (who changed the resource, from where, how and when), after New, filled when Trace changes traced
 * the resource.
 */
const CHANGE_COLUMNS = [
  { key: 'changedBy', header: 'Changed by', width: 32 },
  { key: 'origin', header: 'Origin', width: 44 },
  { key: 'via', header: 'Via', width: 36 },
  { key: 'changedAt', header: 'Changed at', width: 25 },
] as const;

/** Columns of the Non-compliant resources tab: the CSV's columns, with widths, then the New flag and the change columns. */
export const RESOURCE_SHEET_COLUMNS: readonly ColumnSpec[] = [
  ...RESOURCE_COLUMNS.map((c) => ({ header: c.title, width: WIDTHS[c.key] })),
  { header: 'New', width: 8 },
  ...CHANGE_COLUMNS.map(({ header, width }) => ({ header, width })),
];
const COMPLIANCE_COLUMN = RESOURCE_COLUMNS.findIndex((c) => c.key === 'complianceType') + 1;
const NEW_COLUMN = RESOURCE_COLUMNS.length + 1;

/** The New column's values: `Yes` / `No`, or `n/a` when there is no previous run to compare with. */
export const NEW_FLAG = { yes: 'Yes', no: 'No', unknown: 'n/a' } as const;

/** Rows between backpressure checks (see {@link waitForSheetDrain}). */
const DRAIN_CHECK_EVERY = 500;

/**
 * Writes the **Non-compliant resources** tab from a row stream, committing each row as it comes and waiting for
 * the zip to drain every few hundred rows, so memory stays flat. The change columns are empty for untraced resources. Compliance Type `NON_COMPLIANT` cells are red and
 * New `Yes` cells amber. Returns the row count.
 */
export const writeResourcesSheet = async (
  workbook: StreamingWorkbook,
  rows: AsyncIterable<SpooledRow>,
  hasPrevious = false,
): Promise<number> => {
  const sheet = addSheet(workbook, 'Non-compliant resources', RESOURCE_SHEET_COLUMNS);
  const header = writeHeaderRow(sheet, RESOURCE_SHEET_COLUMNS);
  const values: unknown[] = new Array(RESOURCE_SHEET_COLUMNS.length);
  let count = 0;
  for await (const row of rows) {
    RESOURCE_COLUMNS.forEach(({ key }, i) => {
      values[i] = row[key];
    });
    values[NEW_COLUMN - 1] = hasPrevious ? (row.isNew ? NEW_FLAG.yes : NEW_FLAG.no) : NEW_FLAG.unknown;
    CHANGE_COLUMNS.forEach(({ key }, i) => {
      values[NEW_COLUMN + i] = row[key] ?? '';
    });
    writeDataRow(sheet, RESOURCE_SHEET_COLUMNS, values);
    count += 1;
    if (count % DRAIN_CHECK_EVERY === 0) await waitForSheetDrain(sheet);
  }
  const rowsRange = { first: header + 1, last: header + count };
  addEquals(sheet, { column: COMPLIANCE_COLUMN, ...rowsRange }, 'NON_COMPLIANT', 'bad', 1);
  addEquals(sheet, { column: NEW_COLUMN, ...rowsRange }, NEW_FLAG.yes, 'neutral', 2);
  sheet.commit();
  return count;
};
