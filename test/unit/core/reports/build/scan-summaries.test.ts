import { MapOutputSchema } from '../../../../../core/domain/map-output.schema';
import { readScanSummaries, summaryFromRecord } from '../../../../../core/reports/build/scan-summaries';
import { silentLog } from '../../../../../core/shared/log.port';
import { aScanSummary } from '../../../../helpers/builders/partial.builder';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';

const MANIFEST_KEY = 'runs/run-1/map/uuid-1/manifest.json';
const pointer = { MapRunArn: 'arn:aws:states:us-east-1:000000000000:mapRun:sm/scan:uuid-1' };

const putJson = (store: InMemoryObjectStore, key: string, value: unknown) =>
  store.put(key, JSON.stringify(value), 'application/json');

const seedManifest = async (store: InMemoryObjectStore, files: { SUCCEEDED?: string[]; FAILED?: string[] }) =>
  putJson(store, MANIFEST_KEY, {
    DestinationBucket: store.bucket,
    MapRunArn: pointer.MapRunArn,
    ResultFiles: {
      SUCCEEDED: (files.SUCCEEDED ?? []).map((Key) => ({ Key, Size: 10 })),
      FAILED: (files.FAILED ?? []).map((Key) => ({ Key, Size: 10 })),
      PENDING: [],
    },
  });

const succeeded = (accountId: string, status: 'ok' | 'partial' | 'failed' = 'ok', errors: string[] = []) => ({
  ExecutionArn: `arn:aws:states:us-east-1:000000000000:execution:sm/scan:${accountId}`,
  Status: 'SUCCEEDED',
  Input: JSON.stringify({ accountId, runId: 'run-1', regions: ['us-east-1'] }),
  Output: JSON.stringify(aScanSummary({ accountId, status, errors })),
});

describe('MapOutputSchema', () => {
  // Build reports has one input path, the ResultWriter pointer (on AWS and locally); an inline array is rejected.
  it('accepts a ResultWriter pointer and rejects an inline summary array', () => {
    // Arrange
    const inline = [aScanSummary()];
    const written = { ...pointer, ResultWriterDetails: { Bucket: 'b', Key: MANIFEST_KEY } };

    // Act / Assert
    expect(MapOutputSchema.safeParse(inline).success).toBe(false);
    expect(MapOutputSchema.parse(written)).toEqual(written);
  });
});

describe('summaryFromRecord', () => {
  it('returns the Output summary of a succeeded child', () => {
    // Act
    const summary = summaryFromRecord(succeeded('111111111111', 'failed', ['ThrottledError: slow down']));

    // Assert
    expect(summary).toEqual(aScanSummary({ status: 'failed', errors: ['ThrottledError: slow down'] }));
  });

  it('builds a failed summary from Error, Cause and the Input account of a failed child', () => {
    // Act
    const summary = summaryFromRecord({
      Status: 'FAILED',
      Input: '{"accountId":"222222222222"}',
      Error: 'States.Timeout',
      Cause: 'task timed out',
    });

    // Assert
    expect(summary).toEqual({
      accountId: '222222222222',
      status: 'failed',
      errors: ['States.Timeout: task timed out'],
    });
  });

  it('returns undefined for a record that names no account', () => {
    // Act / Assert
    expect(summaryFromRecord({ Status: 'FAILED', Input: 'not json' })).toBeUndefined();
  });
});

describe('readScanSummaries', () => {
  it('reads every SUCCEEDED and FAILED result file named by the manifest', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedManifest(store, {
      SUCCEEDED: ['runs/run-1/map/uuid-1/SUCCEEDED_0.json', 'runs/run-1/map/uuid-1/SUCCEEDED_1.json'],
      FAILED: ['runs/run-1/map/uuid-1/FAILED_0.json'],
    });
    await putJson(store, 'runs/run-1/map/uuid-1/SUCCEEDED_0.json', [succeeded('111111111111')]);
    await putJson(store, 'runs/run-1/map/uuid-1/SUCCEEDED_1.json', [succeeded('222222222222', 'partial')]);
    await putJson(store, 'runs/run-1/map/uuid-1/FAILED_0.json', [
      { Status: 'FAILED', Input: '{"accountId":"333333333333"}', Error: 'Lambda.Unknown', Cause: 'boom' },
    ]);

    // Act
    const summaries = await readScanSummaries(
      { ...pointer, ResultWriterDetails: { Bucket: store.bucket, Key: MANIFEST_KEY } },
      store,
      silentLog,
    );

    // Assert
    expect([...summaries.values()].map((s) => [s.accountId, s.status, s.errors])).toEqual([
      ['111111111111', 'ok', []],
      ['222222222222', 'partial', []],
      ['333333333333', 'failed', ['Lambda.Unknown: boom']],
    ]);
  });

  it('keeps the succeeded summary when a redriven account is also in a FAILED file', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedManifest(store, { FAILED: ['f.json'], SUCCEEDED: ['s.json'] });
    await putJson(store, 's.json', [succeeded('111111111111')]);
    await putJson(store, 'f.json', [{ Status: 'FAILED', Input: '{"accountId":"111111111111"}', Error: 'X' }]);

    // Act
    const summaries = await readScanSummaries(
      { ...pointer, ResultWriterDetails: { Bucket: store.bucket, Key: MANIFEST_KEY } },
      store,
      silentLog,
    );

    // Assert
    expect(summaries.get('111111111111')?.status).toBe('ok');
  });

  it('returns no summaries, without throwing, when the manifest or a result file is missing', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    const withFile = new InMemoryObjectStore();
    await seedManifest(withFile, { SUCCEEDED: ['missing.json'] });
    const details = { ...pointer, ResultWriterDetails: { Bucket: 'test-bucket', Key: MANIFEST_KEY } };

    // Act
    const none = await readScanSummaries(details, store, silentLog);
    const noFile = await readScanSummaries(details, withFile, silentLog);

    // Assert
    expect(none.size).toBe(0);
    expect(noFile.size).toBe(0);
  });
});
