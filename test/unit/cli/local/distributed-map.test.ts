import {
  EXCEED_TOLERATED_FAILURE,
  localizeDistributedMaps,
  type MapRunRecord,
  runDistributedMap,
} from '../../../../cli/local/distributed-map';
import type { ChildRecord, ResultManifest } from '../../../../cli/local/distributed-map-results';
import type { MapRunResult } from '../../../../core/domain/map-output.schema';
import { InMemoryObjectStore } from '../../../helpers/fakes/in-memory-object-store';

/**
 * The local Distributed Map (cli/local/distributed-map.ts) on a tiny Map state: items from an S3 JSON array as
 * ItemReader reads them (`InputType: JSON`: the object must hold a top-level JSON array; `MaxItems` caps the count),
 * `$$.Map.Item.Index/Value` in ItemSelector, one child per item, ResultWriter's files, and the failure tolerance.
 * On the tolerance, the Step Functions API reference (UpdateMapRun, DescribeMapRun) defines
 * `toleratedFailurePercentage` as "the maximum percentage of failed items before the Map Run fails" and
 * `toleratedFailureCount` as "the maximum number of failed items before the Map Run fails": reaching the maximum is
 * tolerated, exceeding it fails the Map with `States.ExceedToleratedFailureThreshold`.
 */
const EXECUTION_ARN = 'arn:aws:states:us-east-1:000000000000:execution:sm:run-1';
const BUCKET = 'report-bucket';

type Json = Record<string, unknown>;

const mapState = (fields: Json = {}): Json => ({
  Type: 'Map',
  ItemReader: {
    Resource: 'arn:aws:states:::s3:getObject',
    ReaderConfig: { InputType: 'JSON' },
    Parameters: { Bucket: BUCKET, 'Key.$': '$.key' },
  },
  ItemSelector: { 'id.$': '$$.Map.Item.Value.id', 'index.$': '$$.Map.Item.Index', 'runId.$': '$.runId' },
  ItemProcessor: {
    ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
    StartAt: 'Work',
    States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:work', End: true } },
  },
  Label: 'Items',
  ResultWriter: {
    Resource: 'arn:aws:states:::s3:putObject',
    Parameters: { Bucket: BUCKET, 'Prefix.$': "States.Format('runs/{}/map', $.runId)" },
  },
  End: true,
  ...fields,
});

/** A store holding `count` items `{ id: 'item-<i>' }` at `items.json`. */
const storeWith = async (count: number, body?: string) => {
  const store = new InMemoryObjectStore(BUCKET);
  const items = Array.from({ length: count }, (_, i) => ({ id: `item-${i}` }));
  await store.put('items.json', body ?? JSON.stringify(items), 'application/json');
  return store;
};

/** Runs the Map with `work` as its one Task; returns the output or the error, the final Map Run and the inputs. */
const run = async (state: Json, store: InMemoryObjectStore, work: (input: Json) => unknown = (input) => input) => {
  const inputs: Json[] = [];
  let mapRun: MapRunRecord | undefined;
  const overrides = {
    taskResourceLocalHandlers: {
      Work: async (input: unknown) => {
        inputs.push(input as Json);
        return work(input as Json) as never;
      },
    },
  };
  const outcome = await runDistributedMap(
    'Process items',
    state,
    { key: 'items.json', runId: 'run-1' },
    {
      store,
      executionArn: EXECUTION_ARN,
      runOptions: { overrides },
      onMapRun: (record) => {
        mapRun = structuredClone(record);
      },
    },
  ).then(
    (output) => ({ output: output as MapRunResult, error: undefined }),
    (error: unknown) => ({ output: undefined, error: error as Error }),
  );
  return { ...outcome, mapRun: mapRun as MapRunRecord, inputs };
};

const failing =
  (...ids: string[]) =>
  (input: Json) => {
    if (!ids.includes(String(input.id))) return { done: input.id };
    throw Object.assign(new Error(`${input.id} refused`), { name: 'MemberRoleNotAssumable' });
  };

/** The manifest under the Map Run's directory and its records by status. */
const results = (store: InMemoryObjectStore, mapRun: MapRunRecord) => {
  const id = mapRun.mapRunArn.split(':').at(-1);
  const manifest = JSON.parse(store.text(`runs/run-1/map/${id}/manifest.json`)) as ResultManifest;
  const read = (files: { Key: string }[]) => files.flatMap((f) => JSON.parse(store.text(f.Key)) as ChildRecord[]);
  return {
    succeeded: read(manifest.ResultFiles.SUCCEEDED),
    failed: read(manifest.ResultFiles.FAILED),
    pending: read(manifest.ResultFiles.PENDING),
  };
};

describe('runDistributedMap', () => {
  describe('ItemReader', () => {
    it('gives each child the ItemSelector payload of its item, read from the JSON array the reader names', async () => {
      // Arrange
      const store = await storeWith(3);

      // Act
      const { output, inputs, mapRun } = await run(mapState(), store);

      // Assert
      expect(inputs.sort((a, b) => Number(a.index) - Number(b.index))).toEqual([
        { id: 'item-0', index: 0, runId: 'run-1' },
        { id: 'item-1', index: 1, runId: 'run-1' },
        { id: 'item-2', index: 2, runId: 'run-1' },
      ]);
      expect(mapRun.mapRunArn).toMatch(/^arn:aws:states:us-east-1:000000000000:mapRun:sm\/Items:[0-9a-f-]{36}$/);
      expect(output).toEqual({
        MapRunArn: mapRun.mapRunArn,
        ResultWriterDetails: {
          Bucket: BUCKET,
          Key: `runs/run-1/map/${mapRun.mapRunArn.split(':').at(-1)}/manifest.json`,
        },
      });
    });

    it('reads at most ReaderConfig.MaxItems items', async () => {
      // Arrange
      const store = await storeWith(5);
      const state = mapState();
      (state.ItemReader as Json).ReaderConfig = { InputType: 'JSON', MaxItems: 2 };

      // Act
      const { inputs, mapRun } = await run(state, store);

      // Assert
      expect(inputs).toHaveLength(2);
      expect(mapRun.itemCounts.total).toBe(2);
    });

    it.each([
      ['the object does not exist', undefined, 'no such object'],
      ['the object is not a JSON array', '{"items":[]}', 'InputType JSON needs a top-level JSON array'],
    ])('fails with States.ItemReaderFailed when %s', async (_case, body, reason) => {
      // Arrange
      const store = await storeWith(0, body);
      if (body === undefined) store.objects.clear();

      // Act
      const { error, inputs } = await run(mapState(), store);

      // Assert
      expect(error).toMatchObject({ name: 'States.ItemReaderFailed', message: expect.stringContaining(reason) });
      expect(error?.message).toContain(`s3://${BUCKET}/items.json`);
      expect(inputs).toEqual([]);
    });
  });

  describe('results', () => {
    it('writes a SUCCEEDED record per successful child with its Input and Output, and counts them', async () => {
      // Arrange
      const store = await storeWith(2);

      // Act
      const { mapRun } = await run(mapState(), store, (input) => ({ done: input.id }));

      // Assert
      const { succeeded, failed } = results(store, mapRun);
      expect(failed).toEqual([]);
      expect(succeeded.map((r) => [r.Status, JSON.parse(r.Input).id, JSON.parse(r.Output ?? '')])).toEqual([
        ['SUCCEEDED', 'item-0', { done: 'item-0' }],
        ['SUCCEEDED', 'item-1', { done: 'item-1' }],
      ]);
      expect(succeeded[0]?.ExecutionArn).toMatch(/^arn:aws:states:us-east-1:000000000000:execution:sm\/Items:run-1-0-/);
      expect(mapRun).toMatchObject({ status: 'SUCCEEDED', itemCounts: { succeeded: 2, failed: 0, total: 2 } });
    });

    it("writes a FAILED record with the child's Error and Cause", async () => {
      // Arrange
      const store = await storeWith(2);

      // Act
      const { mapRun } = await run(mapState({ ToleratedFailurePercentage: 50 }), store, failing('item-1'));

      // Assert
      expect(results(store, mapRun).failed).toEqual([
        expect.objectContaining({
          Status: 'FAILED',
          Error: 'MemberRoleNotAssumable',
          Cause: 'item-1 refused',
          RedriveStatus: 'REDRIVABLE_BY_MAP_RUN',
        }),
      ]);
    });
  });

  describe('tolerated failures', () => {
    it('fails the Map at the first failed child when nothing is tolerated (the default 0%)', async () => {
      // Arrange
      const store = await storeWith(10);

      // Act
      const { error, mapRun } = await run(mapState({ MaxConcurrency: 1 }), store, failing('item-0'));

      // Assert
      expect(error).toMatchObject({ name: EXCEED_TOLERATED_FAILURE, message: expect.stringContaining('1 of 10') });
      expect(mapRun.status).toBe('FAILED');
      expect(results(store, mapRun).pending).toHaveLength(9);
    });

    it('tolerates exactly ToleratedFailurePercentage of the items failing', async () => {
      // Arrange: 2 of 10 is 20%
      const store = await storeWith(10);

      // Act
      const { error, output, mapRun } = await run(
        mapState({ ToleratedFailurePercentage: 20 }),
        store,
        failing('item-3', 'item-7'),
      );

      // Assert
      expect(error).toBeUndefined();
      expect(output?.MapRunArn).toBe(mapRun.mapRunArn);
      expect(mapRun).toMatchObject({ status: 'SUCCEEDED', itemCounts: { succeeded: 8, failed: 2 } });
    });

    it('fails the Map above ToleratedFailurePercentage, still writing the results, the rest left PENDING', async () => {
      // Arrange: the third failure is 30% of 10; one child at a time, so the seven after it never start
      const store = await storeWith(10);

      // Act
      const { error, mapRun, inputs } = await run(
        mapState({ ToleratedFailurePercentage: 20, MaxConcurrency: 1 }),
        store,
        failing('item-0', 'item-1', 'item-2'),
      );

      // Assert
      expect(error).toMatchObject({ name: EXCEED_TOLERATED_FAILURE, message: expect.stringContaining('3 of 10') });
      expect(inputs).toHaveLength(3);
      const { failed, pending } = results(store, mapRun);
      expect(failed.map((r) => r.Status)).toEqual(['FAILED', 'FAILED', 'FAILED']);
      expect(pending).toHaveLength(7);
      expect(mapRun).toMatchObject({ status: 'FAILED', itemCounts: { failed: 3, pending: 7, total: 10 } });
    });

    it('tolerates exactly ToleratedFailureCount failed children and fails the Map at one more', async () => {
      // Arrange
      const tolerateOne = mapState({ ToleratedFailureCount: 1, ToleratedFailurePercentage: 100 });

      // Act
      const one = await run(tolerateOne, await storeWith(4), failing('item-0'));
      const two = await run(tolerateOne, await storeWith(4), failing('item-0', 'item-1'));

      // Assert
      expect(one.error).toBeUndefined();
      expect(two.error).toMatchObject({ name: EXCEED_TOLERATED_FAILURE });
    });
  });

  it('reports the Map Run as it goes: every child PENDING first, then the final counts', async () => {
    // Arrange
    const store = await storeWith(3);
    const snapshots: MapRunRecord[] = [];

    // Act
    await runDistributedMap(
      'Process items',
      mapState(),
      { key: 'items.json', runId: 'run-1' },
      {
        store,
        executionArn: EXECUTION_ARN,
        runOptions: { overrides: { taskResourceLocalHandlers: { Work: async () => ({}) } } },
        onMapRun: (record) => snapshots.push(structuredClone(record)),
      },
    );

    // Assert
    expect(snapshots[0]).toMatchObject({ status: 'RUNNING', itemCounts: { pending: 3, running: 0, total: 3 } });
    expect(snapshots.at(-1)).toMatchObject({ status: 'SUCCEEDED', itemCounts: { pending: 0, succeeded: 3 } });
    expect(snapshots.at(-1)?.stopDate).toEqual(expect.any(String));
  });
});

describe('localizeDistributedMaps', () => {
  it('replaces a Distributed Map inside a Parallel branch by a Task of the same name and transitions', () => {
    // Arrange
    const map = mapState({ ResultPath: '$.scan', End: undefined, Next: 'After' });
    const definition = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Process items', States: { 'Process items': map } }],
          End: true,
        },
      },
    };

    // Act
    const { definition: local, maps } = localizeDistributedMaps(definition);

    // Assert
    expect(maps).toEqual({ 'Process items': map });
    const task = (local.States as Record<string, { Branches: { States: Record<string, Json> }[] }>).Both?.Branches[0]
      ?.States['Process items'];
    expect(task).toMatchObject({ Type: 'Task', ResultPath: '$.scan', Next: 'After' });
    expect(task).not.toHaveProperty('ItemReader');
    expect(task).not.toHaveProperty('ItemProcessor');
  });
});
