import { createProgressReporter } from '../../../cli/local/progress';
import type { EventLog } from '../../../cli/local/run-local-workflow';

const exited = (name: string, output: unknown, index?: number, input: unknown = {}) =>
  ({
    type: 'StateExited',
    timestamp: 0,
    index,
    state: { name, type: 'Task', input, output },
  }) as unknown as EventLog;

describe('createProgressReporter', () => {
  it('prints the account count, one line per finished account with its counts, and the failures', () => {
    // Arrange
    const lines: string[] = [];
    const report = createProgressReporter((line) => lines.push(line));

    // Act
    const run = { runId: 'run-1', startDate: '2026-11-16', endDate: '2026-11-22', regions: ['us-east-1', 'eu-west-1'] };
    report(exited('Resolve run', { input: {}, run }));
    report(exited('List accounts', { run: {}, accounts: { bucket: 'b', key: 'runs/r/accounts.json', count: 2 } }));
    const counts = { rules: 4, compliant: 10, nonCompliant: 3, configDisabledRegions: 1 };
    const summary = { accountId: '111111111111', status: 'ok', counts };
    report(exited('Scan account', { accountId: '111111111111', summary }, 0));
    // Record failed account outputs the caught error (for Account failed); the account is in its input.
    const error = { Error: 'ThrottledError', Cause: 'config kept throttling' };
    // The caught Scan account exits too, with the Catch's $.error beside its input: not a finished account yet.
    report(exited('Scan account', { accountId: '222222222222', error }, 1));
    report(exited('Record failed account', { error }, 1, { accountId: '222222222222', error }));
    report(exited('Scan accounts', {}));

    // Assert
    expect(lines).toEqual([
      '  report week 2026-11-16 to 2026-11-22 (run run-1), regions us-east-1, eu-west-1',
      '  2 accounts to scan',
      '  [1/2] 111111111111 ok      4 rules; resources 10 compliant, 3 non-compliant; Config off in 1 region',
      '  [2/2] 222222222222 failed  ThrottledError: config kept throttling',
      '  2 accounts: 1 scanned, 1 failed',
    ]);
  });

  it("reads Scan account's summary where the state machine puts it: at $.summary beside the Map item's input", () => {
    // Arrange
    const lines: string[] = [];
    const report = createProgressReporter((line) => lines.push(line));
    const summary = { accountId: '111111111111', status: 'ok', counts: { rules: 7, compliant: 5, nonCompliant: 2 } };

    // Act
    report(exited('List accounts', { run: {}, accounts: { bucket: 'b', key: 'runs/r/accounts.json', count: 1 } }));
    report(exited('Scan account', { accountId: '111111111111', runId: 'run-1', regions: [], summary }, 0));

    // Assert
    expect(lines).toEqual([
      '  1 accounts to scan',
      '  [1/1] 111111111111 ok      7 rules; resources 5 compliant, 2 non-compliant',
    ]);
  });

  it('announces a retry of an account with the error that caused it', () => {
    // Arrange
    const lines: string[] = [];
    const report = createProgressReporter((line) => lines.push(line));
    const failed = {
      type: 'StateFailed',
      timestamp: 0,
      index: 0,
      state: { name: 'Scan account', type: 'Task', input: { accountId: '111111111111' } },
      Error: 'ThrottledError',
      Cause: 'config kept throttling',
    } as unknown as EventLog;
    const retried = {
      type: 'StateRetried',
      timestamp: 0,
      index: 0,
      state: { name: 'Scan account', type: 'Task', input: { accountId: '111111111111' } },
      retry: { attempt: 1, retrier: { ErrorEquals: ['ThrottledError', 'ExternalServiceError'] } },
    } as unknown as EventLog;

    // Act
    report(failed);
    report(retried);

    // Assert
    expect(lines).toEqual(['  ↻ 111111111111: retry 1 after ThrottledError']);
  });
});
