import type { Deps } from '../../lambdas/_shared/deps';
import { createNotifyDeps } from '../../lambdas/_shared/notify-deps';
import { buildBuildReportsHandler } from '../../lambdas/build-reports/handler';
import { buildCreateJiraTicketHandler } from '../../lambdas/create-jira-ticket/handler';
import { buildFetchLaceworkAlertsHandler } from '../../lambdas/fetch-lacework-alerts/handler';
import { buildListAccountsHandler } from '../../lambdas/list-accounts/handler';
import { buildNotifyFailureHandler } from '../../lambdas/notify-failure/handler';
import { buildPostToSlackHandler } from '../../lambdas/post-to-slack/handler';
import { buildResolveRunHandler } from '../../lambdas/resolve-run/handler';
import { buildScanAccountHandler } from '../../lambdas/scan-account/handler';
import { buildTraceChangesHandler } from '../../lambdas/trace-changes/handler';
import { renderLocalDefinition } from '../../statemachines/local-definition';
import type { MapRunRecord } from './distributed-map';
import type { ExecutionAttempt } from './execution-attempt';
import { type EventLog, type LocalRunResult, type LocalTaskHandlers, runLocalWorkflow } from './run-local-workflow';

export interface ExecuteWorkflowOptions {
  deps: Deps;
  input: unknown;
  executionName: string;
  mapConcurrency?: number;
  retryIntervalMs?: number;
  onEvent?: (event: EventLog) => void;
  /** The Map Run of Scan accounts and its children, as they start and finish (a live object: copy what you keep). */
  onMapRun?: (record: MapRunRecord) => void;
  /**
   * Share of failed accounts (0–100) the Map Run tolerates.
   * @default 10 (the dev stage's)
   */
  toleratedFailurePercentage?: number;
  /** Test seam: Scan account's TimeoutSeconds (a hanging handler times out in seconds). @default - the definition's */
  scanAccountTimeoutSeconds?: number;
  /**
   * Test seam: replaces handlers after they are built (e.g. to crash one account's Scan account, or to corrupt a
   * partial before Build reports). Never set by `npm start`.
   * @default - the real handlers, unwrapped
   */
  wrapHandlers?: (handlers: LocalTaskHandlers) => LocalTaskHandlers;
  /** The execution's attempts; a redrive passes the one its failed attempt filled. @default - a first attempt */
  attempt?: ExecutionAttempt;
}

/**
 * One local execution of the deployed workflow: the same CDK chain rendered to ASL, the same handlers built from the
 * same composition root, run by aws-local-stepfunctions.
 */
export const executeWorkflow = (options: ExecuteWorkflowOptions): Promise<LocalRunResult> => {
  const { deps, input, executionName, mapConcurrency = 10, retryIntervalMs, onEvent } = options;
  const notify = createNotifyDeps(deps, deps.env);
  const handlers: LocalTaskHandlers = {
    resolveRun: buildResolveRunHandler(deps),
    listAccounts: buildListAccountsHandler(deps),
    scanAccount: buildScanAccountHandler(deps),
    traceChanges: buildTraceChangesHandler(deps),
    buildReports: buildBuildReportsHandler(deps),
    fetchLaceworkAlerts: buildFetchLaceworkAlertsHandler(deps),
    postToSlack: buildPostToSlackHandler(notify),
    createJiraTicket: buildCreateJiraTicketHandler(notify),
    notifyFailure: buildNotifyFailureHandler(notify),
  };
  return runLocalWorkflow({
    definition: renderLocalDefinition({
      mapConcurrency,
      toleratedFailurePercentage: options.toleratedFailurePercentage,
      bucketName: deps.store.bucket,
    }),
    store: deps.store,
    onMapRun: options.onMapRun,
    scanAccountTimeoutSeconds: options.scanAccountTimeoutSeconds,
    handlers: options.wrapHandlers ? options.wrapHandlers(handlers) : handlers,
    input,
    executionName,
    retryIntervalMs,
    onEvent,
    ...(options.attempt ? { attempt: options.attempt } : {}),
  });
};

/** A valid, sortable execution name for a local run, e.g. `local-20261122T221503Z`. */
export const localExecutionName = (now = new Date()): string =>
  `local-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
