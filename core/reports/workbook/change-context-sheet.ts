import type { Worksheet } from 'exceljs';
import { SEVERITIES } from '../../domain/severity';
import type { ChangeContextReport, ChangeContextRow } from '../change-context/change-context-collector';
import { type ColumnRows, SEVERITY_COLOURS } from './formats';
import { waitForSheetDrain } from './sheet-drain';
import {
  addSheet,
  type ColumnSpec,
  columnLetter,
  columnRange,
  type StreamingWorkbook,
  writeDataRow,
  writeHeaderRow,
  writeNoteRow,
} from './sheet-kit';

const COLUMNS: readonly (ColumnSpec & { key: keyof ChangeContextRow })[] = [
  { key: 'accountId', header: 'Account ID', width: 15 },
  { key: 'accountName', header: 'Account Name', width: 24 },
  { key: 'region', header: 'Region', width: 15 },
  { key: 'ruleName', header: 'Rule Name', width: 40 },
  { key: 'resourceType', header: 'Resource Type', width: 26 },
  { key: 'resourceId', header: 'Resource ID', width: 36 },
  { key: 'status', header: 'Status', width: 20 },
  { key: 'changedAt', header: 'Changed at', width: 25 },
  { key: 'eventName', header: 'Event', width: 36 },
  { key: 'actor', header: 'Actor', width: 32 },
  { key: 'chain', header: 'Chain', width: 50 },
  { key: 'interface', header: 'Interface', width: 24 },
  { key: 'sourceIp', header: 'Source IP', width: 18 },
  { key: 'userAgent', header: 'User agent', width: 40 },
  { key: 'topSeverity', header: 'Top severity', width: 14 },
  { key: 'findings', header: 'Findings', width: 60 },
  { key: 'detail', header: 'Detail', width: 50 },
];

/** Columns of the Change context tab. */
export const CHANGE_CONTEXT_COLUMNS: readonly ColumnSpec[] = COLUMNS.map(({ header, width }) => ({ header, width }));
const SEVERITY_COLUMN = COLUMNS.findIndex((c) => c.key === 'topSeverity') + 1;
const STATUS_COLUMN = COLUMNS.findIndex((c) => c.key === 'status') + 1;

/** Security Hub's tiers on the finding severity column (Informational takes Lacework's Info colours). */
const addFindingSeverityFormats = (sheet: Worksheet, at: ColumnRows): void => {
  const cell = `$${columnLetter(at.column)}${at.first}`;
  sheet.addConditionalFormatting({
    ref: columnRange(at.column, at.first, at.last),
    rules: SEVERITIES.map((name, i) => {
      const colours = SEVERITY_COLOURS[name === 'Informational' ? 'Info' : name];
      return {
        type: 'expression' as const,
        priority: i + 1,
        formulae: [`${cell}="${name}"`],
        style: {
          fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: colours.fill } },
          font: { color: { argb: colours.font }, bold: name === 'Critical' },
        },
      };
    }),
  });
};

/**
 * Writes the **Change context** tab: one row per traced resource (who, through which chain and interface, from where,
 * and the findings of the origin's activity) and per resource tried but not traced (the reason in Status, what was
 * tried in Detail). Note rows say when nothing was traced, how many candidates the per-account bound left out, and
 * which trace files were unusable. Returns the row count.
 */
export const writeChangeContextSheet = async (
  workbook: StreamingWorkbook,
  report: ChangeContextReport | undefined,
): Promise<number> => {
  const sheet = addSheet(workbook, 'Change context', CHANGE_CONTEXT_COLUMNS);
  const header = writeHeaderRow(sheet, CHANGE_CONTEXT_COLUMNS);
  const rows = report?.rows ?? [];
  let count = 0;
  for (const row of rows) {
    writeDataRow(
      sheet,
      CHANGE_CONTEXT_COLUMNS,
      COLUMNS.map((c) => row[c.key]),
    );
    count += 1;
    if (count % 500 === 0) await waitForSheetDrain(sheet);
  }
  const range = { first: header + 1, last: header + count };
  addFindingSeverityFormats(sheet, { column: SEVERITY_COLUMN, ...range });
  sheet.addConditionalFormatting({
    ref: columnRange(STATUS_COLUMN, range.first, range.last),
    rules: [
      {
        type: 'expression',
        priority: SEVERITIES.length + 1,
        formulae: [
          `AND($${columnLetter(STATUS_COLUMN)}${range.first}<>"traced",$${columnLetter(STATUS_COLUMN)}${range.first}<>"")`,
        ],
        style: { font: { color: { argb: 'FF595959' }, italic: true } },
      },
    ],
  });
  const totals = report?.totals;
  if (!totals || totals.traced === 0) writeNoteRow(sheet, 'No resource traced for this run');
  if (totals && totals.notTraced > 0) {
    writeNoteRow(sheet, `${totals.notTraced} more changed resources not traced (over the per-account limit)`);
  }
  for (const error of totals?.errors ?? []) writeNoteRow(sheet, `Trace error: ${error}`);
  sheet.commit();
  return count;
};
