import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { CATCH_ALL, recordFailure, retryProps, withCause } from './retry';
import { StateNames } from './state-names';
import { taskTimeout } from './task-timeouts';

/** The Map Run label (≤ 40 chars, no whitespace): names the Map Run in the console and in its ARN. */
export const MAP_RUN_LABEL = 'ScanAccounts';

/** Where the Distributed Map's ResultWriter puts `<uuid>/manifest.json` and the result files, relative to the bucket. */
export const MAP_RESULTS_PREFIX_FORMAT = 'runs/{}/map';

export interface ScanAndFetchProps {
  readonly scanAccount: lambda.IFunction;
  readonly traceChanges: lambda.IFunction;
  readonly fetchLaceworkAlerts: lambda.IFunction;
  readonly bucket: s3.IBucket;
  readonly mapConcurrency: number;
  readonly toleratedFailurePercentage: number;
}

/**
 * **Scan accounts and fetch alerts**: a Parallel of the Distributed Map and **Fetch Lacework alerts** (org-wide; its
 * failure becomes a `failed` record, so Lacework never fails the AWS Config report). Output at `$.results`:
 * `{ scan, alerts }`, where `scan` is the ResultWriter pointer `{ MapRunArn, ResultWriterDetails: { Bucket, Key } }`.
 *
 * The Map reads its items with ItemReader from `runs/<runId>/accounts.json` (a JSON array of accounts, `$.accounts.key`)
 * and starts one STANDARD child execution per account: **Scan account**, then **Trace changes**. An account that cannot
 * be scanned (role not assumable, throttled after retries, timed out, crashed) ends its child in **Account failed**, a
 * Fail state with the handler's error name and cause, so the Map Run lists it as FAILED and a redrive re-runs it; the
 * Map tolerates `toleratedFailurePercentage` of them before it fails with `States.ExceedToleratedFailureThreshold`.
 */
export const buildScanAndFetch = (scope: Construct, props: ScanAndFetchProps): sfn.Parallel => {
  const scanAccount = tasks.LambdaInvoke.jsonPath(scope, 'ScanAccount', {
    stateName: StateNames.scanAccount,
    lambdaFunction: props.scanAccount,
    payloadResponseOnly: true,
    comment:
      'Input is the ItemSelector output, { accountId, runId, regions, frameworks }; its ScanSummary at $.summary',
    resultPath: '$.summary',
    taskTimeout: sfn.Timeout.duration(taskTimeout(props.scanAccount, 'scanAccount')),
  }).addRetry(retryProps(4));

  // Trace changes never fails the account: its failure is recorded beside the summary, which is the child's output.
  const accountDone = sfn.Pass.jsonPath(scope, 'AccountDone', {
    stateName: StateNames.accountDone,
    comment: "The child's output is the account's ScanSummary (the trace is in S3)",
    outputPath: '$.summary',
  });
  const traceChanges = tasks.LambdaInvoke.jsonPath(scope, 'TraceChanges', {
    stateName: StateNames.traceChanges,
    comment: 'Who made the non-compliant resources non-compliant → runs/<runId>/traces/<accountId>.json',
    lambdaFunction: props.traceChanges,
    payloadResponseOnly: true,
    payload: sfn.TaskInput.fromObject({
      accountId: sfn.JsonPath.stringAt('$.accountId'),
      runId: sfn.JsonPath.stringAt('$.runId'),
      startDate: sfn.JsonPath.stringAt('$.startDate'),
      endDate: sfn.JsonPath.stringAt('$.endDate'),
    }),
    resultPath: '$.trace',
    taskTimeout: sfn.Timeout.duration(taskTimeout(props.traceChanges, 'traceChanges')),
  })
    .addRetry(retryProps(3))
    .addCatch(
      sfn.Pass.jsonPath(scope, 'RecordTraceFailure', {
        stateName: StateNames.recordTraceFailure,
        comment: 'Tracing failed after retries; the account keeps its scan',
        resultPath: sfn.JsonPath.DISCARD,
      }).next(accountDone),
      CATCH_ALL,
    )
    .next(accountDone);

  // The account's partial (with the reason) is written by Scan account before it throws, when it can be; the Fail
  // state's Error and Cause are what the console, ListExecutions and the ResultWriter's FAILED records show.
  const accountFailed = sfn.Fail.jsonPath(scope, 'AccountFailed', {
    stateName: StateNames.accountFailed,
    comment: "Fails the account's child execution with the scan's error name and cause",
    errorPath: '$.error.Error',
    causePath: '$.error.Cause',
  });
  const recordFailedAccount = withCause(
    scope,
    'RecordFailedAccount',
    StateNames.recordFailedAccount,
    'The caught error, given a Cause when it has none (a timeout), for Account failed',
  ).next(accountFailed);
  scanAccount.addCatch(recordFailedAccount, CATCH_ALL);

  const scanAccounts = sfn.DistributedMap.jsonPath(scope, 'ScanAccounts', {
    stateName: StateNames.scanAccounts,
    itemReader: new sfn.S3JsonItemReader({ bucket: props.bucket, key: sfn.JsonPath.stringAt('$.accounts.key') }),
    itemSelector: {
      accountId: sfn.JsonPath.stringAt('$$.Map.Item.Value.id'),
      runId: sfn.JsonPath.stringAt('$.run.runId'),
      regions: sfn.JsonPath.listAt('$.run.regions'),
      frameworks: sfn.JsonPath.listAt('$.run.frameworks'),
      startDate: sfn.JsonPath.stringAt('$.run.startDate'),
      endDate: sfn.JsonPath.stringAt('$.run.endDate'),
    },
    mapExecutionType: sfn.StateMachineType.STANDARD,
    maxConcurrency: props.mapConcurrency,
    toleratedFailurePercentage: props.toleratedFailurePercentage,
    label: MAP_RUN_LABEL,
    resultWriterV2: new sfn.ResultWriterV2({
      bucket: props.bucket,
      prefix: sfn.JsonPath.format(MAP_RESULTS_PREFIX_FORMAT, sfn.JsonPath.stringAt('$.run.runId')),
    }),
  });
  scanAccounts.itemProcessor(scanAccount.next(traceChanges));

  const fetchAlerts = tasks.LambdaInvoke.jsonPath(scope, 'FetchLaceworkAlerts', {
    stateName: StateNames.fetchLaceworkAlerts,
    comment: 'Org-wide Lacework compliance alerts of the range (≤ 7-day windows) → runs/<runId>/partials/_alerts.json',
    lambdaFunction: props.fetchLaceworkAlerts,
    payloadResponseOnly: true,
    inputPath: '$.run',
    taskTimeout: sfn.Timeout.duration(taskTimeout(props.fetchLaceworkAlerts, 'fetchLaceworkAlerts')),
  })
    .addRetry(retryProps(3))
    .addCatch(
      recordFailure(
        scope,
        'RecordAlertsFailure',
        StateNames.recordAlertsFailure,
        'Lacework alerts failed; the report goes on',
      ),
      CATCH_ALL,
    );

  return new sfn.Parallel(scope, 'ScanAndFetch', {
    stateName: StateNames.scanAndFetch,
    resultSelector: { scan: sfn.JsonPath.objectAt('$[0]'), alerts: sfn.JsonPath.objectAt('$[1]') },
    resultPath: '$.results',
  })
    .branch(scanAccounts)
    .branch(fetchAlerts);
};
