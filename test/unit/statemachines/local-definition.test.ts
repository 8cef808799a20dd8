import { type RunOptions, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { localizeDistributedMaps, runDistributedMap } from '../../../cli/local/distributed-map';
import type { ChildRecord, ResultManifest } from '../../../cli/local/distributed-map-results';
import type { MapRunResult } from '../../../core/domain/map-output.schema';
import { ErrorNames } from '../../../core/shared/errors';
import { LOCAL_BUCKET_NAME, renderLocalDefinition } from '../../../statemachines/local-definition';
import { StateNames } from '../../../statemachines/state-names';
import { InMemoryObjectStore } from '../../helpers/fakes/in-memory-object-store';

type Json = Parameters<StateMachine['run']>[0];
type Handlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
type Handler = Handlers[string];
type EventLog = { type: string; state?: { name: string }; Error?: string; Cause?: unknown };

const ACCOUNT_IDS = ['111111111111', '222222222222', '333333333333'];
/** List accounts writes accounts.json (a JSON array, what ItemReader reads) and outputs where it is, no ids. */
const ACCOUNTS_KEY = 'runs/run-1/accounts.json';
const ACCOUNT_LIST = { bucket: LOCAL_BUCKET_NAME, key: ACCOUNTS_KEY, count: 3 };
const RUN = {
  runId: 'run-1',
  startDate: '2026-11-16',
  endDate: '2026-11-22',
  timeZone: 'Asia/Hong_Kong',
  regions: ['us-east-1', 'ap-east-1'],
  frameworks: [],
  includeAccounts: [],
  excludeAccounts: [],
  notify: true,
};
/** The runner sets `$$.Execution.StartTime` itself (to now); the name must be given, like the local runner does. */
const CONTEXT = { Execution: { Name: 'run-1', Id: 'arn:aws:states:us-east-1:000000000000:execution:sm:run-1' } };
const EXECUTION = { id: CONTEXT.Execution.Id, name: 'run-1' };

/** Throws an error whose `name` is what Step Functions sees as `Error`, as the real handlers' errors do. */
const fail = (name: string, message: string): never => {
  const error = new Error(message);
  error.name = name;
  throw error;
};

const okSummary = (input: Json) => {
  const { accountId } = input as { accountId: string };
  return { accountId, status: 'ok', errors: [] };
};

const ALERTS = { status: 'ok', key: 'runs/run-1/partials/_alerts.json', count: 2 };

/** Tiny in-test handlers for the tasks (this tests the chain, not the real handlers); override one per scenario. */
const handlers = (overrides: Partial<Record<keyof typeof StateNames, Handler>> = {}): Handlers => ({
  [StateNames.resolveRun]: overrides.resolveRun ?? (() => RUN),
  [StateNames.listAccounts]: overrides.listAccounts ?? (() => ACCOUNT_LIST),
  [StateNames.scanAccount]: overrides.scanAccount ?? okSummary,
  [StateNames.traceChanges]: overrides.traceChanges ?? (() => ({ status: 'traced', traced: 1 })),
  [StateNames.fetchLaceworkAlerts]: overrides.fetchLaceworkAlerts ?? (() => ALERTS),
  [StateNames.buildReports]: overrides.buildReports ?? ((input) => ({ received: input })),
  [StateNames.postToSlack]: overrides.postToSlack ?? (() => ({ status: 'posted' })),
  [StateNames.createJiraTicket]: overrides.createJiraTicket ?? (() => ({ status: 'created', key: 'SEC-1' })),
  [StateNames.notifyFailure]: overrides.notifyFailure ?? (() => ({ status: 'posted' })),
});

const received = (output: unknown) => (output as { reports: { received: Record<string, unknown> } }).reports.received;

/**
 * Runs the rendered definition on aws-local-stepfunctions, its Distributed Map through cli/local/distributed-map.ts
 * (the library would run it inline and cannot read an ItemReader), over a store holding the three accounts' file.
 */
const execute = async (taskHandlers: Handlers, input: Json = {}, toleratedFailurePercentage = 50) => {
  const store = new InMemoryObjectStore(LOCAL_BUCKET_NAME);
  const accounts = ACCOUNT_IDS.map((id) => ({ id, name: `account ${id}`, state: 'ACTIVE' }));
  await store.put(ACCOUNTS_KEY, JSON.stringify(accounts), 'application/json');
  const { definition, maps } = localizeDistributedMaps(renderLocalDefinition({ toleratedFailurePercentage }));
  const events: EventLog[] = [];
  const overrides = {
    taskResourceLocalHandlers: { ...taskHandlers },
    retryIntervalOverrides: Object.fromEntries(Object.values(StateNames).map((name) => [name, 0])),
  };
  for (const [name, state] of Object.entries(maps)) {
    overrides.taskResourceLocalHandlers[name] = (mapInput) =>
      runDistributedMap(name, state, mapInput, {
        store,
        executionArn: CONTEXT.Execution.Id,
        runOptions: { overrides },
        onEvent: (event) => events.push(event as EventLog),
      }) as Promise<Json>;
  }
  const machine = new StateMachine(definition as unknown as StateMachineDefinition);
  const execution = machine.run(input, { context: CONTEXT, overrides });
  const result = await execution.result.then(
    (output) => ({ output, error: undefined }),
    (error: unknown) => ({ output: undefined, error }),
  );
  for await (const event of execution.eventLogs) events.push(event as EventLog);
  return { ...result, events, store };
};

/** The Map Run's child records by status, read as Build reports reads them: the manifest, then its files. */
const childRecords = (store: InMemoryObjectStore, scan: unknown) => {
  const manifest = JSON.parse(store.text((scan as MapRunResult).ResultWriterDetails.Key)) as ResultManifest;
  const read = (files: { Key: string }[]) => files.flatMap((f) => JSON.parse(store.text(f.Key)) as ChildRecord[]);
  return { succeeded: read(manifest.ResultFiles.SUCCEEDED), failed: read(manifest.ResultFiles.FAILED) };
};
const outputs = (records: ChildRecord[]) => records.map((r) => JSON.parse(r.Output ?? 'null') as unknown);

describe('compliance report definition on aws-local-stepfunctions', () => {
  it('passes the state data contract from Resolve run to Build reports', async () => {
    // Arrange
    const seen: Record<string, Json> = {};
    const record =
      (name: string, handler: Handler): Handler =>
      (input) => {
        seen[name] = input;
        return handler(input);
      };

    // Act
    const { output, error, store } = await execute(
      handlers({
        resolveRun: record('resolveRun', () => RUN),
        listAccounts: record('listAccounts', () => ACCOUNT_LIST),
      }),
      { startDate: '2026-11-16' },
    );

    // Assert
    expect(error).toBeUndefined();
    expect(seen.resolveRun).toEqual({
      input: { startDate: '2026-11-16' },
      executionName: 'run-1',
      executionStartTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/),
    });
    expect(seen.listAccounts).toEqual(RUN);
    expect(output).toEqual({
      runId: 'run-1',
      startDate: RUN.startDate,
      endDate: RUN.endDate,
      reports: {
        received: {
          run: RUN,
          accounts: ACCOUNT_LIST,
          scan: {
            MapRunArn: expect.stringContaining(':mapRun:sm/ScanAccounts:'),
            ResultWriterDetails: {
              Bucket: LOCAL_BUCKET_NAME,
              Key: expect.stringMatching(/^runs\/run-1\/map\/[0-9a-f-]{36}\/manifest\.json$/),
            },
          },
          alerts: ALERTS,
        },
      },
      alerts: ALERTS,
      notifications: { slack: { status: 'posted' }, jira: { status: 'created', key: 'SEC-1' } },
    });
    const { succeeded, failed } = childRecords(store, received(output).scan);
    expect(failed).toEqual([]);
    expect(outputs(succeeded)).toEqual(ACCOUNT_IDS.map((accountId) => ({ accountId, status: 'ok', errors: [] })));
  });

  it('gives the notification tasks the run, the reports and the execution', async () => {
    // Arrange
    const inputs: Json[] = [];
    const postToSlack: Handler = (input) => {
      inputs.push(input);
      return { status: 'posted' };
    };

    // Act
    await execute(handlers({ postToSlack, buildReports: () => ({ keys: { workbook: 'w.xlsx' } }) }));

    // Assert
    expect(inputs).toEqual([{ run: RUN, reports: { keys: { workbook: 'w.xlsx' } }, execution: EXECUTION }]);
  });

  it('records a failed notification or a failed alerts fetch and still succeeds with the report', async () => {
    // Arrange
    const createJiraTicket: Handler = () => fail(ErrorNames.ExternalService, 'jira answered 503');
    const fetchLaceworkAlerts: Handler = () => fail(ErrorNames.Config, 'lacework refused the API key');

    // Act
    const { output, error } = await execute(handlers({ createJiraTicket, fetchLaceworkAlerts }));

    // Assert
    expect(error).toBeUndefined();
    expect(output).toMatchObject({
      alerts: { status: 'failed', errors: ['ConfigError: lacework refused the API key'] },
      notifications: {
        slack: { status: 'posted' },
        jira: { status: 'failed', errors: ['ExternalServiceError: jira answered 503'] },
      },
    });
    expect(received(output).alerts).toEqual({
      status: 'failed',
      errors: ['ConfigError: lacework refused the API key'],
    });
  });

  it('gives each Scan account its account id, run id and regions', async () => {
    // Arrange
    const inputs: Json[] = [];

    // Act
    const scanAccount: Handler = (input) => {
      inputs.push(input);
      return okSummary(input);
    };
    await execute(handlers({ scanAccount }));

    // Assert
    expect(inputs).toEqual(
      expect.arrayContaining(
        ACCOUNT_IDS.map((accountId) => ({
          accountId,
          runId: 'run-1',
          regions: RUN.regions,
          frameworks: [],
          startDate: RUN.startDate,
          endDate: RUN.endDate,
        })),
      ),
    );
    expect(inputs).toHaveLength(3);
  });

  it('traces each scanned account with its range, and keeps the summary when tracing fails', async () => {
    // Arrange
    const inputs: Json[] = [];
    const traceChanges: Handler = (input) => {
      inputs.push(input);
      return fail(ErrorNames.ExternalService, 'cloudtrail answered 503');
    };

    // Act
    const { output, error, store } = await execute(handlers({ traceChanges }));

    // Assert
    expect(error).toBeUndefined();
    expect(inputs).toContainEqual({
      accountId: '111111111111',
      runId: 'run-1',
      startDate: RUN.startDate,
      endDate: RUN.endDate,
    });
    expect(outputs(childRecords(store, received(output).scan).succeeded)).toEqual(
      ACCOUNT_IDS.map((accountId) => ({ accountId, status: 'ok', errors: [] })),
    );
  });

  it('retries a throttled account and then records its summary', async () => {
    // Arrange
    let attempts = 0;
    const scanAccount: Handler = (input) => {
      const { accountId } = input as { accountId: string };
      if (accountId === '222222222222' && attempts++ < 2) fail(ErrorNames.Throttled, 'config throttled');
      return okSummary(input);
    };

    // Act
    const { output, events, store } = await execute(handlers({ scanAccount }));

    // Assert
    const retried = events.filter((e) => e.type === 'StateRetried' && e.state?.name === StateNames.scanAccount);
    expect(retried).toHaveLength(2);
    expect(outputs(childRecords(store, received(output).scan).succeeded)).toContainEqual({
      accountId: '222222222222',
      status: 'ok',
      errors: [],
    });
  });

  it('fails the child of an account that keeps failing (Account failed) and finishes the run below the threshold', async () => {
    // Arrange
    const scanAccount: Handler = (input) =>
      (input as { accountId: string }).accountId === '333333333333'
        ? fail(ErrorNames.MemberRoleNotAssumable, 'member role not assumable in 333333333333: AccessDenied')
        : okSummary(input);

    // Act: 1 of 3 failed, 33% ≤ the tolerated 50%
    const { output, error, events, store } = await execute(handlers({ scanAccount }), {}, 50);

    // Assert
    expect(error).toBeUndefined();
    const { succeeded, failed } = childRecords(store, received(output).scan);
    expect(succeeded).toHaveLength(2);
    expect(failed).toEqual([
      expect.objectContaining({
        Status: 'FAILED',
        Error: ErrorNames.MemberRoleNotAssumable,
        Cause: 'member role not assumable in 333333333333: AccessDenied',
        Input: expect.stringContaining('"accountId":"333333333333"'),
      }),
    ]);
    expect(events.some((e) => e.type === 'StateEntered' && e.state?.name === StateNames.accountFailed)).toBe(true);
  });

  it('fails the run through Notify failure when more accounts fail than the Map tolerates', async () => {
    // Arrange
    const inputs: Json[] = [];
    const notifyFailure: Handler = (input) => {
      inputs.push(input);
      return { status: 'posted' };
    };
    const scanAccount: Handler = (input) =>
      (input as { accountId: string }).accountId === '333333333333'
        ? fail(ErrorNames.MemberRoleNotAssumable, 'member role not assumable in 333333333333: AccessDenied')
        : okSummary(input);

    // Act: 1 of 3 failed, 33% > the tolerated 10%
    const { error, events } = await execute(handlers({ scanAccount, notifyFailure }), {}, 10);

    // Assert
    expect(error).toBeInstanceOf(Error);
    expect(inputs).toEqual([
      expect.objectContaining({
        failedState: StateNames.scanAndFetch,
        error: { Error: 'States.ExceedToleratedFailureThreshold', Cause: expect.stringContaining('1 of 3') },
      }),
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'ExecutionFailed', Error: 'States.ExceedToleratedFailureThreshold' });
    expect(events.some((e) => e.type === 'StateEntered' && e.state?.name === StateNames.buildReports)).toBe(false);
  });

  it('fails the execution with InvalidInput when Resolve run rejects the input, without retrying', async () => {
    // Arrange
    const resolveRun: Handler = () =>
      fail(ErrorNames.InvalidInput, 'invalid execution input: startDate: not a real date');

    // Act
    const { error, events } = await execute(handlers({ resolveRun }), { startDate: '2026-02-30' });

    // Assert
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).cause).toMatchObject({ name: ErrorNames.InvalidInput });
    expect(events.at(-1)).toMatchObject({
      type: 'ExecutionFailed',
      Error: ErrorNames.InvalidInput,
      Cause: 'invalid execution input: startDate: not a real date',
    });
    expect(events.some((e) => e.type === 'StateRetried')).toBe(false);
    expect(events.some((e) => e.type === 'StateEntered' && e.state?.name === StateNames.runFailed)).toBe(true);
  });

  it('posts the failure with the failed state, the error and the execution before failing', async () => {
    // Arrange
    const inputs: Json[] = [];
    const notifyFailure: Handler = (input) => {
      inputs.push(input);
      return { status: 'posted' };
    };
    const listAccounts: Handler = () => fail(ErrorNames.NoAccountsFound, 'no account to scan after filters');

    // Act
    const { events } = await execute(handlers({ listAccounts, notifyFailure }));

    // Assert
    expect(inputs).toEqual([
      {
        run: RUN,
        error: { Error: ErrorNames.NoAccountsFound, Cause: 'no account to scan after filters' },
        failedState: StateNames.listAccounts,
        execution: EXECUTION,
      },
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'ExecutionFailed', Error: ErrorNames.NoAccountsFound });
  });

  it('still fails with the original error when Notify failure itself fails', async () => {
    // Arrange
    const notifyFailure: Handler = () => fail(ErrorNames.ExternalService, 'slack is down');
    const resolveRun: Handler = () => fail(ErrorNames.InvalidInput, 'invalid execution input: endDate');

    // Act
    const { events } = await execute(handlers({ resolveRun, notifyFailure }));

    // Assert
    expect(events.at(-1)).toMatchObject({ type: 'ExecutionFailed', Error: ErrorNames.InvalidInput });
  });

  it('fails the execution with NoAccountsFound when List accounts finds none', async () => {
    // Arrange
    const listAccounts: Handler = () => fail(ErrorNames.NoAccountsFound, 'no account to scan after filters');

    // Act
    const { error, events } = await execute(handlers({ listAccounts }));

    // Assert
    expect(error).toBeInstanceOf(Error);
    expect(events.at(-1)).toMatchObject({ type: 'ExecutionFailed', Error: ErrorNames.NoAccountsFound });
  });
});
