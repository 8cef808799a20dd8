import { z } from 'zod';
import {
  type ChildExecutionRecord,
  ChildExecutionRecordSchema,
  type MapOutput,
  MapResultManifestSchema,
} from '../../domain/map-output.schema';
import { type ScanSummary, ScanSummarySchema } from '../../domain/scan-account.schema';
import type { ObjectStore } from '../../platform/storage/object-store.port';
import type { Log } from '../../shared/log.port';

const ChildInputSchema = z.looseObject({ accountId: z.string() });

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * The ScanSummary a child execution stands for: its `Output` when it succeeded, else (a FAILED, TIMED_OUT or ABORTED
 * child: Account failed's `Error`/`Cause`) a `failed` summary built from them and the `Input`'s account.
 * Returns `undefined` for a record that names no account.
 */
export const summaryFromRecord = (record: ChildExecutionRecord): ScanSummary | undefined => {
  const output = record.Output === undefined ? undefined : ScanSummarySchema.safeParse(parseJson(record.Output));
  if (output?.success) return output.data;
  const input = ChildInputSchema.safeParse(record.Input === undefined ? undefined : parseJson(record.Input));
  if (!input.success) return undefined;
  const reason = [record.Error ?? 'ChildExecutionFailed', record.Cause ?? record.Status ?? 'no cause recorded'];
  return { accountId: input.data.accountId, status: 'failed', errors: [reason.join(': ')] };
};

/** A redriven Map Run can report an account twice: a summary with data beats a `failed` one, else the first wins. */
const keepBetter = (summaries: Map<string, ScanSummary>, summary: ScanSummary): void => {
  const existing = summaries.get(summary.accountId);
  if (!existing || (existing.status === 'failed' && summary.status !== 'failed')) {
    summaries.set(summary.accountId, summary);
  }
};

const readJson = async (store: ObjectStore, key: string, log: Log): Promise<unknown> => {
  const text = await store.getText(key);
  if (text === undefined) {
    log.warn('map result object not found', { key });
    return undefined;
  }
  const json = parseJson(text);
  if (json === undefined) log.warn('map result object is not JSON', { key });
  return json;
};

const readManifestSummaries = async (
  result: MapOutput,
  store: ObjectStore,
  log: Log,
): Promise<Map<string, ScanSummary>> => {
  const summaries = new Map<string, ScanSummary>();
  const { Bucket, Key } = result.ResultWriterDetails;
  if (Bucket !== store.bucket)
    log.warn('map results are in another bucket; reading the key from ours', { Bucket, Key });
  const manifest = MapResultManifestSchema.safeParse(await readJson(store, Key, log));
  if (!manifest.success) {
    log.warn('map result manifest unreadable; failed accounts will lack the Catch reason', { key: Key });
    return summaries;
  }
  const files = [...manifest.data.ResultFiles.SUCCEEDED, ...manifest.data.ResultFiles.FAILED];
  for (const file of files) {
    const records = z.array(z.unknown()).safeParse(await readJson(store, file.Key, log));
    if (!records.success) continue;
    for (const item of records.data) {
      const record = ChildExecutionRecordSchema.safeParse(item);
      const summary = record.success ? summaryFromRecord(record.data) : undefined;
      if (summary) keepBetter(summaries, summary);
      else log.warn('map result record names no account', { key: file.Key });
    }
  }
  return summaries;
};

/**
 * Every account's ScanSummary, by account id, from the Map Run's ResultWriter manifest: its SUCCEEDED and FAILED
 * result files, read one at a time; unreadable files or records are logged and skipped (the partials remain the
 * source of the data, and an account with neither a record nor a partial is listed as failed).
 */
export const readScanSummaries = (scan: MapOutput, store: ObjectStore, log: Log): Promise<Map<string, ScanSummary>> =>
  readManifestSummaries(scan, store, log);
