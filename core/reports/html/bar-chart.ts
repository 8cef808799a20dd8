import { escapeHtml as e } from './escape-html';

/** One bar of a {@link barChart}. */
export interface Bar {
  label: string;
  value: number;
}

const ROW = 26;
const WIDTH = 600;
const LABEL_W = 230;
const VALUE_W = 60;

/**
 * An inline, self-contained SVG horizontal bar chart (no script, no external resource), one row per bar, longest bar
 * full width, labels escaped; "no data" when there is nothing to draw.
 */
export const barChart = (title: string, bars: readonly Bar[]): string => {
  const height = Math.max(1, bars.length) * ROW + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plot = WIDTH - LABEL_W - VALUE_W;
  const rows = bars.map((b, i) => {
    const y = 4 + i * ROW;
    const w = Math.max(2, (b.value / max) * plot).toFixed(1);
    return `<text x="${LABEL_W - 8}" y="${y + 17}" text-anchor="end">${e(b.label)}</text><rect x="${LABEL_W}" y="${y + 3}" width="${w}" height="${ROW - 8}" fill="#1f4e78"><title>${e(`${b.label}: ${b.value}`)}</title></rect><text x="${LABEL_W + Number(w) + 6}" y="${y + 17}">${e(b.value.toLocaleString('en-US'))}</text>`;
  });
  const empty = bars.length === 0 ? `<text x="${WIDTH / 2}" y="20" text-anchor="middle">no data</text>` : '';
  return `<svg class="bars" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${e(title)}" xmlns="http://www.w3.org/2000/svg"><title>${e(title)}</title>${rows.join('')}${empty}</svg>`;
};
