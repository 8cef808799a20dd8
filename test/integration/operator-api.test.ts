// The operator commands against the sandbox's Step Functions API with the real local engine behind it (not a fake):
// the demo run is started, watched and inspected through @aws-sdk/client-sfn, as an operator drives a deployed run.
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { type LocalStepFunctions, startLocalStepFunctions } from '../../cli/local/local-step-functions';
import { runThroughStepFunctionsApi } from '../../cli/local/run-through-sfn-api';
import { failedAccountLines, failedAccounts } from '../../cli/operator/failed-accounts';
import type { TargetOptions } from '../../cli/operator/operator-options';
import { openOperatorContext } from '../../cli/operator/operator-target';
import { startRun } from '../../cli/operator/start-run';
import { watchExecution } from '../../cli/operator/watch-run';
import { loadScenario } from '../../sandbox';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness';

/** The demo's account whose member role answers AccessDenied (sandbox/scenarios/demo.json). */
const DENIED = '493405773595';

describe('the operator API on the local engine (demo organization)', () => {
  let harness: WorkflowHarness;
  let local: LocalStepFunctions;
  beforeAll(async () => {
    harness = await startWorkflowHarness(loadScenario('sandbox/scenarios/demo.json'));
    local = await startLocalStepFunctions(harness.deps);
  });
  afterAll(async () => {
    await local.close();
    await harness.stop();
  });

  it('starts, watches and lists the failed account of a run as failed and watch print them', async () => {
    // Arrange
    const target = { endpoint: local.server.url, stateMachineArn: local.stateMachineArn } as TargetOptions;
    const context = await openOperatorContext(target);
    const written: string[] = [];

    // Act
    const { executionArn } = await startRun(context, { startDate: '2026-11-16', noNotify: true, name: 'operator-1' });
    const status = await watchExecution(context, executionArn, {
      out: { write: (text: string) => written.push(text) },
      intervalMs: 20,
    });
    const lines = failedAccountLines(await failedAccounts(context, executionArn));
    const mapRunArn = local.registry.mapRunsOf(executionArn)[0]?.mapRunArn as string;
    const failedChildren = await context.sfn.send(new ListExecutionsCommand({ mapRunArn, statusFilter: 'FAILED' }));

    // Assert
    expect(status).toBe('SUCCEEDED');
    const watched = written.join('').split('\n');
    expect(watched).toContain(
      'ScanAccounts SUCCEEDED: 20/20 accounts done (19 succeeded, 1 failed), 0 running, 0 pending',
    );
    expect(watched.some((line) => /^ScanAccounts RUNNING: ([0-9]|1[0-9])\/20 accounts done/.test(line))).toBe(true);
    expect(watched).toContainEqual(expect.stringMatching(/^operator-1 SUCCEEDED after \d+s\.$/));
    expect(watched).toContain(`  1 failed account: npm run cli -- failed ${executionArn}`);
    expect(lines[0]).toMatch(/^1 failed account in Map Run ScanAccounts \(arn:aws:states:.*:mapRun:/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(new RegExp(`^  ${DENIED}  MemberRoleNotAssumable: member role not assumable in ${DENIED}`)),
    ]);
    expect(failedChildren.executions?.map((e) => e.name)).toHaveLength(1);
  });

  it('runs npm start’s way: StartExecution through the API, the outcome from DescribeExecution', async () => {
    // Act
    const run = await runThroughStepFunctionsApi(harness.deps, {
      input: { startDate: '2026-11-16', notify: false },
      executionName: 'operator-2',
    });

    // Assert
    expect(run.result.status).toBe('SUCCEEDED');
    expect(run.executionArn).toMatch(/:execution:compliance-report-local:operator-2$/);
    expect(run.failedLines.join('\n')).toContain(`${DENIED}  MemberRoleNotAssumable`);
    const output = run.result.status === 'SUCCEEDED' ? (run.result.output as { reports: { totals: unknown } }) : null;
    expect(output?.reports.totals).toMatchObject({ accounts: 20, scanned: 19, failed: 1 });
  });
});
