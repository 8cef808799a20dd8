import type { Cell, Style, stream, Worksheet } from 'exceljs';

/** The streaming workbook (exceljs `stream.xlsx.WorkbookWriter`). */
export type StreamingWorkbook = stream.xlsx.WorkbookWriter;

/** One column of a sheet: its header title, width in characters and optional number format. */
export interface ColumnSpec {
  header: string;
  width: number;
  numFmt?: string;
}

/** Score cells: one decimal percentage. */
export const PERCENT_FORMAT = '0.0%';
/** Counts: thousands separator. */
export const COUNT_FORMAT = '#,##0';

const HEADER_FILL = 'FF1F4E78';
const HEADER_FONT = 'FFFFFFFF';

/** Fills (ARGB) for conditional formatting, Excel's "good / neutral / bad" palette. */
export const TONES = {
  good: { fill: 'FFC6EFCE', font: 'FF006100' },
  neutral: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  bad: { fill: 'FFFFC7CE', font: 'FF9C0006' },
} as const;

/** A conditional-formatting style in one tone. */
export const toneStyle = (tone: keyof typeof TONES) => ({
  fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: TONES[tone].fill } },
  font: { color: { argb: TONES[tone].font } },
});

/** Column letter(s) of a 1-based column number (1 → A, 27 → AA). */
export const columnLetter = (column: number): string => {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

/** `C2:C41` — one column from `firstRow` to `lastRow` (at least one row, so an empty sheet still has a valid ref). */
export const columnRange = (column: number, firstRow: number, lastRow: number): string =>
  `${columnLetter(column)}${firstRow}:${columnLetter(column)}${Math.max(firstRow, lastRow)}`;

/**
 * Adds a worksheet with the house layout: header row `headerRow` frozen (the streaming writer writes the sheet views
 * when the sheet is created, so they are set here), landscape pages fitted to one page wide, column widths. The
 * header itself is written by {@link writeHeaderRow} once any rows above it are committed.
 */
export const addSheet = (
  workbook: StreamingWorkbook,
  name: string,
  columns: readonly ColumnSpec[],
  headerRow = 1,
): Worksheet => {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  return sheet;
};

/** Gives a cell the header style: bold white on dark blue, wrapped. */
export const styleHeaderCell = (cell: Cell): void => {
  cell.font = { bold: true, color: { argb: HEADER_FONT } };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  cell.alignment = { vertical: 'middle', wrapText: true };
};

/** Writes the bold, filled header row and sets the autofilter over it. */
export const writeHeaderRow = (sheet: Worksheet, columns: readonly ColumnSpec[]): number => {
  const row = sheet.addRow(columns.map((c) => c.header));
  row.eachCell(styleHeaderCell);
  row.commit();
  sheet.autoFilter = { from: { row: row.number, column: 1 }, to: { row: row.number, column: columns.length } };
  return row.number;
};

/** Excel's limit on the characters in one cell; longer text (e.g. a stack trace in a Catch cause) is cut. */
export const MAX_CELL_CHARS = 32_767;

const fitCell = (value: unknown): unknown =>
  typeof value === 'string' && value.length > MAX_CELL_CHARS ? `${value.slice(0, MAX_CELL_CHARS - 1)}…` : value;

/**
 * One style object per column (with its number format) and one without, shared by every data cell: exceljs's style
 * registry caches style ids by object identity, so shared objects skip its per-cell style serialisation (measured:
 * about a third of the time of a 200,000-row sheet). They must never be mutated: set styles on header and fact
 * cells only, which keep their own objects.
 */
const SHARED_STYLES = new WeakMap<ColumnSpec, Partial<Style>>();
const PLAIN_STYLE: Partial<Style> = Object.freeze({}) as Partial<Style>;
const columnStyle = (column: ColumnSpec): Partial<Style> => {
  let style = SHARED_STYLES.get(column);
  if (!style) {
    style = Object.freeze(column.numFmt ? { numFmt: column.numFmt } : {}) as Partial<Style>;
    SHARED_STYLES.set(column, style);
  }
  return style;
};

/** Appends a data row, applying each column's number format to numbers, and commits it (streamed out, not kept). */
export const writeDataRow = (sheet: Worksheet, columns: readonly ColumnSpec[], values: readonly unknown[]): void => {
  const row = sheet.addRow(values.map(fitCell));
  for (let i = 0; i < columns.length; i += 1) {
    const column = columns[i] as ColumnSpec;
    row.getCell(i + 1).style = typeof values[i] === 'number' ? columnStyle(column) : PLAIN_STYLE;
  }
  row.commit();
};

/** Writes an italic one-cell note row (e.g. "Lacework not configured for this run"). */
export const writeNoteRow = (sheet: Worksheet, text: string): void => {
  const row = sheet.addRow([fitCell(text)]);
  row.getCell(1).font = { italic: true, color: { argb: 'FF595959' } };
  row.commit();
};
