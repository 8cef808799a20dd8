import type { RuleTotals } from '../report-model';
import {
  addSheet,
  COUNT_FORMAT,
  type ColumnSpec,
  columnRange,
  type StreamingWorkbook,
  toneStyle,
  writeDataRow,
  writeHeaderRow,
} from './sheet-kit';

/** Columns of the Config rules tab. */
export const RULE_COLUMNS: readonly ColumnSpec[] = [
  { header: 'Rule (normalized)', width: 44 },
  { header: 'Raw names seen', width: 60 },
  { header: 'Compliant resources', width: 14, numFmt: COUNT_FORMAT },
  { header: 'Non-compliant resources', width: 16, numFmt: COUNT_FORMAT },
  { header: 'Accounts with violations', width: 14, numFmt: COUNT_FORMAT },
  { header: 'Accounts evaluated', width: 14, numFmt: COUNT_FORMAT },
];
const NON_COMPLIANT_COLUMN = 4;

/** Writes the **Config rules** tab: one row per normalized rule name, worst first; violations in red. */
export const writeRulesSheet = (workbook: StreamingWorkbook, rules: readonly RuleTotals[]): void => {
  const sheet = addSheet(workbook, 'Config rules', RULE_COLUMNS);
  const header = writeHeaderRow(sheet, RULE_COLUMNS);
  for (const r of rules) {
    writeDataRow(sheet, RULE_COLUMNS, [
      r.rule,
      r.rawNames.join(', '),
      r.compliant,
      r.nonCompliant,
      r.accountsWithViolations,
      r.accountsEvaluated,
    ]);
  }
  sheet.addConditionalFormatting({
    ref: columnRange(NON_COMPLIANT_COLUMN, header + 1, header + rules.length),
    rules: [{ type: 'cellIs', priority: 1, operator: 'greaterThan', formulae: ['0'], style: toneStyle('bad') }],
  });
  sheet.commit();
};
