import type { ExecutionRegistry, HistoryEvent, MapRunState } from '../sfn/execution-registry';
import { EXECUTION_STATUSES } from '../sfn/sfn-records';
import type { ExecutionView } from '../sfn/sfn-views';
import { decodeToken, page } from './paging';
import { AwsFault } from './wire';

type Body = Record<string, unknown>;

/** The default page size of the Step Functions List* operations (API reference: default 100, at most 1000). */
export const SFN_DEFAULT_PAGE = 100;
const SFN_MAX_PAGE = 1000;

/** Epoch seconds with milliseconds, as AWS JSON 1.0 sends a timestamp (the SDK turns it into a Date). */
const seconds = (date: Date | undefined): number | undefined =>
  date === undefined ? undefined : date.getTime() / 1000;

/** Drops undefined fields, as the wire never carries them. */
const defined = (body: Body): Body => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));

const required = (body: Body, field: string): string => {
  const value = body[field];
  if (typeof value !== 'string' || value === '') {
    throw new AwsFault(
      'ValidationException',
      `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
};

const pageSize = (body: Body): number => {
  const max = body.maxResults ?? 0;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 0 || max > SFN_MAX_PAGE) {
    throw new AwsFault(
      'ValidationException',
      `1 validation error detected: Value '${String(max)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000`,
    );
  }
  return max === 0 ? SFN_DEFAULT_PAGE : max;
};

const paged = <T>(items: T[], body: Body, scope: string): { items: T[]; nextToken?: string } =>
  page(items, decodeToken(body.nextToken, scope, 'InvalidToken'), pageSize(body), scope);

const describeExecution = (view: ExecutionView): Body =>
  defined({
    executionArn: view.executionArn,
    stateMachineArn: view.stateMachineArn,
    name: view.name,
    status: view.status,
    startDate: seconds(view.startDate),
    stopDate: seconds(view.stopDate),
    input: view.input,
    inputDetails: view.input === undefined ? undefined : { included: true },
    output: view.output,
    outputDetails: view.output === undefined ? undefined : { included: true },
    mapRunArn: view.mapRunArn,
    error: view.error,
    cause: view.cause,
    redriveCount: view.redriveCount,
    redriveDate: seconds(view.redriveDate),
    redriveStatus: view.redriveStatus,
    redriveStatusReason: view.redriveStatusReason,
  });

/** Running executions by their start (or redrive), the others by their stop, most recent first (API reference). */
const recency = (view: ExecutionView): number =>
  (view.status === 'RUNNING' ? (view.redriveDate ?? view.startDate) : (view.stopDate ?? view.startDate)).getTime();

const listExecutions = (body: Body, registry: ExecutionRegistry): Body => {
  const { stateMachineArn, mapRunArn, statusFilter, redriveFilter } = body as Record<string, string | undefined>;
  if ((stateMachineArn === undefined) === (mapRunArn === undefined)) {
    throw new AwsFault('ValidationException', 'Specify either a mapRunArn or a stateMachineArn, but not both');
  }
  if (statusFilter !== undefined && !(EXECUTION_STATUSES as readonly string[]).includes(statusFilter)) {
    throw new AwsFault(
      'ValidationException',
      `1 validation error detected: Value '${statusFilter}' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [${EXECUTION_STATUSES.join(', ')}]`,
    );
  }
  const all = registry
    .executionsOf({ stateMachineArn, mapRunArn })
    .filter((e) => statusFilter === undefined || e.status === statusFilter)
    .filter((e) => redriveFilter === undefined || (redriveFilter === 'REDRIVEN') === e.redriveCount > 0)
    .sort((a, b) => recency(b) - recency(a));
  const { items, nextToken } = paged(all, body, `executions:${stateMachineArn ?? mapRunArn}:${statusFilter ?? ''}`);
  return defined({
    executions: items.map((e) =>
      defined({
        executionArn: e.executionArn,
        stateMachineArn: e.stateMachineArn,
        name: e.name,
        status: e.status,
        startDate: seconds(e.startDate),
        stopDate: seconds(e.stopDate),
        // Returned only when the request named the Map Run (ExecutionListItem reference).
        mapRunArn: mapRunArn === undefined ? undefined : e.mapRunArn,
        redriveCount: e.redriveCount,
        redriveDate: seconds(e.redriveDate),
      }),
    ),
    nextToken,
  });
};

const listMapRuns = (body: Body, registry: ExecutionRegistry): Body => {
  const executionArn = required(body, 'executionArn');
  const { items, nextToken } = paged(registry.mapRunsOf(executionArn), body, `mapRuns:${executionArn}`);
  return defined({
    mapRuns: items.map((r) =>
      defined({
        executionArn: r.executionArn,
        mapRunArn: r.mapRunArn,
        stateMachineArn:
          r.children[0]?.StateMachineArn ?? r.mapRunArn.replace(':mapRun:', ':stateMachine:').replace(/:[^:]+$/, ''),
        startDate: seconds(new Date(r.startDate)),
        stopDate: r.stopDate === undefined ? undefined : seconds(new Date(r.stopDate)),
      }),
    ),
    nextToken,
  });
};

const describeMapRun = (run: MapRunState): Body => {
  const counts = {
    ...run.itemCounts,
    resultsWritten:
      run.status === 'RUNNING'
        ? 0
        : run.itemCounts.succeeded + run.itemCounts.failed + run.itemCounts.timedOut + run.itemCounts.aborted,
    failuresNotRedrivable: 0,
    pendingRedrive: 0,
  };
  return defined({
    mapRunArn: run.mapRunArn,
    executionArn: run.executionArn,
    status: run.status,
    startDate: seconds(new Date(run.startDate)),
    stopDate: run.stopDate === undefined ? undefined : seconds(new Date(run.stopDate)),
    maxConcurrency: run.maxConcurrency ?? 0,
    toleratedFailurePercentage: run.toleratedFailurePercentage,
    toleratedFailureCount: run.toleratedFailureCount ?? 0,
    itemCounts: counts,
    // One item per child execution here (no ItemBatcher), so both count the same.
    executionCounts: counts,
    redriveCount: run.redriveCount,
    redriveDate: seconds(run.redriveDate),
  });
};

const history = (body: Body, registry: ExecutionRegistry): Body => {
  const executionArn = required(body, 'executionArn');
  const events: HistoryEvent[] = [...registry.history(executionArn)];
  if (body.reverseOrder === true) events.reverse();
  const { items, nextToken } = paged(events, body, `history:${executionArn}:${body.reverseOrder === true}`);
  return defined({
    events: items.map((e) => ({ ...e, timestamp: seconds(e.timestamp) })),
    nextToken,
  });
};

/**
 * Answers one Step Functions (`AWSStepFunctions.<Op>`, AWS JSON 1.0) operation from the execution registry:
 * StartExecution, DescribeExecution, ListExecutions (by state machine or `mapRunArn`, `statusFilter`,
 * `redriveFilter`), ListMapRuns, DescribeMapRun, GetExecutionHistory and RedriveExecution. Shapes, error names and
 * page sizes follow the Step Functions API reference (the `@aws-sdk/client-sfn` model).
 */
export const answerStepFunctions = (operation: string, body: Body, registry: ExecutionRegistry): Body => {
  switch (operation) {
    case 'StartExecution': {
      const started = registry.startExecution({
        stateMachineArn: required(body, 'stateMachineArn'),
        ...(typeof body.name === 'string' ? { name: body.name } : {}),
        ...(typeof body.input === 'string' ? { input: body.input } : {}),
      });
      return { executionArn: started.executionArn, startDate: seconds(started.startDate) };
    }
    case 'DescribeExecution':
      return describeExecution(registry.describeExecution(required(body, 'executionArn')));
    case 'ListExecutions':
      return listExecutions(body, registry);
    case 'ListMapRuns':
      return listMapRuns(body, registry);
    case 'DescribeMapRun':
      return describeMapRun(registry.mapRun(required(body, 'mapRunArn')));
    case 'GetExecutionHistory':
      return history(body, registry);
    case 'RedriveExecution':
      return { redriveDate: seconds(registry.redriveExecution(required(body, 'executionArn'))) };
    default:
      throw new AwsFault('UnknownOperationException', `the sandbox does not implement Step Functions ${operation}`);
  }
};
