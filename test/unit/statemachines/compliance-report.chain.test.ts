import { RETRYABLE_ERROR_NAMES } from '../../../core/shared/errors';
import { renderLocalDefinition } from '../../../statemachines/local-definition';
import { NO_CAUSE } from '../../../statemachines/retry';
import { failureNoteName, StateNames, TOP_LEVEL_STATES } from '../../../statemachines/state-names';

type State = Record<string, unknown> & {
  Type: string;
  Next?: string;
  End?: boolean;
  Retry?: { ErrorEquals: string[]; IntervalSeconds?: number; MaxAttempts?: number; JitterStrategy?: string }[];
  Catch?: { ErrorEquals: string[]; ResultPath?: string; Next: string }[];
};
type Branch = { StartAt: string; States: Record<string, State> };

const definition = renderLocalDefinition({ mapConcurrency: 25, toleratedFailurePercentage: 5 });
const states = definition.States as Record<string, State>;
const scanAndFetch = states[StateNames.scanAndFetch] as State & { Branches: Branch[] };
const [scanBranch, alertsBranch] = scanAndFetch.Branches as [Branch, Branch];
const scanAccounts = scanBranch.States[StateNames.scanAccounts] as State & {
  ItemProcessor: { ProcessorConfig: unknown; StartAt: string; States: Record<string, State> };
};
const processorStates = scanAccounts.ItemProcessor.States;
const notify = states[StateNames.notify] as State & { Branches: Branch[] };

const retriedErrors = (state: State | undefined) => (state?.Retry ?? []).flatMap((r) => r.ErrorEquals);
const TASK_RETRY = [...RETRYABLE_ERROR_NAMES, 'Lambda.TooManyRequestsException'];
/** `$.error` with its Cause defaulted: States.JsonMerge of `{ Cause: NO_CAUSE }` (base64 in the literal) and `$.error`. */
const ERROR_WITH_CAUSE = `States.JsonMerge(States.StringToJson(States.Base64Decode('${Buffer.from(
  JSON.stringify({ Cause: NO_CAUSE }),
).toString('base64')}')), $.error, false)`;

describe('buildComplianceReportChain', () => {
  describe('top level', () => {
    it('runs Resolve run, List accounts, the scan, Build reports, Notify and Summarize run in order', () => {
      // Arrange
      const order: string[] = [];

      // Act
      for (let name: string | undefined = definition.StartAt; name; name = states[name]?.Next) order.push(name);

      // Assert
      expect(order).toEqual([
        StateNames.resolveRun,
        StateNames.listAccounts,
        StateNames.scanAndFetch,
        StateNames.buildReports,
        StateNames.notify,
        StateNames.summarizeRun,
      ]);
      expect(states[StateNames.summarizeRun]?.End).toBe(true);
    });

    it('catches every failure of every top-level state, notes the state and notifies before Run failed', () => {
      for (const name of TOP_LEVEL_STATES) {
        // Act
        const note = states[failureNoteName(name)];

        // Assert
        expect(states[name]?.Catch).toEqual([
          { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: failureNoteName(name) },
        ]);
        expect(note).toMatchObject({
          Type: 'Pass',
          Parameters: { 'error.$': ERROR_WITH_CAUSE, failedState: name, execution: { 'id.$': '$$.Execution.Id' } },
          Next: StateNames.notifyFailure,
        });
        expect(Object.hasOwn(note?.Parameters as object, 'run.$')).toBe(name !== StateNames.resolveRun);
      }
      expect(states[StateNames.notifyFailure]).toMatchObject({
        ResultPath: '$.notification',
        Next: StateNames.runFailed,
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.notification', Next: StateNames.runFailed }],
      });
      expect(states[StateNames.runFailed]).toEqual({
        Type: 'Fail',
        ErrorPath: '$.error.Error',
        CausePath: '$.error.Cause',
      });
    });

    it('shapes Resolve run input from the execution and its result into { run }', () => {
      expect(states[StateNames.resolveRun]).toMatchObject({
        Parameters: {
          'input.$': '$',
          'executionName.$': '$$.Execution.Name',
          'executionStartTime.$': '$$.Execution.StartTime',
        },
        ResultSelector: { 'run.$': '$' },
      });
      expect(states[StateNames.resolveRun]?.ResultPath).toBeUndefined();
    });

    it('never retries InvalidInput on Resolve run', () => {
      expect(retriedErrors(states[StateNames.resolveRun])).not.toContain('InvalidInput');
      expect(retriedErrors(states[StateNames.resolveRun])).not.toContain('States.ALL');
    });

    it('retries List accounts on the retryable error names with jittered backoff', () => {
      // Act
      const retry = states[StateNames.listAccounts]?.Retry?.find((r) => r.ErrorEquals.includes('ThrottledError'));

      // Assert
      expect(retry).toEqual({
        ErrorEquals: TASK_RETRY,
        IntervalSeconds: 5,
        MaxAttempts: 4,
        BackoffRate: 2,
        JitterStrategy: 'FULL',
      });
      expect(states[StateNames.listAccounts]).toMatchObject({ InputPath: '$.run', ResultPath: '$.accounts' });
    });

    it('gives Build reports the run, accounts, scan results and alerts', () => {
      expect(states[StateNames.buildReports]).toMatchObject({
        Parameters: {
          'run.$': '$.run',
          'accounts.$': '$.accounts',
          'scan.$': '$.results.scan',
          'alerts.$': '$.results.alerts',
        },
        ResultPath: '$.reports',
      });
      expect(retriedErrors(states[StateNames.buildReports])).toEqual(expect.arrayContaining(TASK_RETRY));
    });
  });

  describe('Scan accounts and fetch alerts', () => {
    it('runs the map and the alerts fetch side by side into $.results', () => {
      expect(scanAndFetch).toMatchObject({
        Type: 'Parallel',
        ResultSelector: { 'scan.$': '$[0]', 'alerts.$': '$[1]' },
        ResultPath: '$.results',
      });
      expect(scanBranch.StartAt).toBe(StateNames.scanAccounts);
      expect(alertsBranch.StartAt).toBe(StateNames.fetchLaceworkAlerts);
    });

    it('is a distributed map of standard child executions with the given concurrency and tolerance', () => {
      expect(scanAccounts).toMatchObject({
        Type: 'Map',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'JSON' },
          Parameters: { Bucket: 'compliance-report-local', 'Key.$': '$.accounts.key' },
        },
        ItemSelector: {
          'accountId.$': '$$.Map.Item.Value.id',
          'runId.$': '$.run.runId',
          'regions.$': '$.run.regions',
          'frameworks.$': '$.run.frameworks',
        },
        MaxConcurrency: 25,
        ToleratedFailurePercentage: 5,
        Label: 'ScanAccounts',
      });
      expect(scanAccounts.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
      expect((scanAccounts.Label as string).length).toBeLessThanOrEqual(40);
      expect(scanAccounts.ItemsPath).toBeUndefined();
    });

    it('writes the map results to the report bucket under runs/<runId>/map', () => {
      expect(scanAccounts.ResultWriter).toEqual({
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { Bucket: 'compliance-report-local', 'Prefix.$': "States.Format('runs/{}/map', $.run.runId)" },
      });
    });

    it('retries Scan account on the retryable error names, then catches everything into Record failed account', () => {
      // Arrange
      const scanAccount = processorStates[StateNames.scanAccount];

      // Act
      const retry = scanAccount?.Retry?.find((r) => r.ErrorEquals.includes('ThrottledError'));

      // Assert
      expect(scanAccounts.ItemProcessor.StartAt).toBe(StateNames.scanAccount);
      expect(retry).toMatchObject({ ErrorEquals: TASK_RETRY, MaxAttempts: 4, JitterStrategy: 'FULL' });
      expect(scanAccount?.Catch).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: StateNames.recordFailedAccount },
      ]);
    });

    it("fails a failed account's child in Account failed with the caught error and cause (a Cause always set)", () => {
      expect(processorStates[StateNames.recordFailedAccount]).toMatchObject({
        Type: 'Pass',
        Parameters: { 'error.$': ERROR_WITH_CAUSE },
        Next: StateNames.accountFailed,
      });
      expect(processorStates[StateNames.accountFailed]).toMatchObject({
        Type: 'Fail',
        ErrorPath: '$.error.Error',
        CausePath: '$.error.Cause',
      });
    });

    it('traces each scanned account after Scan account, and outputs the ScanSummary whatever tracing did', () => {
      // Act
      const trace = processorStates[StateNames.traceChanges];

      // Assert
      expect(processorStates[StateNames.scanAccount]).toMatchObject({
        ResultPath: '$.summary',
        Next: StateNames.traceChanges,
      });
      expect(trace).toMatchObject({
        Parameters: {
          'accountId.$': '$.accountId',
          'runId.$': '$.runId',
          'startDate.$': '$.startDate',
          'endDate.$': '$.endDate',
        },
        ResultPath: '$.trace',
        Next: StateNames.accountDone,
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: StateNames.recordTraceFailure }],
      });
      expect(retriedErrors(trace)).toEqual(expect.arrayContaining(TASK_RETRY));
      expect(processorStates[StateNames.recordTraceFailure]).toMatchObject({
        Type: 'Pass',
        Next: StateNames.accountDone,
      });
      expect(processorStates[StateNames.accountDone]).toMatchObject({
        Type: 'Pass',
        OutputPath: '$.summary',
        End: true,
      });
    });

    it('fetches the alerts with the run, retries them, and records their failure instead of failing the run', () => {
      // Act
      const fetch = alertsBranch.States[StateNames.fetchLaceworkAlerts];

      // Assert
      expect(fetch).toMatchObject({ InputPath: '$.run' });
      expect(retriedErrors(fetch)).toEqual(expect.arrayContaining(TASK_RETRY));
      expect(fetch?.Catch).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: StateNames.recordAlertsFailure },
      ]);
      expect(alertsBranch.States[StateNames.recordAlertsFailure]).toMatchObject({
        Type: 'Pass',
        Parameters: { 'error.$': ERROR_WITH_CAUSE },
        Next: `${StateNames.recordAlertsFailure}: record`,
      });
      expect(alertsBranch.States[`${StateNames.recordAlertsFailure}: record`]).toMatchObject({
        Type: 'Pass',
        Parameters: {
          status: 'failed',
          'errors.$': "States.Array(States.Format('{}: {}', $.error.Error, $.error.Cause))",
        },
        End: true,
      });
    });
  });

  describe('Notify', () => {
    it('posts to Slack and creates the Jira ticket side by side, each failure caught and recorded', () => {
      // Act
      const [slack, jira] = notify.Branches as [Branch, Branch];

      // Assert
      expect(notify).toMatchObject({
        Type: 'Parallel',
        ResultSelector: { 'slack.$': '$[0]', 'jira.$': '$[1]' },
        ResultPath: '$.notifications',
      });
      for (const [branch, task, record] of [
        [slack, StateNames.postToSlack, StateNames.recordSlackFailure],
        [jira, StateNames.createJiraTicket, StateNames.recordJiraFailure],
      ] as const) {
        expect(branch.StartAt).toBe(task);
        expect(branch.States[task]).toMatchObject({
          Parameters: {
            'run.$': '$.run',
            'reports.$': '$.reports',
            execution: { 'id.$': '$$.Execution.Id', 'name.$': '$$.Execution.Name' },
          },
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: record }],
        });
        expect(retriedErrors(branch.States[task])).toEqual(expect.arrayContaining(TASK_RETRY));
      }
    });
  });

  it('uses JSONPath only: no JSONata query language, Arguments, Output or expressions anywhere', () => {
    // Act
    const text = JSON.stringify(definition);

    // Assert
    expect(text).not.toMatch(/JSONata|"Arguments"|"Output"|"Assign"|\{%/);
    expect(definition.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
  });
});
