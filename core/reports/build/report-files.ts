import type { LaceworkReports } from '../../domain/lacework-report';
import type { AggregateResult } from '../aggregation';
import type { ChangeContextReport } from '../change-context/change-context-collector';
import type { RunComparison } from '../history/comparison';
import type { TrendPoint } from '../history/history.schema';
import { renderSummaryHtml } from '../html/summary-html';

/** Content types of the files Build reports writes. */
export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  html: 'text/html; charset=utf-8',
} as const;

/** The file names under `reports/<endDate>/<runId>/`. */
export const reportFileNames = (run: { startDate: string; endDate: string }) => {
  const range = `${run.startDate}_to_${run.endDate}`;
  return {
    workbook: `compliance-report_${range}.xlsx`,
    csv: `config-noncompliant-resources_${range}.csv`,
    summaryJson: 'summary.json',
    summaryHtml: 'summary.html',
  };
};

/** summary.html for a run, linking the files written next to it (and the Lacework CSVs when the run has them). */
export const summaryHtmlOf = (c: {
  run: { runId: string; startDate: string; endDate: string };
  generatedAt: Date;
  result: AggregateResult;
  comparison: RunComparison;
  trend: readonly TrendPoint[];
  lacework?: LaceworkReports;
  changeContext?: ChangeContextReport;
  names: ReturnType<typeof reportFileNames>;
  /** More files written next to the report (the Lacework CSVs). */
  extraFiles?: readonly { name: string; label: string }[];
}): string =>
  renderSummaryHtml({
    run: c.run,
    generatedAt: c.generatedAt,
    totals: c.result.totals,
    accounts: c.result.accounts,
    rules: c.result.rules,
    failed: c.result.failed,
    comparison: c.comparison,
    trend: c.trend,
    lacework: c.lacework,
    changeContext: c.changeContext,
    files: [
      { name: c.names.workbook, label: 'Workbook (all tabs)' },
      { name: c.names.csv, label: 'Non-compliant resources (CSV)' },
      { name: c.names.summaryJson, label: 'Summary (JSON)' },
      ...(c.extraFiles ?? []),
    ],
  });
