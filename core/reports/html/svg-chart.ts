import { escapeHtml } from './escape-html';

/** One point of a line chart; `value: null` is a gap (e.g. a run where nothing was evaluated). */
export interface ChartPoint {
  label: string;
  value: number | null;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  title: string;
  points: readonly ChartPoint[];
  format: (value: number) => string;
  /** Fixed axis bounds (e.g. 0–1 for scores). @default - the data's range, padded */
  min?: number;
  max?: number;
  colour?: string;
}

const WIDTH = 600;
const HEIGHT = 240;
const PAD = { left: 72, right: 24, top: 16, bottom: 44 };

const round = (n: number): string => n.toFixed(1);

/** First label starts at its point, last ends at it, so neither is clipped; a lone point is centred. */
const anchorOf = (i: number, count: number): string =>
  count === 1 ? 'middle' : i === 0 ? 'start' : i === count - 1 ? 'end' : 'middle';

/**
 * An inline, self-contained SVG line chart (no script, no external resource) that scales with its container
 * (`viewBox`, `width: 100%`). Every point gets a marker, so a single run still shows as a dot; labels are escaped.
 */
export const lineChart = (options: LineChartOptions): string => {
  const { points, format, title } = options;
  const colour = options.colour ?? '#1f4e78';
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  let min = options.min ?? Math.min(...values, 0);
  let max = options.max ?? Math.max(...values, 1);
  if (max <= min) max = min + 1;
  if (options.max === undefined) max += (max - min) * 0.1;
  if (options.min === undefined && min > 0) min = Math.max(0, min - (max - min) * 0.1);

  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH - ((v - min) / (max - min)) * plotH;

  const grid = [0, 0.5, 1].map((f) => {
    const v = min + (max - min) * f;
    return `<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${round(y(v))}" y2="${round(y(v))}" class="grid"/><text x="${PAD.left - 8}" y="${round(y(v) + 5)}" text-anchor="end">${escapeHtml(format(v))}</text>`;
  });
  const coords = points.flatMap((p, i) => (p.value === null ? [] : [`${round(x(i))},${round(y(p.value))}`]));
  const markers = points.flatMap((p, i) =>
    p.value === null
      ? []
      : [
          `<circle cx="${round(x(i))}" cy="${round(y(p.value))}" r="4" fill="${colour}"><title>${escapeHtml(`${p.label}: ${format(p.value)}`)}</title></circle>`,
        ],
  );
  const step = Math.max(1, Math.ceil(points.length / 6));
  const labels = points.flatMap((p, i) =>
    i % step === 0 || i === points.length - 1
      ? [
          `<text x="${round(x(i))}" y="${HEIGHT - PAD.bottom + 22}" text-anchor="${anchorOf(i, points.length)}">${escapeHtml(p.label)}</text>`,
        ]
      : [],
  );
  const line =
    coords.length > 1
      ? `<polyline points="${coords.join(' ')}" fill="none" stroke="${colour}" stroke-width="2.5"/>`
      : '';
  return [
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${escapeHtml(title)}</title>`,
    ...grid,
    line,
    ...markers,
    ...labels,
    values.length === 0 ? `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle">no data</text>` : '',
    '</svg>',
  ].join('');
};
