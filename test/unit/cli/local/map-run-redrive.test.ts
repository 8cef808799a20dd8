import { EXCEED_TOLERATED_FAILURE, type MapRunRecord, runDistributedMap } from '../../../../cli/local/distributed-map';
import type { ResultManifest } from '../../../../cli/local/distributed-map-results';
import { InMemoryObjectStore } from '../../../helpers/fakes/in-memory-object-store';

/**
 * Redriving a local Map Run, as the Step Functions Developer Guide's "Redriving Map Runs"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html) describes it for STANDARD children:
 * the redriven parent redrives the Map Run itself (same Map Run ARN); only the unsuccessful child executions run
 * again, each under its own execution ARN with its redrive count incremented; succeeded children keep their result.
 */
const EXECUTION_ARN = 'arn:aws:states:us-east-1:000000000000:execution:sm:run-1';
const BUCKET = 'report-bucket';
type Json = Record<string, unknown>;

const STATE: Json = {
  Type: 'Map',
  ItemReader: {
    Resource: 'arn:aws:states:::s3:getObject',
    ReaderConfig: { InputType: 'JSON' },
    Parameters: { Bucket: BUCKET, Key: 'items.json' },
  },
  ItemSelector: { 'id.$': '$$.Map.Item.Value.id' },
  ItemProcessor: {
    ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
    StartAt: 'Work',
    States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:work', End: true } },
  },
  Label: 'Items',
  MaxConcurrency: 1,
  ToleratedFailurePercentage: 10,
  ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: BUCKET, Prefix: 'runs/run-1/map' } },
  End: true,
};

/** One attempt of the Map over `store`'s items: `refused` ids fail; returns the calls, the record and the error. */
const attempt = async (store: InMemoryObjectStore, refused: string[], previous?: MapRunRecord) => {
  const calls: string[] = [];
  let record: MapRunRecord | undefined;
  const Work = async (input: unknown) => {
    const id = String((input as Json).id);
    calls.push(id);
    if (refused.includes(id)) throw Object.assign(new Error(`${id} refused`), { name: 'Refused' });
    return { done: id } as never;
  };
  const error = await runDistributedMap(
    'Process items',
    STATE,
    {},
    {
      store,
      executionArn: EXECUTION_ARN,
      runOptions: { overrides: { taskResourceLocalHandlers: { Work } } },
      onMapRun: (live) => {
        record = structuredClone(live);
      },
      ...(previous ? { previous } : {}),
    },
  ).then(
    () => undefined,
    (failure: Error) => failure,
  );
  return { calls, record: record as MapRunRecord, error };
};

describe('runDistributedMap with the previous record of a failed attempt (a redrive)', () => {
  it('runs only the unsuccessful and unstarted children again, under the same Map Run, and rewrites its results', async () => {
    // Arrange: item-1 and item-2 fail (2 of 10 > 10%): the Map fails with item-3 … item-9 never started
    const store = new InMemoryObjectStore(BUCKET);
    const items = Array.from({ length: 10 }, (_, i) => ({ id: `item-${i}` }));
    await store.put('items.json', JSON.stringify(items), 'application/json');
    const first = await attempt(store, ['item-1', 'item-2']);

    // Act
    const redrive = await attempt(store, [], first.record);

    // Assert
    expect(first.error?.name).toBe(EXCEED_TOLERATED_FAILURE);
    expect(first.calls).toEqual(['item-0', 'item-1', 'item-2']);
    expect(redrive.error).toBeUndefined();
    expect(redrive.calls).toEqual(items.slice(1).map((item) => item.id));
    expect(redrive.record.mapRunArn).toBe(first.record.mapRunArn);
    expect(redrive.record).toMatchObject({ status: 'SUCCEEDED', itemCounts: { succeeded: 10, failed: 0, total: 10 } });
    const [kept, failedOnce, , neverStarted] = redrive.record.children;
    expect(kept).toEqual(first.record.children[0]);
    expect(failedOnce).toMatchObject({
      ExecutionArn: first.record.children[1]?.ExecutionArn,
      StartDate: first.record.children[1]?.StartDate,
      Status: 'SUCCEEDED',
      RedriveCount: 1,
    });
    expect(failedOnce).not.toHaveProperty('Error');
    expect(neverStarted).toMatchObject({ Status: 'SUCCEEDED', RedriveCount: 0 });
    const id = first.record.mapRunArn.split(':').at(-1);
    const manifest = JSON.parse(store.text(`runs/run-1/map/${id}/manifest.json`)) as ResultManifest;
    expect(manifest.MapRunArn).toBe(first.record.mapRunArn);
    expect(manifest.ResultFiles.FAILED).toEqual([]);
    expect(JSON.parse(store.text(manifest.ResultFiles.SUCCEEDED[0]?.Key ?? ''))).toHaveLength(10);
  });

  it('fails again when the redriven children still fail, keeping the not yet redriven ones as they were', async () => {
    // Arrange
    const store = new InMemoryObjectStore(BUCKET);
    await store.put('items.json', JSON.stringify(Array.from({ length: 10 }, (_, i) => ({ id: `item-${i}` }))), 'x');
    const first = await attempt(store, ['item-1', 'item-2']);

    // Act
    const redrive = await attempt(store, ['item-1', 'item-2'], first.record);

    // Assert
    expect(redrive.error?.name).toBe(EXCEED_TOLERATED_FAILURE);
    expect(redrive.calls).toEqual(['item-1', 'item-2']);
    expect(redrive.record.children[1]).toMatchObject({ Status: 'FAILED', Error: 'Refused', RedriveCount: 1 });
    expect(redrive.record.children[3]).toMatchObject({ Status: 'PENDING', ExecutionArn: '' });
  });

  it('refuses a redrive when the item file no longer has the items of the failed attempt', async () => {
    // Arrange
    const store = new InMemoryObjectStore(BUCKET);
    await store.put('items.json', JSON.stringify([{ id: 'a' }, { id: 'b' }]), 'application/json');
    const first = await attempt(store, ['a', 'b']);
    await store.put('items.json', JSON.stringify([{ id: 'a' }]), 'application/json');

    // Act
    const redrive = await attempt(store, [], first.record);

    // Assert
    expect(redrive.error?.message).toMatch(/now reads 1 items, the failed attempt had 2/);
  });
});
