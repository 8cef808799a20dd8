import { NO_COMPARISON } from '../../../../../core/reports/history/comparison';
import type { TrendPoint } from '../../../../../core/reports/history/history.schema';
import { renderSummaryHtml, type SummaryHtmlContent } from '../../../../../core/reports/html/summary-html';
import { lineChart } from '../../../../../core/reports/html/svg-chart';
import { FIXED_NOW } from '../../../../helpers/builders/fixed-clock';

const point = (endDate: string, score: number | null, nonCompliant: number): TrendPoint => ({
  endDate,
  runId: `run-${endDate}`,
  accounts: 2,
  compliant: 10,
  nonCompliant,
  score,
  new: null,
  resolved: null,
});

const content = (overrides: Partial<SummaryHtmlContent> = {}): SummaryHtmlContent => ({
  run: { runId: 'run-1', startDate: '2026-11-02', endDate: '2026-11-08' },
  generatedAt: FIXED_NOW,
  totals: {
    accounts: 2,
    scanned: 1,
    failed: 1,
    compliant: 10,
    nonCompliant: 5,
    score: 10 / 15,
    configDisabledRegions: 0,
  },
  accounts: [
    {
      accountId: '111111111111',
      accountName: '<script>alert("x")</script>',
      status: 'ok',
      regions: 1,
      configDisabledRegions: [],
      rules: 1,
      compliant: 10,
      nonCompliant: 5,
      score: 10 / 15,
      errors: [],
    },
  ],
  rules: [
    {
      rule: 'rule & co',
      rawNames: [],
      compliant: 10,
      nonCompliant: 5,
      accountsWithViolations: 1,
      accountsEvaluated: 1,
    },
  ],
  failed: [{ accountId: '222222222222', accountName: "O'Brien", phase: 'assume-role', error: 'AccessDenied <x>' }],
  comparison: NO_COMPARISON,
  trend: [point('2026-11-08', 10 / 15, 5)],
  files: [{ name: 'compliance-report_2026-11-02_to_2026-11-08.xlsx', label: 'Workbook' }],
  ...overrides,
});

describe('renderSummaryHtml', () => {
  it('escapes every customer-provided text', () => {
    // Act
    const html = renderSummaryHtml(content());

    // Assert
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('O&#39;Brien');
    expect(html).toContain('rule &amp; co');
    expect(html).toContain('AccessDenied &lt;x&gt;');
  });

  it('is self-contained: no script, no external URL, inline CSS and SVG', () => {
    // Act
    const html = renderSummaryHtml(content());

    // Assert
    expect(html).not.toMatch(/<script|<link|@import|url\(|src=/i);
    expect(html.match(/https?:\/\/[^"]*/g) ?? []).toEqual(['http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg']);
    expect(html).toContain('<style>');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('href="compliance-report_2026-11-02_to_2026-11-08.xlsx"');
  });

  it('shows a single run as one marker per chart, without a line', () => {
    // Act
    const html = renderSummaryHtml(content());

    // Assert
    expect(html.match(/<circle /g)).toHaveLength(2);
    expect(html).not.toContain('<polyline');
  });
});

describe('lineChart', () => {
  it('draws a polyline through the known points and skips gaps', () => {
    // Act
    const svg = lineChart({
      title: 'Score',
      points: [
        { label: 'a', value: 0.5 },
        { label: 'b', value: null },
        { label: 'c', value: 1 },
      ],
      format: String,
      min: 0,
      max: 1,
    });

    // Assert
    expect(svg.match(/<polyline points="([^"]+)"/)?.[1]?.split(' ')).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(2);
  });

  it('says "no data" when no point has a value', () => {
    // Act
    const svg = lineChart({ title: 'Score', points: [{ label: 'a', value: null }], format: String });

    // Assert
    expect(svg).toContain('no data');
  });
});
