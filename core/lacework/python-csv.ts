/**
 * Python `csv.writer(f, quoting=csv.QUOTE_NONNUMERIC)` with the default dialect, which both legacy tools used: every
 * string is quoted (header included) with `"` doubled, numbers are written bare, every row ends in `\r\n`, line breaks
 * inside a field are kept inside the quotes. Written by hand because the bytes must match exactly.
 */

/** One CSV value: a string (always quoted) or an integer (bare). */
export type CsvValue = string | number;

const field = (value: CsvValue): string => {
  if (typeof value === 'string') return `"${value.replaceAll('"', '""')}"`;
  if (!Number.isSafeInteger(value)) throw new RangeError(`csv value ${value} is not an integer`);
  return String(value);
};

/**
 * The whole file as a string (encode as UTF-8, no BOM).
 *
 * @example quoteNonNumericCsv(['Name', 'Count'], [['a "b"', 3]]) // '"Name","Count"\r\n"a ""b""",3\r\n'
 */
export const quoteNonNumericCsv = (header: readonly string[], records: Iterable<readonly CsvValue[]>): string => {
  let out = `${header.map(field).join(',')}\r\n`;
  for (const record of records) out += `${record.map(field).join(',')}\r\n`;
  return out;
};
