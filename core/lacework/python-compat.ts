/**
 * Small re-implementations of the Python built-ins the legacy Lacework tools relied on, so that values, file names and
 * sort orders come out byte for byte as the tools wrote them.
 */

/**
 * Python `str` ordering: compares code points (not `localeCompare`, and not UTF-16 code units, which differ only for
 * characters outside the BMP). Returns a negative number, zero or a positive number, for `Array.prototype.sort`.
 *
 * @example ['lacework-global-2', 'lacework-global-10'].sort(pyCompare) // ['lacework-global-10', 'lacework-global-2']
 */
export const pyCompare = (a: string, b: string): number => {
  if (a === b) return 0;
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const l = left.next();
    const r = right.next();
    if (l.done || r.done) return l.done ? (r.done ? 0 : -1) : 1;
    const diff = (l.value.codePointAt(0) ?? 0) - (r.value.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
};

/** Characters that are "cased" for `str.title()`: letters that have an upper or lower case form. */
const isCased = (ch: string): boolean => ch.toLowerCase() !== ch.toUpperCase();

/**
 * Python `str.title()`: the first cased character after an uncased one is upper-cased, every other cased character is
 * lower-cased (`critical` → `Critical`, `HIGH` → `High`, `very_high` → `Very_High`).
 */
export const pyTitle = (value: string): string => {
  let out = '';
  let previousCased = false;
  for (const ch of value) {
    out += previousCased ? ch.toLowerCase() : ch.toUpperCase();
    previousCased = isCased(ch);
  }
  return out;
};

const PY_INT_STRING = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/**
 * Python `int(value)` for the JSON values a report count can hold: integers as they are, floats truncated toward zero
 * (`int(12.9)` is 12), booleans as 1/0, strings of decimal digits with optional sign, surrounding whitespace and
 * `_` separators (`" 12 "` is 12). Returns `undefined` where Python raises (`null`, `""`, `"12.0"`, `"abc"`, NaN,
 * objects), so the caller can decide what a bad value means.
 */
export const pyInt = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) + 0 : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && PY_INT_STRING.test(value)) return Number(value.trim().replaceAll('_', ''));
  return undefined;
};
