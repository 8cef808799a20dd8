import type { LaceworkReports } from '../../domain/lacework-report';
import type { ChangeContextReport } from '../change-context/change-context-collector';
import type { RunComparison } from '../history/comparison';
import type { TrendPoint } from '../history/history.schema';
import type { AccountScore, FailedAccount, ReportTotals, RuleTotals } from '../report-model';
import { byWorstScore } from '../workbook/summary-sheet';
import { escapeHtml as e, formatChange, formatCount, formatPercent } from './escape-html';
import { investigationSection } from './investigation-html';
import { SUMMARY_CSS } from './summary-css';
import { lineChart } from './svg-chart';

/** A file next to summary.html, linked by its relative name. */
export interface LinkedFile {
  name: string;
  label: string;
}

/** What summary.html shows. */
export interface SummaryHtmlContent {
  run: { runId: string; startDate: string; endDate: string };
  generatedAt: Date;
  totals: ReportTotals;
  accounts: readonly AccountScore[];
  rules: readonly RuleTotals[];
  failed: readonly FailedAccount[];
  comparison: RunComparison;
  /** Runs oldest first, this one last. */
  trend: readonly TrendPoint[];
  files: readonly LinkedFile[];
  lacework?: LaceworkReports;
  /** Trace changes' findings. @default - "No resource traced for this run" */
  changeContext?: ChangeContextReport;
}

/** How many accounts, rules and failed accounts the page lists (the workbook has them all). */
export const HTML_LIST_LIMIT = 10;

const table = (
  headers: string[],
  rows: string[][],
  numeric: ReadonlySet<number> = new Set(),
  wrap: ReadonlySet<number> = new Set(),
): string =>
  rows.length === 0
    ? '<p class="muted">None.</p>'
    : `<div class="scroll"><table><thead><tr>${headers.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
        .map(
          (r) =>
            `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="num"' : wrap.has(i) ? ' class="text"' : ''}>${c}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table></div>`;

const card = (label: string, value: string, note = '', tone = ''): string =>
  `<div class="card ${tone}"><div class="label">${e(label)}</div><div class="value">${e(value)}</div>${note ? `<div class="note">${e(note)}</div>` : ''}</div>`;

const changeTone = (change: number | null): string =>
  change === null || change === 0 ? '' : change > 0 ? 'good' : 'bad';

const laceworkSection = (lacework: LaceworkReports | undefined): string => {
  if (!lacework) return '<p class="muted">Lacework not configured for this run.</p>';
  const rows = lacework.frameworks.map((f) => [
    e(f.frameworkName),
    formatCount(f.rows.length),
    formatCount(f.rows.filter((r) => r.nonCompliantResources > 0).length),
  ]);
  const errors = lacework.errors.map((m) => `<li>${e(m)}</li>`).join('');
  const alerts = lacework.alerts ? `<p>Alerts: ${formatCount(lacework.alerts.rows.length)}</p>` : '';
  return `${table(['Framework', 'Policies', 'Policies with violations'], rows, new Set([1, 2]))}${alerts}${errors ? `<ul class="errors">${errors}</ul>` : ''}`;
};

/**
 * Renders summary.html: one self-contained page (inline CSS and SVG, no script, no external resource) with the
 * headline numbers, the score and non-compliant trend charts, the worst accounts and rules, New / Resolved counts,
 * failed accounts, the investigation of each traced change, the Lacework headline and links to the other files (relative names). Every text is escaped.
 */
export const renderSummaryHtml = (c: SummaryHtmlContent): string => {
  const { totals, comparison, run } = c;
  const title = `Compliance report ${run.startDate} to ${run.endDate}`;
  const worst = [...c.accounts].sort(byWorstScore).slice(0, HTML_LIST_LIMIT);
  const rules = c.rules.filter((r) => r.nonCompliant > 0).slice(0, HTML_LIST_LIMIT);
  const chartPoints = (pick: (p: TrendPoint) => number | null) =>
    c.trend.map((p) => ({ label: p.endDate, value: pick(p) }));
  const scoreChart = lineChart({
    title: 'Compliance score by run',
    points: chartPoints((p) => p.score),
    format: (v) => `${Math.round(v * 100)}%`,
    min: 0,
    max: 1,
    colour: '#2e7d32',
  });
  const resourcesChart = lineChart({
    title: 'Non-compliant resources by run',
    points: chartPoints((p) => p.nonCompliant),
    format: (v) => formatCount(Math.round(v)),
    colour: '#c62828',
  });
  const cards = [
    card(
      'Score',
      formatPercent(totals.score),
      `change ${formatChange(comparison.scoreChange)}`,
      changeTone(comparison.scoreChange),
    ),
    card('Non-compliant resources', formatCount(totals.nonCompliant), `${formatCount(totals.compliant)} compliant`),
    card('New', formatCount(comparison.counts?.new), 'since the previous run', comparison.counts?.new ? 'bad' : ''),
    card(
      'Resolved',
      formatCount(comparison.counts?.resolved),
      'since the previous run',
      comparison.counts?.resolved ? 'good' : '',
    ),
    card('Accounts', formatCount(totals.accounts), `${formatCount(totals.scanned)} scanned`),
    card('Failed accounts', formatCount(totals.failed), '', totals.failed > 0 ? 'bad' : ''),
  ];
  const previous = comparison.previous ? `${comparison.previous.runId} (${comparison.previous.endDate})` : 'none';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title><style>${SUMMARY_CSS}</style></head>
<body><main>
<header><h1>${e(title)}</h1><p class="muted">Run ${e(run.runId)} · generated ${e(c.generatedAt.toISOString())} · previous run ${e(previous)}</p></header>
<section class="cards">${cards.join('')}</section>
<section class="charts"><figure><figcaption>Score</figcaption>${scoreChart}</figure><figure><figcaption>Non-compliant resources</figcaption>${resourcesChart}</figure></section>
<section><h2>Worst accounts</h2>${table(
    ['Account', 'Name', 'Score', 'Change', 'Non-compliant'],
    worst.map((a) => [
      e(a.accountId),
      e(a.accountName),
      formatPercent(a.score),
      formatChange(comparison.accountScoreChanges.get(a.accountId)),
      formatCount(a.nonCompliant),
    ]),
    new Set([2, 3, 4]),
  )}</section>
<section><h2>Rules with most violations</h2>${table(
    ['Rule', 'Non-compliant', 'Accounts'],
    rules.map((r) => [e(r.rule), formatCount(r.nonCompliant), formatCount(r.accountsWithViolations)]),
    new Set([1, 2]),
  )}</section>
<section><h2>Failed accounts (${formatCount(c.failed.length)})</h2>${table(
    ['Account', 'Name', 'Phase', 'Error'],
    c.failed
      .slice(0, HTML_LIST_LIMIT)
      .map((f) => [e(f.accountId), e(f.accountName), e(f.phase), e(f.error.slice(0, 300))]),
    new Set(),
    new Set([3]),
  )}</section>
<section><h2>Investigation</h2>${investigationSection(c.changeContext)}</section>
<section><h2>Lacework</h2>${laceworkSection(c.lacework)}</section>
<section><h2>Files</h2><ul class="files">${c.files.map((f) => `<li><a href="${e(encodeURIComponent(f.name))}">${e(f.label)}</a> <span class="muted">${e(f.name)}</span></li>`).join('')}</ul></section>
</main></body></html>
`;
};
