import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { RESOURCE_COLUMNS, type ResourceRow } from './report-model';

/** The CSV header, exactly: `Account ID,Account Name,Region,Rule Name,Resource Type,Resource ID,Compliance Type,Annotation,Recorded Time`. */
export const NON_COMPLIANT_CSV_HEADER = RESOURCE_COLUMNS.map((c) => c.title);

/**
 * Streams rows into `path` as the non-compliant resources CSV: RFC 4180 quoting (fields with commas, quotes or line
 * breaks are quoted, quotes doubled), `\n` line ends, no BOM. Rows are written in the order given (the caller
 * supplies them sorted).
 */
export const writeNonCompliantCsv = async (rows: AsyncIterable<ResourceRow>, path: string): Promise<void> => {
  const records = Readable.from(
    (async function* () {
      for await (const row of rows) yield RESOURCE_COLUMNS.map(({ key }) => row[key]);
    })(),
  );
  await pipeline(records, stringify({ header: true, columns: NON_COMPLIANT_CSV_HEADER }), createWriteStream(path));
};
