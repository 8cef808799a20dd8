import { RETRYABLE_ERROR_NAMES } from '../../../core/errors';
import { renderLocalDefinition } from '../../../statemachines/local-definition';
import { StateNames } from '../../../statemachines/state-names';

type State = Record<string, unknown> & {
  Type: string;
  Next?: string;
  Retry?: { ErrorEquals: string[]; IntervalSeconds?: number; MaxAttempts?: number; JitterStrategy?: string }[];
  Catch?: { ErrorEquals: string[]; ResultPath?: string; Next: string }[];
};

const definition = renderLocalDefinition({ mapConcurrency: 25, toleratedFailurePercentage: 5 });
const states = definition.States as Record<string, State>;
const scanAccounts = states[StateNames.scanAccounts] as State & {
  ItemProcessor: { ProcessorConfig: unknown; StartAt: string; States: Record<string, State> };
};
const processorStates = scanAccounts.ItemProcessor.States;

const retriedErrors = (state: State | undefined) => (state?.Retry ?? []).flatMap((r) => r.ErrorEquals);

describe('buildComplianceReportChain', () => {
  describe('top level', () => {
    it('runs Resolve run, List accounts, Scan accounts and Build reports in order', () => {
      // Arrange
      const order: string[] = [];

      // Act
      for (let name: string | undefined = definition.StartAt; name; name = states[name]?.Next) order.push(name);

      // Assert
      expect(order).toEqual([
        StateNames.resolveRun,
        StateNames.listAccounts,
        StateNames.scanAccounts,
        StateNames.buildReports,
      ]);
      expect(Object.keys(states).sort()).toEqual([...order, StateNames.runFailed].sort());
    });

    it('catches every failure of every top-level state into $.error and ends in Run failed', () => {
      const topLevel = [
        StateNames.resolveRun,
        StateNames.listAccounts,
        StateNames.scanAccounts,
        StateNames.buildReports,
      ];
      for (const name of topLevel) {
        expect(states[name]?.Catch).toEqual([
          { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: StateNames.runFailed },
        ]);
      }
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
        ErrorEquals: [...RETRYABLE_ERROR_NAMES, 'Lambda.TooManyRequestsException'],
        IntervalSeconds: 5,
        MaxAttempts: 4,
        BackoffRate: 2,
        JitterStrategy: 'FULL',
      });
      expect(states[StateNames.listAccounts]).toMatchObject({ InputPath: '$.run', ResultPath: '$.accounts' });
    });

    it('gives Build reports the run, accounts and scan and outputs its result', () => {
      expect(states[StateNames.buildReports]).toMatchObject({
        Parameters: { 'run.$': '$.run', 'accounts.$': '$.accounts', 'scan.$': '$.scan' },
        ResultPath: '$.reports',
        OutputPath: '$.reports',
        End: true,
      });
      expect(retriedErrors(states[StateNames.buildReports])).toEqual(
        expect.arrayContaining([...RETRYABLE_ERROR_NAMES]),
      );
    });
  });

  describe('Scan accounts', () => {
    it('is a distributed map of standard child executions with the given concurrency and tolerance', () => {
      expect(scanAccounts).toMatchObject({
        Type: 'Map',
        ItemsPath: '$.accounts.ids',
        ItemSelector: { 'accountId.$': '$$.Map.Item.Value', 'runId.$': '$.run.runId', 'regions.$': '$.run.regions' },
        MaxConcurrency: 25,
        ToleratedFailurePercentage: 5,
        Label: 'ScanAccounts',
        ResultPath: '$.scan',
      });
      expect(scanAccounts.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
      expect((scanAccounts.Label as string).length).toBeLessThanOrEqual(40);
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
      expect(retry).toMatchObject({
        ErrorEquals: [...RETRYABLE_ERROR_NAMES, 'Lambda.TooManyRequestsException'],
        MaxAttempts: 4,
        JitterStrategy: 'FULL',
      });
      expect(scanAccount?.Catch).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: StateNames.recordFailedAccount },
      ]);
    });

    it('records a failed account as a failed ScanSummary naming the error and cause', () => {
      expect(processorStates[StateNames.recordFailedAccount]).toMatchObject({
        Type: 'Pass',
        Parameters: {
          'accountId.$': '$.accountId',
          status: 'failed',
          'errors.$': "States.Array(States.Format('{}: {}', $.error.Error, $.error.Cause))",
        },
        End: true,
      });
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
