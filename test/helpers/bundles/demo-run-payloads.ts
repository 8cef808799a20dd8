import type { AccountList } from '../../../core/domain/list-accounts.schema';
import type { ResolvedRun } from '../../../core/domain/resolve-run.schema';
import type { ObjectStore } from '../../../core/platform/storage/object-store.port';

// The task payloads of one run, as the state machine's Parameters/ItemSelector build them (statemachines/), in one
// place: when the chain's payloads change, this file changes with them.

/** The execution a run's payloads name (`$$.Execution`). */
export interface ExecutionRef {
  id: string;
  name: string;
  startTime: string;
}

/** `$$.Execution` of a run named `name` of the sandbox's state machine. */
export const executionRef = (name: string, startTime = new Date().toISOString()): ExecutionRef => ({
  id: `arn:aws:states:us-east-1:000000000000:execution:ComplianceReport-dev:${name}`,
  name,
  startTime,
});

/** **Resolve run**: the execution input and the context values. */
export const resolveRunEvent = (execution: ExecutionRef, input: unknown) => ({
  input,
  executionName: execution.name,
  executionStartTime: execution.startTime,
});

/** **List accounts** and **Fetch Lacework alerts**: the resolved run. */
export const runEvent = (run: ResolvedRun) => run;

/** **Scan account**: the Distributed Map's ItemSelector output for one item. */
export const scanAccountEvent = (run: ResolvedRun, accountId: string) => ({
  accountId,
  runId: run.runId,
  regions: run.regions,
  frameworks: run.frameworks,
});

/** **Trace changes**: the child's account and the run's range. */
export const traceChangesEvent = (run: ResolvedRun, accountId: string) => ({
  accountId,
  runId: run.runId,
  startDate: run.startDate,
  endDate: run.endDate,
});

/** What one child execution ended with: its output (succeeded) or its error (failed). */
export type ChildOutcome =
  | { accountId: string; status: 'SUCCEEDED'; output: unknown }
  | { accountId: string; status: 'FAILED'; error: string; cause: string };

/**
 * Writes the Map Run's results as ResultWriter does (`manifest.json`, `SUCCEEDED_0.json`, `FAILED_0.json` under
 * `<prefix>/<map run id>/`; each record with ExecutionArn, Input, Output or Error/Cause, Status and dates, following
 * the Step Functions developer guide's ResultWriter page) and returns the state output pointing at the manifest.
 */
export const writeMapResults = async (
  store: ObjectStore,
  run: ResolvedRun,
  execution: ExecutionRef,
  children: readonly ChildOutcome[],
) => {
  const mapRunId = `${execution.name}-scan`;
  const prefix = `runs/${run.runId}/map-results/${mapRunId}`;
  const mapRunArn = `${execution.id.replace(':execution:', ':mapRun:')}/ScanAccounts:${mapRunId}`;
  const record = (child: ChildOutcome) => ({
    ExecutionArn: `${mapRunArn.replace(':mapRun:', ':execution:')}:${child.accountId}`,
    Name: child.accountId,
    Input: JSON.stringify(scanAccountEvent(run, child.accountId)),
    InputDetails: { Included: true },
    StartDate: execution.startTime,
    StopDate: new Date().toISOString(),
    StateMachineArn: execution.id.replace(':execution:', ':stateMachine:').replace(/:[^:]+$/, ''),
    Status: child.status,
    RedriveCount: 0,
    RedriveStatus: 'NOT_REDRIVABLE',
    ...(child.status === 'SUCCEEDED'
      ? { Output: JSON.stringify(child.output), OutputDetails: { Included: true } }
      : { Error: child.error, Cause: child.cause }),
  });
  const files = { SUCCEEDED: [] as { Key: string; Size: number }[], FAILED: [] as { Key: string; Size: number }[] };
  for (const status of ['SUCCEEDED', 'FAILED'] as const) {
    const records = children.filter((c) => c.status === status).map(record);
    if (records.length === 0) continue;
    const key = `${prefix}/${status}_0.json`;
    const body = JSON.stringify(records);
    await store.put(key, body, 'application/json');
    files[status].push({ Key: key, Size: Buffer.byteLength(body) });
  }
  const manifestKey = `${prefix}/manifest.json`;
  const manifest = { DestinationBucket: store.bucket, MapRunArn: mapRunArn, ResultFiles: { ...files, PENDING: [] } };
  await store.put(manifestKey, JSON.stringify(manifest), 'application/json');
  return { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: store.bucket, Key: manifestKey } };
};

/** **Build reports**: the run, the List accounts output and the Scan accounts output (the ResultWriter pointer). */
export const buildReportsEvent = (run: ResolvedRun, accounts: AccountList, scan: unknown) => ({ run, accounts, scan });

/** **Post to Slack** and **Create Jira ticket**: the run, the Build reports output and the execution. */
export const notifyEvent = (run: ResolvedRun, reports: unknown, execution: ExecutionRef) => ({
  run,
  reports,
  execution: { id: execution.id, name: execution.name },
});

/** **Notify failure**: the top-level Catch's `{Error, Cause}` (no Cause: the Pass states must not need one). */
export const notifyFailureEvent = (run: ResolvedRun, execution: ExecutionRef, failedState: string, error: string) => ({
  run,
  error: { Error: error },
  execution: { id: execution.id, name: execution.name },
  failedState,
});
