import type { MapRunResult } from '../../core/domain/map-output.schema';
import type { ObjectStore } from '../../core/platform/storage/object-store.port';

/** A child execution's status, as `DescribeExecution` and the ResultWriter files name it (plus PENDING: never started). */
export type ChildStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/**
 * One child execution as ResultWriter writes it in `SUCCEEDED_<n>.json` / `FAILED_<n>.json` / `PENDING_<n>.json`
 * (Transformation NONE, the default when exporting to S3): the execution's metadata, its `Input` and `Output` as JSON
 * strings with their `…Details`, and `Error`/`Cause` for an unsuccessful child. Dates are ISO-8601 strings.
 */
export interface ChildRecord {
  ExecutionArn: string;
  Name: string;
  StateMachineArn: string;
  Status: ChildStatus;
  Input: string;
  InputDetails: { Included: boolean };
  Output?: string;
  OutputDetails?: { Included: boolean };
  Error?: string;
  Cause?: string;
  StartDate?: string;
  StopDate?: string;
  RedriveCount: number;
  RedriveStatus: 'REDRIVABLE' | 'NOT_REDRIVABLE' | 'REDRIVABLE_BY_MAP_RUN';
  RedriveStatusReason?: string;
}

/** `manifest.json`: where the result files of one Map Run are, by status, with their sizes in bytes. */
export interface ResultManifest {
  DestinationBucket: string;
  MapRunArn: string;
  ResultFiles: Record<'SUCCEEDED' | 'FAILED' | 'PENDING', { Key: string; Size: number }[]>;
}

/** Which result file a child's record goes to: TIMED_OUT and ABORTED children are FAILED results, as on AWS. */
const fileStatus = (status: ChildStatus): keyof ResultManifest['ResultFiles'] =>
  status === 'SUCCEEDED' ? 'SUCCEEDED' : status === 'PENDING' || status === 'RUNNING' ? 'PENDING' : 'FAILED';

/** Records per result file; AWS splits large results over several files, and readers must follow the manifest. */
export const RECORDS_PER_RESULT_FILE = 5_000;

/** What {@link writeMapResults} writes. */
export interface MapResultsTarget {
  store: ObjectStore;
  /** The ResultWriter's `Prefix`, resolved (e.g. `runs/<runId>/map`); the files go under `<prefix>/<mapRunId>/`. */
  prefix: string;
  mapRunArn: string;
  /** The Map Run's id, the last part of its ARN. */
  mapRunId: string;
}

/**
 * Writes the Map Run's results as ResultWriter does: the records grouped by status into `<STATUS>_<n>.json` files
 * (JSON arrays, at most {@link RECORDS_PER_RESULT_FILE} records each), then `manifest.json` naming them, and returns
 * the Map state's output, `{ MapRunArn, ResultWriterDetails: { Bucket, Key } }` pointing at the manifest.
 */
export const writeMapResults = async (
  target: MapResultsTarget,
  records: Iterable<ChildRecord>,
): Promise<MapRunResult> => {
  const { store, mapRunArn } = target;
  const dir = `${target.prefix.replace(/\/+$/, '')}/${target.mapRunId}`;
  const groups: Record<keyof ResultManifest['ResultFiles'], ChildRecord[]> = { SUCCEEDED: [], FAILED: [], PENDING: [] };
  for (const record of records) groups[fileStatus(record.Status)].push(record);
  const manifest: ResultManifest = {
    DestinationBucket: store.bucket,
    MapRunArn: mapRunArn,
    ResultFiles: { SUCCEEDED: [], FAILED: [], PENDING: [] },
  };
  for (const status of ['SUCCEEDED', 'FAILED', 'PENDING'] as const) {
    const group = groups[status];
    for (let n = 0; n * RECORDS_PER_RESULT_FILE < group.length; n += 1) {
      const key = `${dir}/${status}_${n}.json`;
      const body = JSON.stringify(group.slice(n * RECORDS_PER_RESULT_FILE, (n + 1) * RECORDS_PER_RESULT_FILE));
      await store.put(key, body, 'application/json');
      manifest.ResultFiles[status].push({ Key: key, Size: Buffer.byteLength(body) });
    }
  }
  const manifestKey = `${dir}/manifest.json`;
  await store.put(manifestKey, JSON.stringify(manifest), 'application/json');
  return { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: store.bucket, Key: manifestKey } };
};
