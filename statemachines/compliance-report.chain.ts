import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { ErrorNames, RETRYABLE_ERROR_NAMES } from '../core/errors';
import { StateNames } from './state-names';

/** The four Lambda functions behind the workflow's tasks. */
export interface ComplianceReportFunctions {
  readonly resolveRun: lambda.IFunction;
  readonly listAccounts: lambda.IFunction;
  readonly scanAccount: lambda.IFunction;
  readonly buildReports: lambda.IFunction;
}

export interface ComplianceReportChainProps {
  readonly functions: ComplianceReportFunctions;
  /** The report bucket; the Distributed Map writes its results under `runs/<runId>/map`. */
  readonly bucket: s3.IBucket;
  /** Child executions running at once (the scan Lambda's effective concurrency). */
  readonly mapConcurrency: number;
  /** Share of failed accounts (0–100) the Map Run tolerates before it fails. */
  readonly toleratedFailurePercentage: number;
}

/** The Map Run label (≤ 40 chars, no whitespace): names the Map Run in the console and in its ARN. */
export const MAP_RUN_LABEL = 'ScanAccounts';

/** Where the Distributed Map's ResultWriter puts `<uuid>/manifest.json` and the result files, relative to the bucket. */
export const MAP_RESULTS_PREFIX_FORMAT = 'runs/{}/map';

/** Lambda throttling: worth a backed-off retry, like our own retryable errors. */
const LAMBDA_THROTTLED = 'Lambda.TooManyRequestsException';

/** Retryable errors of the tasks that talk to AWS or Lacework (see `RETRYABLE_ERROR_NAMES`). */
export const TASK_RETRY_ERRORS: readonly string[] = [...RETRYABLE_ERROR_NAMES, LAMBDA_THROTTLED];

const retryProps = (maxAttempts: number): sfn.RetryProps => ({
  errors: [...TASK_RETRY_ERRORS],
  interval: Duration.seconds(5),
  backoffRate: 2,
  maxAttempts,
  jitterStrategy: sfn.JitterType.FULL,
});

/**
 * Builds the compliance report workflow as a JSONPath chain (the local runner ignores JSONata):
 * **Resolve run** → **List accounts** → **Scan accounts** (Distributed Map of **Scan account**) → **Build reports**.
 *
 * State data contract, each task's result kept beside the earlier ones:
 * `{ run }` → `{ run, accounts }` → `{ run, accounts, scan }` → execution output = the **Build reports** result.
 * Any top-level failure is caught into `$.error` and ends in **Run failed** with that error and cause; one account's
 * failure is caught inside the map and becomes a `failed` ScanSummary, so it never fails the run by itself.
 *
 * @example
 * const chain = buildComplianceReportChain(this, { functions, bucket, mapConcurrency: 40, toleratedFailurePercentage: 10 });
 * new sfn.StateMachine(this, 'StateMachine', { definitionBody: sfn.DefinitionBody.fromChainable(chain) });
 */
export const buildComplianceReportChain = (scope: Construct, props: ComplianceReportChainProps): sfn.IChainable => {
  const { functions } = props;

  const runFailed = sfn.Fail.jsonPath(scope, 'RunFailed', {
    stateName: StateNames.runFailed,
    errorPath: '$.error.Error',
    causePath: '$.error.Cause',
  });
  const catchToRunFailed = { errors: [sfn.Errors.ALL], resultPath: '$.error' };

  const resolveRun = tasks.LambdaInvoke.jsonPath(scope, 'ResolveRun', {
    stateName: StateNames.resolveRun,
    comment: `Validates the input and resolves the run; bad input fails with ${ErrorNames.InvalidInput} (never retried)`,
    lambdaFunction: functions.resolveRun,
    payloadResponseOnly: true,
    payload: sfn.TaskInput.fromObject({
      input: sfn.JsonPath.entirePayload,
      executionName: sfn.JsonPath.executionName,
      executionStartTime: sfn.JsonPath.executionStartTime,
    }),
    resultSelector: { run: sfn.JsonPath.entirePayload },
  }).addCatch(runFailed, catchToRunFailed);

  const listAccounts = tasks.LambdaInvoke.jsonPath(scope, 'ListAccounts', {
    stateName: StateNames.listAccounts,
    lambdaFunction: functions.listAccounts,
    payloadResponseOnly: true,
    // The payload is `$.run` itself; InputPath, because a payloadResponseOnly path payload would render an invalid string.
    inputPath: '$.run',
    resultPath: '$.accounts',
  })
    .addRetry(retryProps(4))
    .addCatch(runFailed, catchToRunFailed);

  const scanAccounts = buildScanAccounts(scope, props).addCatch(runFailed, catchToRunFailed);

  const buildReports = tasks.LambdaInvoke.jsonPath(scope, 'BuildReports', {
    stateName: StateNames.buildReports,
    lambdaFunction: functions.buildReports,
    payloadResponseOnly: true,
    payload: sfn.TaskInput.fromObject({
      run: sfn.JsonPath.objectAt('$.run'),
      accounts: sfn.JsonPath.objectAt('$.accounts'),
      scan: sfn.JsonPath.objectAt('$.scan'),
    }),
    resultPath: '$.reports',
    outputPath: '$.reports',
  })
    .addRetry(retryProps(3))
    .addCatch(runFailed, catchToRunFailed);

  return resolveRun.next(listAccounts).next(scanAccounts).next(buildReports);
};

/** **Scan accounts**: one STANDARD child execution per account id; per-account failures become `failed` summaries. */
const buildScanAccounts = (scope: Construct, props: ComplianceReportChainProps): sfn.DistributedMap => {
  const scanAccount = tasks.LambdaInvoke.jsonPath(scope, 'ScanAccount', {
    stateName: StateNames.scanAccount,
    lambdaFunction: props.functions.scanAccount,
    payloadResponseOnly: true,
    comment: 'Input is the ItemSelector output, { accountId, runId, regions }; returns a ScanSummary',
  }).addRetry(retryProps(4));

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
  scanAccount.addCatch(recordFailedAccount, { errors: [sfn.Errors.ALL], resultPath: '$.error' });

  const scanAccounts = sfn.DistributedMap.jsonPath(scope, 'ScanAccounts', {
    stateName: StateNames.scanAccounts,
    itemsPath: '$.accounts.ids',
    itemSelector: {
      accountId: sfn.JsonPath.stringAt('$$.Map.Item.Value'),
      runId: sfn.JsonPath.stringAt('$.run.runId'),
      regions: sfn.JsonPath.listAt('$.run.regions'),
    },
    mapExecutionType: sfn.StateMachineType.STANDARD,
    maxConcurrency: props.mapConcurrency,
    toleratedFailurePercentage: props.toleratedFailurePercentage,
    label: MAP_RUN_LABEL,
    resultWriterV2: new sfn.ResultWriterV2({
      bucket: props.bucket,
      prefix: sfn.JsonPath.format(MAP_RESULTS_PREFIX_FORMAT, sfn.JsonPath.stringAt('$.run.runId')),
    }),
    resultPath: '$.scan',
  });
  scanAccounts.itemProcessor(scanAccount);
  return scanAccounts;
};
