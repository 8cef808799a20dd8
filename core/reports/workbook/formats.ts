import type { ConditionalFormattingRule, Worksheet } from 'exceljs';
import { columnLetter, columnRange, toneStyle } from './sheet-kit';

/** Score changes in points of percentage, signed: `+2.5%`, `-1.0%`, `0.0%`. */
export const CHANGE_FORMAT = '+0.0%;-0.0%;0.0%';

/** Lacework severities (title case, as the legacy tools write them) and their fill / font (ARGB), worst first. */
export const SEVERITY_COLOURS = {
  Critical: { fill: 'FFC00000', font: 'FFFFFFFF' },
  High: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  Medium: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  Low: { fill: 'FFDDEBF7', font: 'FF1F4E78' },
  Info: { fill: 'FFEDEDED', font: 'FF595959' },
} as const;

/** The red → yellow → green scale used on every score column (0 %, 80 %, 100 %). */
export const SCORE_SCALE_COLOURS = ['FFF8696B', 'FFFFEB84', 'FF63BE7B'] as const;

/** The rows a column rule covers: `first`..`last` (an empty sheet still gets a one-row range). */
export interface ColumnRows {
  column: number;
  first: number;
  last: number;
}

const cellOf = ({ column, first }: ColumnRows) => `$${columnLetter(column)}${first}`;
const refOf = ({ column, first, last }: ColumnRows) => columnRange(column, first, last);

/** One expression rule per severity on a severity column (`$C2="Critical"` …). */
export const addSeverityFormats = (sheet: Worksheet, at: ColumnRows, priority = 1): void => {
  const rules: ConditionalFormattingRule[] = Object.entries(SEVERITY_COLOURS).map(([name, colours], i) => ({
    type: 'expression',
    priority: priority + i,
    formulae: [`${cellOf(at)}="${name}"`],
    style: {
      fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: colours.fill } },
      font: { color: { argb: colours.font }, bold: name === 'Critical' },
    },
  }));
  sheet.addConditionalFormatting({ ref: refOf(at), rules });
};

/** The three-colour scale on a score column. */
export const addScoreScale = (sheet: Worksheet, at: ColumnRows, priority = 1): void => {
  sheet.addConditionalFormatting({
    ref: refOf(at),
    rules: [
      {
        type: 'colorScale',
        priority,
        cfvo: [
          { type: 'num', value: 0 },
          { type: 'num', value: 0.8 },
          { type: 'num', value: 1 },
        ],
        color: SCORE_SCALE_COLOURS.map((argb) => ({ argb })),
      },
    ],
  });
};

/** Red when the number is above zero (violations, new findings). */
export const addAboveZeroBad = (sheet: Worksheet, at: ColumnRows, priority = 1): void => {
  sheet.addConditionalFormatting({
    ref: refOf(at),
    rules: [{ type: 'cellIs', priority, operator: 'greaterThan', formulae: ['0'], style: toneStyle('bad') }],
  });
};

/** Green above zero, red below (score changes; resolved counts only ever go green). */
export const addSignedChange = (sheet: Worksheet, at: ColumnRows, priority = 1): void => {
  sheet.addConditionalFormatting({
    ref: refOf(at),
    rules: [
      { type: 'cellIs', priority, operator: 'greaterThan', formulae: ['0'], style: toneStyle('good') },
      { type: 'cellIs', priority: priority + 1, operator: 'lessThan', formulae: ['0'], style: toneStyle('bad') },
    ],
  });
};

/** Highlights cells equal to `text` (e.g. the New flag `Yes`, or `NON_COMPLIANT`) in one tone. */
export const addEquals = (
  sheet: Worksheet,
  at: ColumnRows,
  text: string,
  tone: 'good' | 'neutral' | 'bad',
  priority = 1,
): void => {
  sheet.addConditionalFormatting({
    ref: refOf(at),
    rules: [{ type: 'expression', priority, formulae: [`${cellOf(at)}="${text}"`], style: toneStyle(tone) }],
  });
};
