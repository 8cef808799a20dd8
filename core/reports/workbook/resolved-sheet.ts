import type { ResolvedRow } from '../history/change-tracker';
import { waitForSheetDrain } from './sheet-drain';
import {
  addSheet,
  type ColumnSpec,
  type StreamingWorkbook,
  writeDataRow,
  writeHeaderRow,
  writeNoteRow,
} from './sheet-kit';

/** Columns of the Resolved tab. */
export const RESOLVED_COLUMNS: readonly ColumnSpec[] = [
  { header: 'Account ID', width: 15 },
  { header: 'Account Name', width: 28 },
  { header: 'Region', width: 15 },
  { header: 'Rule (normalized)', width: 44 },
  { header: 'Resource Type', width: 28 },
  { header: 'Resource ID', width: 40 },
];

const DRAIN_CHECK_EVERY = 500;

/**
 * Writes the **Resolved** tab: resources non-compliant in the previous run and no longer (in accounts and regions
 * scanned both times), streamed. Without a previous run it says so in a note row. Returns the row count.
 */
export const writeResolvedSheet = async (
  workbook: StreamingWorkbook,
  rows: Iterable<ResolvedRow>,
  hasPrevious: boolean,
): Promise<number> => {
  const sheet = addSheet(workbook, 'Resolved', RESOLVED_COLUMNS);
  writeHeaderRow(sheet, RESOLVED_COLUMNS);
  let count = 0;
  for (const r of rows) {
    writeDataRow(sheet, RESOLVED_COLUMNS, [r.accountId, r.accountName, r.region, r.rule, r.resourceType, r.resourceId]);
    count += 1;
    if (count % DRAIN_CHECK_EVERY === 0) await waitForSheetDrain(sheet);
  }
  if (!hasPrevious) writeNoteRow(sheet, 'No earlier run in history: nothing to compare with');
  sheet.commit();
  return count;
};
