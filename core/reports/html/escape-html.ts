const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values (account names come from customers). */
export const escapeHtml = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** `87.5 %`, or `n/a`. */
export const formatPercent = (ratio: number | null | undefined): string =>
  ratio === null || ratio === undefined ? 'n/a' : `${(ratio * 100).toFixed(1)} %`;

/** `+2.5 pts` / `-1.0 pts` / `±0.0 pts`, or `n/a`. */
export const formatChange = (change: number | null | undefined): string => {
  if (change === null || change === undefined) return 'n/a';
  const points = (change * 100).toFixed(1);
  if (Number(points) === 0) return '±0.0 pts';
  return `${change > 0 ? '+' : ''}${points} pts`;
};

/** `12,345`, or `n/a`. */
export const formatCount = (n: number | null | undefined): string =>
  n === null || n === undefined ? 'n/a' : n.toLocaleString('en-US');
