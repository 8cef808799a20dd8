import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { ErrorNames } from '../core/shared/errors';
import { buildFailurePath, buildNotify } from './notify.fragment';
import { CATCH_ALL, retryProps } from './retry';
import { buildScanAndFetch } from './scan-accounts.fragment';
import { StateNames } from './state-names';
import { taskTimeout } from './task-timeouts';

export { TASK_RETRY_ERRORS } from './retry';
export { MAP_RESULTS_PREFIX_FORMAT, MAP_RUN_LABEL } from './scan-accounts.fragment';

/** The Lambda functions behind the workflow's tasks. */
export interface ComplianceReportFunctions {
  readonly resolveRun: lambda.IFunction;
  readonly listAccounts: lambda.IFunction;
  readonly scanAccount: lambda.IFunction;
  readonly traceChanges: lambda.IFunction;
  readonly fetchLaceworkAlerts: lambda.IFunction;
  readonly buildReports: lambda.IFunction;
  readonly postToSlack: lambda.IFunction;
  readonly createJiraTicket: lambda.IFunction;
  readonly notifyFailure: lambda.IFunction;
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

/**
 * Builds the compliance report workflow as a JSONPath chain (the local runner ignores JSONata):
 * **Resolve run** → **List accounts** → **Scan accounts and fetch alerts** (Distributed Map of **Scan account** ‖
 * **Fetch Lacework alerts**) → **Build reports** → **Notify** (Post to Slack ‖ Create Jira ticket) → **Summarize run**.
 *
 * State data, each result kept beside the earlier ones: `{ run }` → `+ accounts` → `+ results: { scan, alerts }` →
 * `+ reports` → `+ notifications`; the execution output is **Summarize run**'s `{ runId, startDate, endDate, reports,
 * alerts, notifications }`. A top-level failure is caught into `$.error`, noted with the state's name, posted by
 * **Notify failure** and ends in **Run failed**; one account's failure fails its child execution (Account failed), which
 * fails the run only beyond the Map's tolerated failure percentage. Every Task has a `TimeoutSeconds` a little above its
 * function's timeout (statemachines/task-timeouts.ts).
 *
 * @example
 * const chain = buildComplianceReportChain(this, { functions, bucket, mapConcurrency: 40, toleratedFailurePercentage: 10 });
 * new sfn.StateMachine(this, 'StateMachine', { definitionBody: sfn.DefinitionBody.fromChainable(chain) });
 */
export const buildComplianceReportChain = (scope: Construct, props: ComplianceReportChainProps): sfn.IChainable => {
  const { functions } = props;
  const { noteFailure } = buildFailurePath(scope, functions.notifyFailure);

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
    taskTimeout: sfn.Timeout.duration(taskTimeout(functions.resolveRun, 'resolveRun')),
  }).addCatch(noteFailure(StateNames.resolveRun, false), CATCH_ALL);

  const listAccounts = tasks.LambdaInvoke.jsonPath(scope, 'ListAccounts', {
    stateName: StateNames.listAccounts,
    lambdaFunction: functions.listAccounts,
    payloadResponseOnly: true,
    // The payload is `$.run` itself; InputPath, because a payloadResponseOnly path payload would render an invalid string.
    inputPath: '$.run',
    resultPath: '$.accounts',
    taskTimeout: sfn.Timeout.duration(taskTimeout(functions.listAccounts, 'listAccounts')),
  })
    .addRetry(retryProps(4))
    .addCatch(noteFailure(StateNames.listAccounts, true), CATCH_ALL);

  const scanAndFetch = buildScanAndFetch(scope, { ...functions, ...props }).addCatch(
    noteFailure(StateNames.scanAndFetch, true),
    CATCH_ALL,
  );

  const buildReports = tasks.LambdaInvoke.jsonPath(scope, 'BuildReports', {
    stateName: StateNames.buildReports,
    lambdaFunction: functions.buildReports,
    payloadResponseOnly: true,
    payload: sfn.TaskInput.fromObject({
      run: sfn.JsonPath.objectAt('$.run'),
      accounts: sfn.JsonPath.objectAt('$.accounts'),
      scan: sfn.JsonPath.objectAt('$.results.scan'),
      alerts: sfn.JsonPath.objectAt('$.results.alerts'),
    }),
    resultPath: '$.reports',
    taskTimeout: sfn.Timeout.duration(taskTimeout(functions.buildReports, 'buildReports')),
  })
    .addRetry(retryProps(3))
    .addCatch(noteFailure(StateNames.buildReports, true), CATCH_ALL);

  const summarizeRun = sfn.Pass.jsonPath(scope, 'SummarizeRun', {
    stateName: StateNames.summarizeRun,
    parameters: {
      runId: sfn.JsonPath.stringAt('$.run.runId'),
      startDate: sfn.JsonPath.stringAt('$.run.startDate'),
      endDate: sfn.JsonPath.stringAt('$.run.endDate'),
      reports: sfn.JsonPath.objectAt('$.reports'),
      alerts: sfn.JsonPath.objectAt('$.results.alerts'),
      notifications: sfn.JsonPath.objectAt('$.notifications'),
    },
  });

  return resolveRun
    .next(listAccounts)
    .next(scanAndFetch)
    .next(buildReports)
    .next(buildNotify(scope, functions))
    .next(summarizeRun);
};
