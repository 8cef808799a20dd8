// The sandbox's Step Functions API as @aws-sdk/client-sfn sees it. Shapes, error names and conditions follow the
// Step Functions API reference as the client-sfn model documents it (StartExecution, DescribeExecution,
// ListExecutions, ListMapRuns, DescribeMapRun, GetExecutionHistory, RedriveExecution).
import {
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  RedriveExecutionCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { FakeRunPlan } from '../../helpers/fakes/fake-sfn-engine';
import { type SfnSandbox, STATE_MACHINE_ARN, startSfnSandbox } from '../../helpers/sfn-sandbox';

const PLAN: FakeRunPlan = {
  accounts: ['111111111111', '222222222222', '493405773595'],
  failing: { '493405773595': { error: 'MemberRoleNotAssumable', cause: 'account 493405773595: AccessDenied' } },
  toleratedFailurePercentage: 50,
};

describe('the sandbox Step Functions API', () => {
  let sandbox: SfnSandbox;
  afterEach(async () => sandbox.close());

  it('starts an execution, and describes it and its Map Run with the counts and dates the engine reported', async () => {
    // Arrange
    sandbox = await startSfnSandbox(PLAN);
    const { sfn } = sandbox.context;

    // Act
    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name: 'run-1' }));
    await sandbox.registry.settled();
    const execution = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    const [mapRun] = (await sfn.send(new ListMapRunsCommand({ executionArn: started.executionArn }))).mapRuns ?? [];
    const described = await sfn.send(new DescribeMapRunCommand({ mapRunArn: mapRun?.mapRunArn }));
    const failed = await sfn.send(new ListExecutionsCommand({ mapRunArn: mapRun?.mapRunArn, statusFilter: 'FAILED' }));

    // Assert
    expect(started.executionArn).toBe('arn:aws:states:us-east-1:999999999999:execution:ComplianceReport-dev:run-1');
    expect(started.startDate).toBeInstanceOf(Date);
    expect(execution).toMatchObject({ status: 'SUCCEEDED', name: 'run-1', redriveStatus: 'NOT_REDRIVABLE' });
    expect(execution.redriveStatusReason).toBe('Execution is SUCCEEDED and cannot be redriven');
    expect(execution.stopDate?.getTime()).toBeGreaterThanOrEqual(execution.startDate?.getTime() ?? Infinity);
    expect(described).toMatchObject({
      status: 'SUCCEEDED',
      toleratedFailurePercentage: 50,
      itemCounts: { total: 3, succeeded: 2, failed: 1, pending: 0, resultsWritten: 3 },
    });
    expect(mapRun?.mapRunArn).toMatch(/:mapRun:ComplianceReport-dev\/ScanAccounts:/);
    expect(failed.executions?.map((e) => [e.name, e.status, e.mapRunArn])).toEqual([
      ['run-1-493405773595', 'FAILED', mapRun?.mapRunArn],
    ]);
  });

  it('describes a failed child with its error, cause and Map Run, redrivable only through the Map Run', async () => {
    // Arrange
    sandbox = await startSfnSandbox(PLAN);
    const { sfn } = sandbox.context;
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name: 'r' }),
    );
    await sandbox.registry.settled();
    const [mapRun] = (await sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns ?? [];
    const [child] =
      (await sfn.send(new ListExecutionsCommand({ mapRunArn: mapRun?.mapRunArn, statusFilter: 'FAILED' })))
        .executions ?? [];

    // Act
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: child?.executionArn }));
    const redrive = sfn.send(new RedriveExecutionCommand({ executionArn: child?.executionArn }));

    // Assert
    expect(described).toMatchObject({
      error: 'MemberRoleNotAssumable',
      cause: 'account 493405773595: AccessDenied',
      mapRunArn: mapRun?.mapRunArn,
      redriveStatus: 'REDRIVABLE_BY_MAP_RUN',
    });
    expect(JSON.parse(described.input ?? '{}')).toEqual({ accountId: '493405773595', runId: 'r' });
    await expect(redrive).rejects.toMatchObject({ name: 'ExecutionNotRedrivable' });
  });

  it('answers the documented error names: a SUCCEEDED redrive, an unknown execution, a taken name, a bad ARN', async () => {
    // Arrange
    sandbox = await startSfnSandbox(PLAN);
    const { sfn } = sandbox.context;
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name: 'x' }),
    );
    await sandbox.registry.settled();

    // Act
    const answers = await Promise.allSettled([
      sfn.send(new RedriveExecutionCommand({ executionArn })),
      sfn.send(new DescribeExecutionCommand({ executionArn: `${executionArn}-missing` })),
      sfn.send(new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name: 'x' })),
      sfn.send(new DescribeExecutionCommand({ executionArn: 'not-an-arn' })),
      sfn.send(new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name: 'a b' })),
      sfn.send(new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, input: '{oops' })),
    ]);

    // Assert
    expect(answers.map((a) => (a.status === 'rejected' ? (a.reason as Error).name : 'ok'))).toEqual([
      'ExecutionNotRedrivable',
      'ExecutionDoesNotExist',
      'ExecutionAlreadyExists',
      'InvalidArn',
      'InvalidName',
      'InvalidExecutionInput',
    ]);
  });

  it('fails the run above the threshold, and redrives it: only the failed children run again, under the same ARN', async () => {
    // Arrange
    const plan = { ...PLAN, failing: { ...PLAN.failing }, toleratedFailurePercentage: 0 };
    sandbox = await startSfnSandbox(plan);
    const { sfn } = sandbox.context;
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name: 'r2' }),
    );
    await sandbox.registry.settled();
    const before = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    plan.failing = {};

    // Act
    const { redriveDate } = await sfn.send(new RedriveExecutionCommand({ executionArn }));
    await sandbox.registry.settled();
    const after = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    const [mapRun] = (await sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns ?? [];
    const children = await sfn.send(new ListExecutionsCommand({ mapRunArn: mapRun?.mapRunArn }));
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const described = await sfn.send(new DescribeMapRunCommand({ mapRunArn: mapRun?.mapRunArn }));

    // Assert
    expect(before).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
      redriveStatus: 'REDRIVABLE',
    });
    expect(redriveDate).toBeInstanceOf(Date);
    expect(after).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
    expect(after.error).toBeUndefined();
    expect(children.executions?.map((e) => [e.name, e.status, e.redriveCount]).sort()).toEqual([
      ['r2-111111111111', 'SUCCEEDED', 0],
      ['r2-222222222222', 'SUCCEEDED', 0],
      ['r2-493405773595', 'SUCCEEDED', 1],
    ]);
    expect(described).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
    expect(history.events?.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'ExecutionFailed',
      'ExecutionRedriven',
      'ExecutionSucceeded',
    ]);
    expect(history.events?.[2]?.executionRedrivenEventDetails).toEqual({ redriveCount: 1 });
  });

  it('speaks AWS JSON 1.0 on the wire: epoch-second dates, the JSON 1.0 content type, __type errors', async () => {
    // Arrange
    sandbox = await startSfnSandbox(PLAN);
    const post = (op: string, body: unknown, signed = true) =>
      fetch(sandbox.server.url, {
        method: 'POST',
        headers: {
          'x-amz-target': `AWSStepFunctions.${op}`,
          'content-type': 'application/x-amz-json-1.0',
          ...(signed
            ? { authorization: 'AWS4-HMAC-SHA256 Credential=AKIA0/20261102/us-east-1/states/aws4_request' }
            : {}),
        },
        body: JSON.stringify(body),
      });

    // Act
    const started = await post('StartExecution', { stateMachineArn: STATE_MACHINE_ARN, name: 'wire' });
    const missing = await post('DescribeExecution', {
      executionArn: `${STATE_MACHINE_ARN.replace('stateMachine', 'execution')}:nope`,
    });
    const unsigned = await post('DescribeExecution', { executionArn: 'x' }, false);

    // Assert
    expect(started.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    const body = (await started.json()) as { startDate: unknown };
    expect(typeof body.startDate).toBe('number');
    expect(Math.abs((body.startDate as number) - Date.now() / 1000)).toBeLessThan(60);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      __type: 'ExecutionDoesNotExist',
      message: `Execution Does Not Exist: '${STATE_MACHINE_ARN.replace('stateMachine', 'execution')}:nope'`,
    });
    expect(((await unsigned.json()) as { __type: string }).__type).toBe('UnrecognizedClientException');
  });
});
