import type { ExecutionRegistry } from '../../../sandbox/sfn/execution-registry';
import type { ChildRecord, EngineStart, MapRunCounts, SfnEngine } from '../../../sandbox/sfn/sfn-records';

/** What the fake engine's run does: which accounts its Map Run has, which fail and how, and the tolerated share. */
export interface FakeRunPlan {
  accounts: string[];
  /** accountId → the child's Error and Cause; edit it between a run and its redrive to "fix" an account. */
  failing: Record<string, { error: string; cause: string }>;
  toleratedFailurePercentage: number;
  /** The bucket and keys the execution output names as its reports. */
  reports?: { bucket: string; keys: Record<string, string> };
}

/** The Map Run ARN AWS gives a Distributed Map labelled `label`: `arn:…:mapRun:<state machine>/<label>:<id>`. */
export const fakeMapRunArn = (executionArn: string, label = 'ScanAccounts'): string => {
  const [prefix = '', name = ''] = executionArn.split(/:execution:/);
  const [stateMachine] = name.split(':');
  return `${prefix}:mapRun:${stateMachine}/${label}:${name.split(':')[1]}-0f1e2d3c`;
};

const counts = (children: ChildRecord[], total: number): MapRunCounts => {
  const of = (status: string) => children.filter((c) => c.Status === status).length;
  const done = children.length;
  return {
    pending: total - done,
    running: 0,
    succeeded: of('SUCCEEDED'),
    failed: of('FAILED'),
    timedOut: of('TIMED_OUT'),
    aborted: of('ABORTED'),
    total,
  };
};

/**
 * A stand-in for the local runner behind the sandbox's Step Functions API: one Distributed Map (label ScanAccounts)
 * of one child per account, children finishing one at a time (after `gate()`, which a test uses to step it), the
 * tolerated failure percentage enforced, and a redrive that re-runs only the children that did not succeed.
 */
export const fakeSfnEngine = (
  plan: FakeRunPlan,
  registry: () => ExecutionRegistry,
  gate: () => Promise<void> = async () => {},
): SfnEngine => {
  return async (start: EngineStart) => {
    const r = registry();
    const mapRunArn = fakeMapRunArn(start.executionArn);
    const childMachine = mapRunArn.replace(':mapRun:', ':stateMachine:').replace(/:[^:]+$/, '');
    // Child names are unique per Map Run in AWS; here the run's name and the account.
    const childName = (account: string) => `${start.name}-${account}`;
    const childArn = (account: string) =>
      `${childMachine.replace(':stateMachine:', ':execution:')}:${childName(account)}`;
    const earlier = start.redrive ? (r.mapRunsOf(start.executionArn)[0]?.children ?? []) : [];
    const kept = earlier.filter((c) => c.Status === 'SUCCEEDED');
    const startDate = new Date();
    const record = (status: 'RUNNING' | 'SUCCEEDED' | 'FAILED', children: ChildRecord[]) =>
      r.recordMapRun({
        mapRunArn,
        executionArn: start.executionArn,
        status,
        startDate,
        ...(status === 'RUNNING' ? {} : { stopDate: new Date() }),
        toleratedFailurePercentage: plan.toleratedFailurePercentage,
        itemCounts: counts(children, plan.accounts.length),
        children,
      });
    const children = [...kept];
    record('RUNNING', children);
    for (const account of plan.accounts.filter((a) => !kept.some((c) => c.ExecutionArn === childArn(a)))) {
      await gate();
      const failure = plan.failing[account];
      const input = JSON.stringify({ accountId: account, runId: start.name });
      children.push({
        ExecutionArn: childArn(account),
        Name: childName(account),
        Input: input,
        InputDetails: { Included: true },
        ...(failure
          ? { Error: failure.error, Cause: failure.cause, Status: 'FAILED' as const }
          : { Output: JSON.stringify({ accountId: account, status: 'ok' }), Status: 'SUCCEEDED' as const }),
        StartDate: new Date().toISOString(),
        StopDate: new Date().toISOString(),
        StateMachineArn: childMachine,
        RedriveCount: start.redrive && earlier.some((c) => c.ExecutionArn === childArn(account)) ? 1 : 0,
      });
      record('RUNNING', children);
    }
    await gate();
    const failed = children.filter((c) => c.Status !== 'SUCCEEDED').length;
    const mapFailed = (failed / plan.accounts.length) * 100 > plan.toleratedFailurePercentage;
    record(mapFailed ? 'FAILED' : 'SUCCEEDED', children);
    const common = { executionArn: start.executionArn, name: start.name, input: start.input, startDate };
    r.recordExecution(
      mapFailed
        ? {
            ...common,
            status: 'FAILED',
            stopDate: new Date(),
            error: 'States.ExceedToleratedFailureThreshold',
            cause: 'The specified tolerated failure threshold was exceeded',
          }
        : {
            ...common,
            status: 'SUCCEEDED',
            stopDate: new Date(),
            output: JSON.stringify({ runId: start.name, reports: plan.reports ?? { bucket: 'b', keys: {} } }),
          },
    );
  };
};
