import type { FailedAccount } from '../report-model';
import {
  addSheet,
  type ColumnSpec,
  columnRange,
  type StreamingWorkbook,
  toneStyle,
  writeDataRow,
  writeHeaderRow,
} from './sheet-kit';

/** Columns of the Failed accounts tab. */
export const FAILED_COLUMNS: readonly ColumnSpec[] = [
  { header: 'Account ID', width: 15 },
  { header: 'Account Name', width: 32 },
  { header: 'Phase', width: 13 },
  { header: 'Error', width: 100 },
];
const PHASE_COLUMN = 3;

/** Writes the **Failed accounts** tab: every account without usable data and why, in account id order. */
export const writeFailedSheet = (workbook: StreamingWorkbook, failed: readonly FailedAccount[]): void => {
  const sheet = addSheet(workbook, 'Failed accounts', FAILED_COLUMNS);
  const header = writeHeaderRow(sheet, FAILED_COLUMNS);
  for (const f of failed) writeDataRow(sheet, FAILED_COLUMNS, [f.accountId, f.accountName, f.phase, f.error]);
  sheet.addConditionalFormatting({
    ref: columnRange(PHASE_COLUMN, header + 1, header + failed.length),
    rules: [
      {
        type: 'containsText',
        priority: 1,
        operator: 'containsText',
        text: 'assume-role',
        style: toneStyle('bad'),
      },
    ],
  });
  sheet.commit();
};
