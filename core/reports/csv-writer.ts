import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { RESOURCE_COLUMNS, type ResourceRow } from './report-model';

/** The CSV header, exactly: `Account ID,Account Name,Region,Rule Name,Resource Type,Resource ID,Compliance Type,Annotation,Recorded Time`. */
export const NON_COMPLIANT_CSV_HEADER = RESOURCE_COLUMNS.map((c) => c.title);

const NEEDS_QUOTES = /[",\n\r]/;

/**
 * One CSV field as csv-stringify writes it by default (RFC 4180): quoted when it holds a comma, a quote or a line
 * break, quotes doubled; empty stays empty. Hand-written because the merger writes 200,000+ rows and csv-stringify's
 * per-field options cost about a second there.
 */
export const csvField = (value: string): string =>
  NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const csvLine = (row: ResourceRow): string =>
  `${csvField(row.accountId)},${csvField(row.accountName)},${csvField(row.region)},${csvField(row.ruleName)},${csvField(row.resourceType)},${csvField(row.resourceId)},${csvField(row.complianceType)},${csvField(row.annotation)},${csvField(row.recordedTime)}\n`;

/**
 * Writes the non-compliant resources CSV as rows come (the merger feeds it during its single pass, in final order):
 * the header, then RFC 4180 rows with `\n` line ends and no BOM. Waits for the file to drain when its buffer is full.
 */
export class NonCompliantCsvWriter {
  private readonly out: WriteStream;
  private closed = false;

  constructor(readonly path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    this.out.write(`${NON_COMPLIANT_CSV_HEADER.map(csvField).join(',')}\n`);
  }

  /** Appends rows in the order given. */
  async append(rows: readonly ResourceRow[]): Promise<void> {
    for (const row of rows) {
      if (!this.out.write(csvLine(row))) await once(this.out, 'drain');
    }
  }

  /** Flushes and closes the file; call once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.out.end();
    await once(this.out, 'close');
  }
}

/** Streams rows into `path` as the non-compliant resources CSV (see {@link NonCompliantCsvWriter}), in the order given. */
export const writeNonCompliantCsv = async (rows: AsyncIterable<ResourceRow>, path: string): Promise<void> => {
  const writer = new NonCompliantCsvWriter(path);
  try {
    for await (const row of rows) await writer.append([row]);
  } finally {
    await writer.close();
  }
};
