import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type { TaskKey } from './state-names';

/**
 * Each workflow function's Lambda timeout when nothing else sets it (`infra/constructs/workflow-functions.ts` uses
 * these; Scan account and Trace changes take the stage's `scanTimeoutMinutes`, default 10). A definition rendered with
 * imported functions (the local runner's) has no function timeout to read, so its tasks use these.
 */
export const DEFAULT_FUNCTION_TIMEOUTS: Readonly<Record<TaskKey, Duration>> = {
  resolveRun: Duration.seconds(30),
  listAccounts: Duration.minutes(5),
  scanAccount: Duration.minutes(10),
  traceChanges: Duration.minutes(10),
  fetchLaceworkAlerts: Duration.minutes(10),
  buildReports: Duration.minutes(15),
  postToSlack: Duration.minutes(2),
  createJiraTicket: Duration.minutes(3),
  notifyFailure: Duration.minutes(2),
};

/** How much longer a Task waits than its function may run: the invoke's own latency and a cold start. */
export const TASK_TIMEOUT_MARGIN = Duration.seconds(30);

/**
 * The Task's `TimeoutSeconds`: its function's timeout plus {@link TASK_TIMEOUT_MARGIN}, so a stuck invocation fails the
 * Task with `States.Timeout` soon after Lambda would have stopped it (and never holds a child execution for hours).
 */
export const taskTimeout = (fn: lambda.IFunction, key: TaskKey): Duration => {
  const functionTimeout = fn instanceof lambda.Function && fn.timeout ? fn.timeout : DEFAULT_FUNCTION_TIMEOUTS[key];
  return Duration.seconds(functionTimeout.toSeconds() + TASK_TIMEOUT_MARGIN.toSeconds());
};
