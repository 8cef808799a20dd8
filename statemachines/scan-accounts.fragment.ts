import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { CATCH_ALL, recordFailure, retryProps } from './retry';
import { StateNames } from './state-names';

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
 * **Scan accounts and fetch alerts**: a Parallel of the Distributed Map (one STANDARD child execution per account id;
 * an account's failure becomes a `failed` ScanSummary) and **Fetch Lacework alerts** (org-wide; its failure becomes
 * a `failed` record, so Lacework never fails the AWS Config report). Output at `$.results`: `{ scan, alerts }`.
 */
export const buildScanAndFetch = (scope: Construct, props: ScanAndFetchProps): sfn.Parallel => {
  const scanAccount = tasks.LambdaInvoke.jsonPath(scope, 'ScanAccount', {
    stateName: StateNames.scanAccount,
    lambdaFunction: props.scanAccount,
    payloadResponseOnly: true,
    comment:
      'Input is the ItemSelector output, { accountId, runId, regions, frameworks }; its ScanSummary at $.summary',
    resultPath: '$.summary',
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

  const recordFailedAccount = sfn.Pass.jsonPath(scope, 'RecordFailedAccount', {
    stateName: StateNames.recordFailedAccount,
    comment: 'Turns an account whose scan failed after retries into a failed ScanSummary, so the run goes on',
    parameters: {
      accountId: sfn.JsonPath.stringAt('$.accountId'),
      status: 'failed',
      errors: sfn.JsonPath.array(
        sfn.JsonPath.format('{}: {}', sfn.JsonPath.stringAt('$.error.Error'), sfn.JsonPath.stringAt('$.error.Cause')),
      ),
    },
  });
  scanAccount.addCatch(recordFailedAccount, CATCH_ALL);

  const scanAccounts = sfn.DistributedMap.jsonPath(scope, 'ScanAccounts', {
    stateName: StateNames.scanAccounts,
    itemsPath: '$.accounts.ids',
    itemSelector: {
      accountId: sfn.JsonPath.stringAt('$$.Map.Item.Value'),
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
