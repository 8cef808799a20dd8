import {
  type ChildRecord,
  type ChildStatus,
  RECORDS_PER_RESULT_FILE,
  type ResultManifest,
  writeMapResults,
} from '../../../../cli/local/distributed-map-results';
import { InMemoryObjectStore } from '../../../helpers/fakes/in-memory-object-store';

/**
 * ResultWriter's files as the local Map writes them. What AWS documents
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html): with an S3 export the Map
 * state's output is `{ MapRunArn, ResultWriterDetails: { Bucket, Key } }`, Key being `<Prefix>/<map run id>/manifest.json`;
 * Step Functions "consolidates all child workflow execution data, such as execution input and output, ARN, and
 * execution status" and "exports executions with the same status to their respective files"; the default
 * Transformation on export is NONE (the workflow metadata plus the output unchanged) and a failed child's result is
 * always written as NONE. The page names no records-per-file limit; the local writer splits at
 * RECORDS_PER_RESULT_FILE so readers are tested on several files per status (they must follow the manifest).
 */
const MAP_RUN_ARN = 'arn:aws:states:us-east-1:000000000000:mapRun:sm/ScanAccounts:0b7c';
const target = (store: InMemoryObjectStore) => ({
  store,
  prefix: 'runs/run-1/map/',
  mapRunArn: MAP_RUN_ARN,
  mapRunId: '0b7c',
});

const record = (index: number, status: ChildStatus): ChildRecord => ({
  ExecutionArn: `arn:aws:states:us-east-1:000000000000:execution:sm/ScanAccounts:run-1-${index}`,
  Name: `run-1-${index}`,
  StateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:sm/ScanAccounts',
  Status: status,
  Input: JSON.stringify({ accountId: String(index).padStart(12, '0') }),
  InputDetails: { Included: true },
  ...(status === 'SUCCEEDED'
    ? { Output: JSON.stringify({ ok: index }), OutputDetails: { Included: true } }
    : { Error: 'MemberRoleNotAssumable', Cause: `account ${index} refused` }),
  StartDate: '2026-11-23T00:00:00.000Z',
  StopDate: '2026-11-23T00:00:01.000Z',
  RedriveCount: 0,
  RedriveStatus: status === 'SUCCEEDED' ? 'NOT_REDRIVABLE' : 'REDRIVABLE_BY_MAP_RUN',
});

const manifestOf = (store: InMemoryObjectStore, key: string) => JSON.parse(store.text(key)) as ResultManifest;

describe('writeMapResults', () => {
  it('writes one file per status, the manifest naming them with their sizes, and returns the Map state output', async () => {
    // Arrange
    const store = new InMemoryObjectStore('report-bucket');
    const records = [record(0, 'SUCCEEDED'), record(1, 'FAILED'), record(2, 'SUCCEEDED'), record(3, 'PENDING')];

    // Act
    const output = await writeMapResults(target(store), records);

    // Assert
    expect(output).toEqual({
      MapRunArn: MAP_RUN_ARN,
      ResultWriterDetails: { Bucket: 'report-bucket', Key: 'runs/run-1/map/0b7c/manifest.json' },
    });
    const manifest = manifestOf(store, output.ResultWriterDetails.Key);
    const dir = 'runs/run-1/map/0b7c';
    expect(manifest).toEqual({
      DestinationBucket: 'report-bucket',
      MapRunArn: MAP_RUN_ARN,
      ResultFiles: {
        SUCCEEDED: [{ Key: `${dir}/SUCCEEDED_0.json`, Size: Buffer.byteLength(store.text(`${dir}/SUCCEEDED_0.json`)) }],
        FAILED: [{ Key: `${dir}/FAILED_0.json`, Size: Buffer.byteLength(store.text(`${dir}/FAILED_0.json`)) }],
        PENDING: [{ Key: `${dir}/PENDING_0.json`, Size: Buffer.byteLength(store.text(`${dir}/PENDING_0.json`)) }],
      },
    });
    expect(JSON.parse(store.text(`${dir}/SUCCEEDED_0.json`))).toEqual([records[0], records[2]]);
    expect(JSON.parse(store.text(`${dir}/FAILED_0.json`))).toEqual([records[1]]);
    expect(JSON.parse(store.text(`${dir}/PENDING_0.json`))).toEqual([records[3]]);
  });

  it("keeps each child's metadata with Input and Output as JSON strings, and Error and Cause for a failed one", async () => {
    // Arrange
    const store = new InMemoryObjectStore('report-bucket');

    // Act
    await writeMapResults(target(store), [record(0, 'SUCCEEDED'), record(1, 'FAILED')]);

    // Assert
    const [succeeded] = JSON.parse(store.text('runs/run-1/map/0b7c/SUCCEEDED_0.json')) as Record<string, unknown>[];
    const [failed] = JSON.parse(store.text('runs/run-1/map/0b7c/FAILED_0.json')) as Record<string, unknown>[];
    const metadata = ['ExecutionArn', 'Name', 'StateMachineArn', 'Status', 'Input', 'InputDetails', 'StartDate'];
    expect(Object.keys(succeeded ?? {})).toEqual(expect.arrayContaining([...metadata, 'Output', 'OutputDetails']));
    expect(Object.keys(failed ?? {})).toEqual(expect.arrayContaining([...metadata, 'Error', 'Cause', 'StopDate']));
    expect(failed).not.toHaveProperty('Output');
    expect(typeof succeeded?.Input).toBe('string');
    expect(JSON.parse(String(succeeded?.Output))).toEqual({ ok: 0 });
    expect(failed).toMatchObject({ Status: 'FAILED', Error: 'MemberRoleNotAssumable', Cause: 'account 1 refused' });
  });

  it('files TIMED_OUT and ABORTED children as FAILED results, RUNNING ones as PENDING, keeping their own Status', async () => {
    // Arrange
    const store = new InMemoryObjectStore('report-bucket');

    // Act
    const output = await writeMapResults(target(store), [
      record(0, 'TIMED_OUT'),
      record(1, 'ABORTED'),
      record(2, 'RUNNING'),
    ]);

    // Assert
    const manifest = manifestOf(store, output.ResultWriterDetails.Key);
    expect(manifest.ResultFiles.SUCCEEDED).toEqual([]);
    const failed = JSON.parse(store.text(manifest.ResultFiles.FAILED[0]?.Key ?? '')) as ChildRecord[];
    expect(failed.map((r) => r.Status)).toEqual(['TIMED_OUT', 'ABORTED']);
    const pending = JSON.parse(store.text(manifest.ResultFiles.PENDING[0]?.Key ?? '')) as ChildRecord[];
    expect(pending.map((r) => r.Status)).toEqual(['RUNNING']);
  });

  it('writes no file for a status without children, and an empty list for it in the manifest', async () => {
    // Arrange
    const store = new InMemoryObjectStore('report-bucket');

    // Act
    const output = await writeMapResults(target(store), [record(0, 'SUCCEEDED')]);

    // Assert
    expect(manifestOf(store, output.ResultWriterDetails.Key).ResultFiles).toMatchObject({ FAILED: [], PENDING: [] });
    expect([...store.objects.keys()].sort()).toEqual([
      'runs/run-1/map/0b7c/SUCCEEDED_0.json',
      'runs/run-1/map/0b7c/manifest.json',
    ]);
  });

  it(`splits a status over numbered files of at most ${RECORDS_PER_RESULT_FILE} records, all listed in order`, async () => {
    // Arrange
    const store = new InMemoryObjectStore('report-bucket');
    const records = Array.from({ length: RECORDS_PER_RESULT_FILE + 1 }, (_, i) => record(i, 'SUCCEEDED'));

    // Act
    const output = await writeMapResults(target(store), records);

    // Assert
    const files = manifestOf(store, output.ResultWriterDetails.Key).ResultFiles.SUCCEEDED;
    expect(files.map((f) => f.Key)).toEqual([
      'runs/run-1/map/0b7c/SUCCEEDED_0.json',
      'runs/run-1/map/0b7c/SUCCEEDED_1.json',
    ]);
    const lengths = files.map((f) => (JSON.parse(store.text(f.Key)) as unknown[]).length);
    expect(lengths).toEqual([RECORDS_PER_RESULT_FILE, 1]);
    expect((JSON.parse(store.text(files[1]?.Key ?? '')) as ChildRecord[])[0]?.Name).toBe(
      `run-1-${RECORDS_PER_RESULT_FILE}`,
    );
  });
});
