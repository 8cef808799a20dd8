import type { ChildRecord } from '../../../cli/local/distributed-map-results';
import { writeMapResults } from '../../../cli/local/distributed-map-results';
import type { MapRunResult } from '../../../core/domain/map-output.schema';
import type { ScanSummary } from '../../../core/domain/scan-account.schema';
import type { ObjectStore } from '../../../core/platform/storage/object-store.port';

const MAP_RUN_ARN = 'arn:aws:states:us-east-1:000000000000:mapRun:compliance-report/ScanAccounts:test';

/**
 * A ResultWriter pointer whose manifest does not exist (a Map Run whose results are lost): Build reports then reads
 * every account from its partial (an account with neither a record nor a partial is listed as failed).
 */
export const aMissingMapResult = (runId = 'run-1'): MapRunResult => ({
  MapRunArn: MAP_RUN_ARN,
  ResultWriterDetails: { Bucket: 'test-bucket', Key: `runs/${runId}/map/none/manifest.json` },
});

/** The child record of one account's summary: SUCCEEDED with it as Output, or FAILED with `Error: Cause` split. */
const recordOf = (summary: ScanSummary, runId: string): ChildRecord => {
  const base = {
    ExecutionArn: `arn:aws:states:us-east-1:000000000000:execution:compliance-report/ScanAccounts:${summary.accountId}`,
    Name: summary.accountId,
    StateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:compliance-report/ScanAccounts',
    Input: JSON.stringify({ accountId: summary.accountId, runId, regions: ['us-east-1'] }),
    InputDetails: { Included: true },
    RedriveCount: 0,
  };
  if (summary.status !== 'failed') {
    const output = { Output: JSON.stringify(summary), OutputDetails: { Included: true } };
    return { ...base, ...output, Status: 'SUCCEEDED', RedriveStatus: 'NOT_REDRIVABLE' };
  }
  const [error = 'Error', ...cause] = (summary.errors[0] ?? 'Error: no cause').split(': ');
  return { ...base, Status: 'FAILED', Error: error, Cause: cause.join(': '), RedriveStatus: 'REDRIVABLE_BY_MAP_RUN' };
};

/** Writes the Map Run results (manifest and result files) the given summaries stand for and returns the pointer. */
export const seedMapResults = (store: ObjectStore, summaries: ScanSummary[], runId = 'run-1'): Promise<MapRunResult> =>
  writeMapResults(
    { store, prefix: `runs/${runId}/map`, mapRunArn: MAP_RUN_ARN, mapRunId: 'test' },
    summaries.map((s) => recordOf(s, runId)),
  );
