// Writes scenario files readably: 2-space JSON, with the long record arrays one element per line (short, diffable).

/** Arrays written one element per line, to keep the file short and diffable. */
const ONE_PER_LINE = new Set([
  'accounts',
  'configRules',
  'evaluations',
  'cloudAccounts',
  'policies',
  'alerts',
  'recommendations',
]);

/** JSON with 2-space indentation, except that elements of the arrays above sit on one line each. */
export const formatScenario = (value: unknown, indent = '', key = ''): string => {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => (ONE_PER_LINE.has(key) ? JSON.stringify(item) : formatScenario(item, inner)));
    return `[\n${items.map((item) => `${inner}${item}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatScenario(v, inner, k)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
};
