import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { CATCH_ALL, errorWithCause, recordFailure, retryProps } from './retry';
import { failureNoteName, StateNames, type TaskKey } from './state-names';
import { taskTimeout } from './task-timeouts';

/** `{ id, name }` of the running execution, for console links and idempotency. */
const EXECUTION = { id: sfn.JsonPath.stringAt('$$.Execution.Id'), name: sfn.JsonPath.executionName };

const notifyTask = (
  scope: Construct,
  id: string,
  stateName: string,
  fn: lambda.IFunction,
  key: TaskKey,
  recordName: string,
) =>
  tasks.LambdaInvoke.jsonPath(scope, id, {
    stateName,
    lambdaFunction: fn,
    taskTimeout: sfn.Timeout.duration(taskTimeout(fn, key)),
    payloadResponseOnly: true,
    payload: sfn.TaskInput.fromObject({
      run: sfn.JsonPath.objectAt('$.run'),
      reports: sfn.JsonPath.objectAt('$.reports'),
      execution: EXECUTION,
    }),
  })
    .addRetry(retryProps(3))
    .addCatch(recordFailure(scope, `${id}Failure`, recordName, `${stateName} failed; the report stands`), CATCH_ALL);

/**
 * **Notify**: Post to Slack and Create Jira ticket side by side, each skipped when not configured or when the input
 * says `notify: false`, each idempotent per run id. A failure is caught and recorded in `$.notifications`; the run
 * still succeeds with its report.
 */
export const buildNotify = (
  scope: Construct,
  fns: { postToSlack: lambda.IFunction; createJiraTicket: lambda.IFunction },
): sfn.Parallel =>
  new sfn.Parallel(scope, 'Notify', {
    stateName: StateNames.notify,
    resultSelector: { slack: sfn.JsonPath.objectAt('$[0]'), jira: sfn.JsonPath.objectAt('$[1]') },
    resultPath: '$.notifications',
  })
    .branch(
      notifyTask(
        scope,
        'PostToSlack',
        StateNames.postToSlack,
        fns.postToSlack,
        'postToSlack',
        StateNames.recordSlackFailure,
      ),
    )
    .branch(
      notifyTask(
        scope,
        'CreateJiraTicket',
        StateNames.createJiraTicket,
        fns.createJiraTicket,
        'createJiraTicket',
        StateNames.recordJiraFailure,
      ),
    );

/**
 * The failure path: **Notify failure** (Slack: which state failed, error, cause, console link), then **Run failed**
 * with the original error and cause. A failure to notify is caught so the execution still fails with the real error.
 */
export const buildFailurePath = (scope: Construct, notifyFailureFn: lambda.IFunction) => {
  const runFailed = sfn.Fail.jsonPath(scope, 'RunFailed', {
    stateName: StateNames.runFailed,
    errorPath: '$.error.Error',
    causePath: '$.error.Cause',
  });
  const notifyFailure = tasks.LambdaInvoke.jsonPath(scope, 'NotifyFailure', {
    stateName: StateNames.notifyFailure,
    lambdaFunction: notifyFailureFn,
    payloadResponseOnly: true,
    resultPath: '$.notification',
    taskTimeout: sfn.Timeout.duration(taskTimeout(notifyFailureFn, 'notifyFailure')),
  })
    .addRetry(retryProps(3))
    .addCatch(runFailed, { errors: [sfn.Errors.ALL], resultPath: '$.notification' })
    .next(runFailed);

  /**
   * The Pass noting that `stateName` failed: `{ run?, error, failedState, execution }`, the Notify failure payload;
   * `error` always has a Cause (Run failed fails with it).
   * Resolve run has no `$.run` yet, so its note leaves it out (a missing JSONPath would fail the Pass itself).
   */
  const noteFailure = (stateName: string, hasRun: boolean): sfn.IChainable =>
    sfn.Pass.jsonPath(scope, `Note${stateName.replaceAll(' ', '')}Failed`, {
      stateName: failureNoteName(stateName),
      parameters: {
        ...(hasRun ? { run: sfn.JsonPath.objectAt('$.run') } : {}),
        error: errorWithCause(),
        failedState: stateName,
        execution: EXECUTION,
      },
    }).next(notifyFailure);

  return { noteFailure };
};
