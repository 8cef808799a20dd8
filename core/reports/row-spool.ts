import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ChangeColumns } from './change-context/change-columns';
import type { ResourceRow, SpooledRow } from './report-model';

/**
 * A temp file of non-compliant resource rows (one JSON array per line, in column order, then the New flag 0/1 and
 * the four change columns), written one account at a
 * time and read back as often as needed. It lets the merger read each partial once yet write the rows into both the
 * CSV and the workbook's sheets in tab order, with only one account's rows in memory at a time.
 */
export class RowSpool {
  private readonly out: WriteStream;
  private closed = false;

  constructor(readonly path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  }

  /**
   * Appends rows (with their New flags, 1 = new, and their change columns when traced), waiting for the file to
   * drain when its buffer is full.
   */
  async append(
    rows: readonly ResourceRow[],
    newFlags?: Uint8Array,
    changeOf?: (row: ResourceRow) => ChangeColumns,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i] as ResourceRow;
      const change = changeOf?.(row);
      const line = `${JSON.stringify([
        row.accountId,
        row.accountName,
        row.region,
        row.ruleName,
        row.resourceType,
        row.resourceId,
        row.complianceType,
        row.annotation,
        row.recordedTime,
        newFlags?.[i] ?? 0,
        change?.changedBy ?? '',
        change?.origin ?? '',
        change?.via ?? '',
        change?.changedAt ?? '',
      ])}\n`;
      if (!this.out.write(line)) await once(this.out, 'drain');
    }
  }

  /** Flushes and closes the file; call once, before {@link rows}. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.out.end();
    await once(this.out, 'close');
  }

  /** Streams the rows back in the order they were appended. */
  async *rows(): AsyncGenerator<SpooledRow> {
    const lines = createInterface({ input: createReadStream(this.path, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      const [
        accountId,
        accountName,
        region,
        ruleName,
        resourceType,
        resourceId,
        complianceType,
        annotation,
        recordedTime,
        isNew,
        changedBy,
        origin,
        via,
        changedAt,
      ] = JSON.parse(line) as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        number,
        ...string[],
      ];
      yield {
        accountId: accountId ?? '',
        accountName: accountName ?? '',
        region: region ?? '',
        ruleName: ruleName ?? '',
        resourceType: resourceType ?? '',
        resourceId: resourceId ?? '',
        complianceType: complianceType ?? '',
        annotation: annotation ?? '',
        recordedTime: recordedTime ?? '',
        isNew: isNew === 1,
        changedBy: changedBy ?? '',
        origin: origin ?? '',
        via: via ?? '',
        changedAt: changedAt ?? '',
      };
    }
  }
}
