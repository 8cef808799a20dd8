import ExcelJS from 'exceljs';
import type { LaceworkReports } from '../../domain/lacework-report';
import type { AggregateResult } from '../aggregation';
import { alertContextLookup } from '../change-context/alert-context';
import type { ChangeContextReport } from '../change-context/change-context-collector';
import type { ResolvedRow } from '../history/change-tracker';
import { NO_COMPARISON, type RunComparison } from '../history/comparison';
import type { TrendPoint } from '../history/history.schema';
import type { SpooledRow } from '../report-model';
import { writeChangeContextSheet } from './change-context-sheet';
import { writeFailedSheet } from './failed-sheet';
import { writeLaceworkAlertsSheet, writeLaceworkComplianceSheet } from './lacework-sheets';
import { writeResolvedSheet } from './resolved-sheet';
import { writeResourcesSheet } from './resources-sheet';
import { writeRulesSheet } from './rules-sheet';
import { writeSummarySheet } from './summary-sheet';
import { writeTrendSheet } from './trend-sheet';

/** The tabs, in order. */
export const SHEET_NAMES = [
  'Summary',
  'Config rules',
  'Non-compliant resources',
  'Resolved',
  'Change context',
  'Lacework compliance',
  'Lacework alerts',
  'Failed accounts',
  'Trend',
] as const;

/** Everything the workbook shows; `rows` is read once, as a stream. */
export interface WorkbookContent {
  run: { runId: string; startDate: string; endDate: string };
  generatedAt: Date;
  result: AggregateResult;
  rows: AsyncIterable<SpooledRow>;
  /** @default - no previous run (changes shown as n/a) */
  comparison?: RunComparison;
  /** Resources resolved since the previous run, read once. @default - none */
  resolved?: Iterable<ResolvedRow>;
  /** Runs oldest first, this one last. @default - no rows */
  trend?: readonly TrendPoint[];
  /** @default - the Lacework tabs say "Lacework not configured for this run" */
  lacework?: LaceworkReports;
  /** Trace changes' findings. @default - the Change context tab says no resource was traced */
  changeContext?: ChangeContextReport;
}

/** Row counts of the streamed tabs. */
export interface WorkbookCounts {
  resources: number;
  resolved: number;
  changeContext: number;
}

/**
 * Writes the compliance workbook to `path` with exceljs's streaming writer, one sheet at a time in tab order, each
 * committed before the next is added.
 *
 * Why not "add every sheet first and commit the Summary last"? exceljs allows it and the file is valid, but the
 * writer zips sheets in the order they were created and a sheet's XML is buffered until every earlier sheet is
 * committed: the whole Non-compliant resources tab would sit in memory (measured: ~85 MB per 200,000 rows, growing
 * linearly) until the Summary is done. So the caller aggregates first (rows spooled to a temp file, New / Resolved
 * worked out while spooling) and this function writes the tabs in order, streaming the two large ones.
 */
export const writeComplianceWorkbook = async (content: WorkbookContent, path: string): Promise<WorkbookCounts> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'compliance-report';
  workbook.created = content.generatedAt;
  const { run, result } = content;
  const comparison = content.comparison ?? NO_COMPARISON;
  writeSummarySheet(workbook, {
    ...run,
    generatedAt: content.generatedAt.toISOString(),
    totals: result.totals,
    accounts: result.accounts,
    rules: result.rules,
    comparison,
  });
  writeRulesSheet(workbook, result.rules);
  const hasPrevious = comparison.previous !== undefined;
  const resources = await writeResourcesSheet(workbook, content.rows, hasPrevious);
  const resolved = await writeResolvedSheet(workbook, content.resolved ?? [], hasPrevious);
  const changeContext = await writeChangeContextSheet(workbook, content.changeContext);
  await writeLaceworkComplianceSheet(workbook, content.lacework);
  await writeLaceworkAlertsSheet(workbook, content.lacework, alertContextLookup(content.changeContext?.rows ?? []));
  writeFailedSheet(workbook, result.failed);
  writeTrendSheet(workbook, content.trend ?? []);
  await workbook.commit();
  return { resources, resolved, changeContext };
};
