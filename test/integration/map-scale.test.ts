import type { ResultManifest } from '../../cli/local/distributed-map-results';
import type { EventLog, LocalRunResult } from '../../cli/local/run-local-workflow';
import { keys } from '../../core/domain/keys';
import { type MapRunResult, MapRunResultSchema } from '../../core/domain/map-output.schema';
import type { ObjectStore } from '../../core/platform/storage/object-store.port';
import { readScanSummaries } from '../../core/reports/build/scan-summaries';
import { silentLog } from '../../core/shared/log.port';
import { generateScenario } from '../../sandbox';
import type { HandlerHook } from '../helpers/fault-hooks';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness';

/**
 * A 20,000-account organization through the local Distributed Map: List accounts writes accounts.json, ItemReader
 * reads it, each child's Scan account is a cheap stand-in (no AWS calls), ResultWriter writes the results. The state
 * payloads (Step Functions' limit is 256 KiB per state input or output) must not grow with the account count: the
 * items and the results live in S3, the states carry pointers.
 */
const LARGE = 20_000;
const SMALL = 20;
/** Far below the 256 KiB quota: a payload that grew with the accounts would pass it long before 20,000 of them. */
const MAX_PAYLOAD_BYTES = 16 * 1024;

const accountId = (i: number) => String(100_000_000_000 + i);

/** What the stand-in Build reports saw: the Map's ResultWriter pointer and how many accounts it read from it. */
interface Read {
  pointer?: MapRunResult;
  summaries?: number;
}

/** List accounts writes `count` accounts; Scan and Trace are cheap; Build reports reads the manifest and counts. */
const organizationOf =
  (count: number, read: Read, store: ObjectStore): HandlerHook =>
  (handlers) => ({
    ...handlers,
    listAccounts: async (event) => {
      const { runId } = event as { runId: string };
      const accounts = Array.from({ length: count }, (_, i) => ({ id: accountId(i), name: `a${i}`, state: 'ACTIVE' }));
      await store.put(keys.accounts(runId), JSON.stringify(accounts), 'application/json');
      return { bucket: store.bucket, key: keys.accounts(runId), count };
    },
    scanAccount: async (event) => ({
      accountId: (event as { accountId: string }).accountId,
      status: 'ok',
      counts: { regions: 1, configDisabledRegions: 0, rules: 1, compliant: 1, nonCompliant: 0 },
      errors: [],
    }),
    traceChanges: async () => ({ status: 'skipped', traced: 0 }),
    buildReports: async (event) => {
      const scan = MapRunResultSchema.parse((event as { scan: unknown }).scan);
      read.pointer = scan;
      read.summaries = (await readScanSummaries(scan, store, silentLog)).size;
      return { keys: {}, totals: {} };
    },
  });

/** Bytes of every state input and output of the parent (no `index`) and of the children. */
const payloadSizes = (events: EventLog[]) => {
  const sizes = { parent: new Map<string, number>(), childMax: 0, count: 0 };
  for (const event of events) {
    if (!('state' in event) || (event.type !== 'StateEntered' && event.type !== 'StateExited')) continue;
    const payload = event.type === 'StateEntered' ? event.state.input : event.state.output;
    const bytes = Buffer.byteLength(JSON.stringify(payload ?? null));
    sizes.count += 1;
    if (event.index === undefined) {
      const key = `${event.type} ${event.state.name}`;
      sizes.parent.set(key, Math.max(bytes, sizes.parent.get(key) ?? 0));
    } else sizes.childMax = Math.max(sizes.childMax, bytes);
  }
  return sizes;
};

describe('a 20,000-account organization through the local Distributed Map', () => {
  let harness: WorkflowHarness;
  beforeAll(async () => {
    harness = await startWorkflowHarness(
      generateScenario({ accounts: 2, regions: ['us-east-1'], rulesPerRegion: 1, seed: 7 }),
    );
  });
  afterAll(() => harness.stop());

  const runWith = async (count: number) => {
    const read: Read = {};
    const started = Date.now();
    const result: LocalRunResult = await harness.run({ startDate: '2026-11-16', notify: false }, `scale-${count}`, {
      wrapHandlers: organizationOf(count, read, harness.deps.store),
      mapConcurrency: 40,
    });
    return { result, read, seconds: (Date.now() - started) / 1000 };
  };

  it('keeps every state payload small and the same size as for 20 accounts, and the manifest lists every child', async () => {
    // Act
    const small = await runWith(SMALL);
    const large = await runWith(LARGE);

    // Assert
    expect([small.result.status, large.result.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    const smallSizes = payloadSizes(small.result.events);
    const largeSizes = payloadSizes(large.result.events);
    const largest = Math.max(...largeSizes.parent.values(), largeSizes.childMax);
    expect(largest).toBeLessThan(MAX_PAYLOAD_BYTES);
    // The same states, each within a few bytes of its 20-account size (the count's digits, the run id's).
    expect([...largeSizes.parent.keys()].sort()).toEqual([...smallSizes.parent.keys()].sort());
    for (const [state, bytes] of largeSizes.parent) {
      expect({ state, grew: bytes - (smallSizes.parent.get(state) ?? 0) <= 16 }).toEqual({ state, grew: true });
    }
    expect(largeSizes.count).toBeGreaterThan(4 * LARGE);
    const pointer = large.read.pointer as MapRunResult;
    const manifest = JSON.parse(
      (await harness.deps.store.getText(pointer.ResultWriterDetails.Key)) ?? 'null',
    ) as ResultManifest;
    let records = 0;
    for (const file of manifest.ResultFiles.SUCCEEDED) {
      records += (JSON.parse((await harness.deps.store.getText(file.Key)) ?? '[]') as unknown[]).length;
    }
    expect(records).toBe(LARGE);
    expect(manifest.ResultFiles.FAILED).toEqual([]);
    expect(large.read.summaries).toBe(LARGE);
    process.stderr.write(
      `map-scale: ${SMALL} accounts ${small.seconds}s, ${LARGE} accounts ${large.seconds}s, largest payload ${largest} B\n`,
    );
  });
});
