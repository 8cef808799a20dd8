import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { Worksheet } from 'exceljs';

/** The exceljs 4.4 internals this reads: the sheet's StreamBuf and the zip entry stream it is piped into. */
interface SheetInternals {
  stream?: { pipes?: { _writableState?: { length?: number } }[] };
}

/** Bytes a sheet may queue before the writer waits; about 1 MB keeps memory flat and the deflater busy. */
export const SHEET_QUEUE_LIMIT = 1_000_000;

const queuedBytes = (sheet: Worksheet): number | undefined => {
  const pipes = (sheet as unknown as SheetInternals).stream?.pipes;
  if (!pipes?.length) return undefined;
  return pipes.reduce((sum, pipe) => sum + (pipe._writableState?.length ?? 0), 0);
};

/**
 * Waits until the zip entry of a streaming sheet has drained below `limit` bytes.
 *
 * exceljs's streaming writer has no backpressure: `row.commit()` always succeeds and the XML piles up in the zip
 * entry's PassThrough whenever rows come faster than deflate (measured: +140 MB for 400,000 rows; flat with this
 * wait). There is no public API for it, so this reads exceljs 4.4's internals (pinned in package.json); if their shape
 * changes it degrades to a plain event-loop yield instead of failing.
 */
export const waitForSheetDrain = async (sheet: Worksheet, limit = SHEET_QUEUE_LIMIT): Promise<void> => {
  let queued = queuedBytes(sheet);
  if (queued === undefined) {
    await nextTurn();
    return;
  }
  while (queued !== undefined && queued > limit) {
    await sleep(2);
    queued = queuedBytes(sheet);
  }
};
