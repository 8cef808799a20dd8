import { randomUUID } from 'node:crypto';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { ObjectStore } from '../../core/platform/storage/object-store.port';
import { type ChildRecord, type ChildStatus, writeMapResults } from './distributed-map-results';
import { COUNT_KEY, countChildren, type MapRunCounts, redriveChildren, restartChild } from './map-run-redrive';

export type { ChildRecord, ChildStatus } from './distributed-map-results';

type Json = Record<string, unknown>;
type RunOptions = NonNullable<Parameters<StateMachine['run']>[1]>;
/** One event of a local execution (the library does not export the type). */
type MapEvent = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

/** The Map Run of one Distributed Map state, as `DescribeMapRun` and `ListExecutions --map-run-arn` describe it. */
export interface MapRunRecord {
  mapRunArn: string;
  /** The parent execution. */
  executionArn: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  startDate: string;
  stopDate?: string;
  toleratedFailurePercentage: number;
  itemCounts: MapRunCounts;
  /** Every child, in item order, in the ResultWriter record shape (PENDING until it starts). */
  children: ChildRecord[];
}

/** What a local Distributed Map needs besides its state: the bucket, the parent execution, the hooks. */
export interface DistributedMapContext {
  store: ObjectStore;
  executionArn: string;
  /** The run options of the parent (task overrides, retry intervals); the children run with the same. */
  runOptions: RunOptions;
  /** Each child's events, with `index` = the item's index (as aws-local-stepfunctions marks inline Map events). */
  onEvent?: (event: MapEvent & { index: number }) => void;
  /** The Map Run as its children start and finish: a live object (copy what you keep), last call at the end. */
  onMapRun?: (record: MapRunRecord) => void;
  /**
   * On a redrive of the parent: the record this Map Run ended its failed attempt with. The Map Run is redriven (same
   * ARN and result prefix, only the unsuccessful children run again) instead of a new one starting.
   * @default - a new Map Run
   */
  previous?: MapRunRecord;
}

/** The error AWS fails a Distributed Map state with when more children failed than it tolerates. */
export const EXCEED_TOLERATED_FAILURE = 'States.ExceedToleratedFailureThreshold';

const MAP_ONLY_FIELDS = [
  'Type',
  'ItemReader',
  'ItemSelector',
  'ItemProcessor',
  'Iterator',
  'ItemsPath',
  'ItemBatcher',
  'Parameters',
  'MaxConcurrency',
  'MaxConcurrencyPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'Label',
  'ResultWriter',
];

/** The stand-in Task must not time out at the library's 60 s default; Node timers stop at 2^31 ms (about 24 days). */
const NO_TIMEOUT_SECONDS = 2_000_000;

const isDistributedMap = (state: Json): boolean =>
  state.Type === 'Map' &&
  (state.ItemProcessor as Json | undefined)?.ProcessorConfig !== undefined &&
  ((state.ItemProcessor as Json).ProcessorConfig as Json).Mode === 'DISTRIBUTED';

/**
 * aws-local-stepfunctions runs a Distributed Map as an inline Map: it ignores ItemReader, ResultWriter, Label and the
 * tolerated failure settings. This replaces every Distributed Map state (also inside Parallel branches) with a Task
 * of the same name, Retry, Catch, ResultPath, OutputPath and transition, and returns the original Map states by name:
 * bind each name to {@link runDistributedMap} as the Task's local handler.
 */
export const localizeDistributedMaps = (definition: Json): { definition: Json; maps: Record<string, Json> } => {
  const maps: Record<string, Json> = {};
  const visit = (machine: Json): Json => {
    const states = Object.entries(machine.States as Record<string, Json>).map(([name, state]) => {
      if (isDistributedMap(state)) {
        maps[name] = state;
        const kept = Object.fromEntries(Object.entries(state).filter(([field]) => !MAP_ONLY_FIELDS.includes(field)));
        const task = { ...kept, Type: 'Task', Resource: 'arn:aws:states:::local:distributedMap' };
        return [name, { ...task, TimeoutSeconds: NO_TIMEOUT_SECONDS }];
      }
      if (state.Type === 'Parallel') return [name, { ...state, Branches: (state.Branches as Json[]).map(visit) }];
      return [name, state];
    });
    return { ...machine, States: Object.fromEntries(states) };
  };
  return { definition: visit(definition), maps };
};

const evaluator = new Map<string, StateMachine>();
/** Evaluates an ASL payload template (paths, intrinsics, `$$` context) with the library itself, in a one-Pass machine. */
const evaluate = async (template: unknown, input: unknown, context: Json): Promise<Json> => {
  const id = JSON.stringify(template);
  let machine = evaluator.get(id);
  if (!machine) {
    const definition = { StartAt: 'Evaluate', States: { Evaluate: { Type: 'Pass', Parameters: template, End: true } } };
    machine = new StateMachine(definition as StateMachineDefinition, { validationOptions: { noValidate: true } });
    evaluator.set(id, machine);
  }
  return (await machine.run(input as never, { context: context as never }).result) as Json;
};

/** Reads the items as ItemReader does for `InputType: JSON`: the object `Parameters.Key` names must be a JSON array. */
const readItems = async (state: Json, input: unknown, context: DistributedMapContext): Promise<unknown[]> => {
  const reader = state.ItemReader as Json | undefined;
  if (!reader) throw new Error('local Distributed Map: only ItemReader (S3 JSON) is supported; add an ItemReader');
  const { Bucket, Key } = (await evaluate(reader.Parameters, input, {})) as { Bucket: string; Key: string };
  const failReader = (why: string) =>
    Object.assign(new Error(`ItemReader could not read s3://${Bucket}/${Key}: ${why}`), {
      name: 'States.ItemReaderFailed',
    });
  if (Bucket !== context.store.bucket) throw failReader(`the local store is bucket ${context.store.bucket}`);
  const text = await context.store.getText(Key);
  if (text === undefined) throw failReader('no such object');
  const items: unknown = JSON.parse(text);
  if (!Array.isArray(items)) throw failReader('InputType JSON needs a top-level JSON array');
  const max = (reader.ReaderConfig as Json | undefined)?.MaxItems;
  return typeof max === 'number' && max > 0 ? items.slice(0, max) : items;
};

const parseArn = (executionArn: string) => {
  const [, partition, , region, account, , name] = executionArn.split(':');
  return { partition, region, account, name: (name ?? 'state-machine').split('/')[0] };
};

/**
 * Runs one Distributed Map state as AWS does, locally: reads the items with its ItemReader from the store, builds
 * each child's input with ItemSelector (`$$.Map.Item.Index/Value`), runs each item as a child execution of the
 * ItemProcessor (at most MaxConcurrency at once) with the parent's task handlers, fails the Map with
 * `States.ExceedToleratedFailureThreshold` as soon as the unsuccessful children exceed ToleratedFailurePercentage or
 * ToleratedFailureCount (running children are aborted, the rest stay PENDING), writes the ResultWriter files and
 * `manifest.json` under `<Prefix>/<map run id>/` in either case, and returns the ResultWriter pointer. Given the
 * `previous` record of a failed attempt, it redrives that Map Run (cli/local/map-run-redrive.ts): same ARN, the
 * succeeded children kept, only the others run, the threshold applied to this attempt's failures, the files rewritten.
 */
export const runDistributedMap = async (
  stateName: string,
  state: Json,
  input: unknown,
  context: DistributedMapContext,
): Promise<unknown> => {
  const arn = parseArn(context.executionArn);
  const label = String(state.Label ?? stateName.replaceAll(' ', ''));
  const previous = context.previous;
  const mapRunId = previous ? (previous.mapRunArn.split(':').at(-1) as string) : randomUUID();
  const base = `arn:${arn.partition}:states:${arn.region}:${arn.account}`;
  const executionName = context.executionArn.split(':').at(-1);
  const mapRunArn = previous?.mapRunArn ?? `${base}:mapRun:${arn.name}/${label}:${mapRunId}`;
  const childStateMachineArn = `${base}:stateMachine:${arn.name}/${label}`;
  const items = await readItems(state, input, context);
  const tolerated = Number(state.ToleratedFailurePercentage ?? 0);
  const toleratedCount = state.ToleratedFailureCount === undefined ? Infinity : Number(state.ToleratedFailureCount);
  const fresh = (): ChildRecord => ({
    ExecutionArn: '',
    Name: '',
    StateMachineArn: childStateMachineArn,
    Status: 'PENDING',
    Input: '',
    InputDetails: { Included: true },
    RedriveCount: 0,
    RedriveStatus: 'NOT_REDRIVABLE',
  });
  const { children, toRun } = previous
    ? redriveChildren(previous.children, items.length)
    : { children: items.map(fresh), toRun: items.map((_, index) => index) };
  const record: MapRunRecord = {
    mapRunArn,
    executionArn: context.executionArn,
    status: 'RUNNING',
    startDate: previous?.startDate ?? new Date().toISOString(),
    toleratedFailurePercentage: tolerated,
    itemCounts: countChildren(children),
    children,
  };
  const publish = () => context.onMapRun?.(record);
  const setStatus = (child: ChildRecord, status: ChildStatus) => {
    record.itemCounts[COUNT_KEY[child.Status]] -= 1;
    record.itemCounts[COUNT_KEY[status]] += 1;
    child.Status = status;
  };
  publish();

  const processor = { ...(state.ItemProcessor as Json) };
  delete processor.ProcessorConfig;
  const machine = new StateMachine(processor as unknown as StateMachineDefinition, {
    validationOptions: { noValidate: true },
  });
  const aborts = new Set<() => void>();
  let exceeded = false;
  let unsuccessful = 0;

  const runChild = async (index: number): Promise<void> => {
    const child = children[index] as ChildRecord;
    const redriven = restartChild(child);
    const name = redriven ? child.Name : `${executionName}-${index}-${randomUUID().slice(0, 8)}`;
    const executionArn = redriven ? child.ExecutionArn : `${base}:execution:${arn.name}/${label}:${name}`;
    const mapContext = {
      Execution: { Id: context.executionArn },
      Map: { Item: { Index: index, Value: items[index] } },
    };
    const childInput = state.ItemSelector ? await evaluate(state.ItemSelector, input, mapContext) : items[index];
    Object.assign(child, { ExecutionArn: executionArn, Name: name, Input: JSON.stringify(childInput) });
    // A redriven child keeps its first start, as DescribeExecution keeps startDate and adds redriveDate.
    if (!redriven || child.StartDate === undefined) child.StartDate = new Date().toISOString();
    setStatus(child, 'RUNNING');
    publish();
    const execution = machine.run(childInput as never, {
      ...context.runOptions,
      context: {
        Execution: { Id: executionArn, Name: name, StartTime: child.StartDate, RedriveCount: child.RedriveCount },
      } as never,
    });
    aborts.add(execution.abort);
    let failure: { Error: string; Cause: string } | undefined;
    let aborted = false;
    const forwarded = (async () => {
      for await (const event of execution.eventLogs) {
        if (event.type === 'ExecutionFailed') failure = { Error: event.Error, Cause: String(event.Cause ?? '') };
        if (event.type === 'ExecutionAborted') aborted = true;
        context.onEvent?.({ ...event, index } as MapEvent & { index: number });
      }
    })();
    try {
      const output = await execution.result;
      Object.assign(child, { Output: JSON.stringify(output), OutputDetails: { Included: true } });
      setStatus(child, 'SUCCEEDED');
    } catch (error) {
      await forwarded;
      const status: ChildStatus = aborted ? 'ABORTED' : 'FAILED';
      const reason = failure ?? { Error: (error as Error).name, Cause: (error as Error).message };
      Object.assign(child, { ...reason, RedriveStatus: 'REDRIVABLE_BY_MAP_RUN' });
      setStatus(child, status);
      if (!aborted) unsuccessful += 1;
    } finally {
      aborts.delete(execution.abort);
    }
    await forwarded;
    child.StopDate = new Date().toISOString();
    if (!exceeded && (unsuccessful > toleratedCount || (unsuccessful * 100) / items.length > tolerated)) {
      exceeded = true;
      for (const abort of [...aborts]) abort();
    }
    publish();
  };

  let next = 0;
  const concurrency = Number(state.MaxConcurrency ?? 0) || 10_000;
  const worker = async () => {
    while (!exceeded && next < toRun.length) await runChild(toRun[next++] as number);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(toRun.length, 1)) }, worker));

  const writer = state.ResultWriter as Json | undefined;
  const prefix = writer ? String((await evaluate(writer.Parameters, input, {})).Prefix ?? '') : `map/${executionName}`;
  const pointer = await writeMapResults({ store: context.store, prefix, mapRunArn, mapRunId }, children);
  record.status = exceeded ? 'FAILED' : 'SUCCEEDED';
  record.stopDate = new Date().toISOString();
  publish();
  if (exceeded) {
    const cause = `${unsuccessful} of ${items.length} child executions failed, more than the tolerated ${tolerated}%; see ${pointer.ResultWriterDetails.Key}`;
    throw Object.assign(new Error(cause), { name: EXCEED_TOLERATED_FAILURE });
  }
  return pointer;
};
