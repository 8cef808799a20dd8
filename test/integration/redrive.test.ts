// RedriveExecution on the local engine, through the sandbox's Step Functions API and the operator commands. AWS's
// behaviour followed: RedriveExecution "continues the failed execution from the unsuccessful step", keeps the
// execution ARN and input and does not rerun the successful steps (Step Functions API reference, RedriveExecution:
// https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html); a redriven parent
// redrives its failed Map Run, where only the unsuccessful child executions run again (Developer Guide, "Redriving
// Map Runs": https://docs.aws.amazon.com/step-functions/latest/dg/redrive-map-run.html).
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import type { Context } from 'aws-lambda';
import { type LocalStepFunctions, startLocalStepFunctions } from '../../cli/local/local-step-functions';
import type { TargetOptions } from '../../cli/operator/operator-options';
import { openOperatorContext } from '../../cli/operator/operator-target';
import { redriveExecution } from '../../cli/operator/redrive-run';
import { startRun } from '../../cli/operator/start-run';
import { watchExecution } from '../../cli/operator/watch-run';
import { ReportSummarySchema } from '../../core/domain/report-summary.schema';
import { expectedTotals, loadScenario } from '../../sandbox';
import { crashScanAccount, type InvocationCounts } from '../helpers/fault-hooks';
import { startWorkflowHarness, type WorkflowHarness } from '../helpers/workflow-harness';

const demo = loadScenario('sandbox/scenarios/demo.json');
const truth = expectedTotals(demo);
/** 3 of the demo's 20 accounts crash in the first attempt only: with the denied one, 4 of 20 > the 10% tolerated. */
const crashed = truth.accounts
  .filter((a) => a.status === 'ok')
  .slice(0, 3)
  .map((a) => a.accountId);

describe('redriving a run whose Map Run failed above the tolerated threshold (local engine)', () => {
  let harness: WorkflowHarness;
  let local: LocalStepFunctions;
  const counts: InvocationCounts = new Map();
  // Every attempt builds its handlers anew: the crash hook for the first, the same counting hook without crashes after.
  let attempts = 0;
  /** Invocations of the top-level tasks that succeed in the first attempt: a redrive must not run them again. */
  const topLevel = { resolveRun: 0, listAccounts: 0 };
  beforeAll(async () => {
    harness = await startWorkflowHarness(demo);
    local = await startLocalStepFunctions(harness.deps, {
      runOptions: {
        wrapHandlers: (handlers) => {
          attempts += 1;
          const accountIds = attempts === 1 ? crashed : [];
          const counted = {
            ...handlers,
            resolveRun: (event: unknown, ctx: Context) => {
              topLevel.resolveRun += 1;
              return handlers.resolveRun(event, ctx);
            },
            listAccounts: (event: unknown, ctx: Context) => {
              topLevel.listAccounts += 1;
              return handlers.listAccounts(event, ctx);
            },
          };
          return crashScanAccount({ accountIds, attempts: 'every' }, counts)(counted);
        },
      },
    });
  });
  afterAll(async () => {
    await local.close();
    await harness.stop();
  });

  it('re-runs only the unsuccessful children, then builds every account’s report under the same run id', async () => {
    // Arrange: the first attempt fails in the Map
    const target = { endpoint: local.server.url, stateMachineArn: local.stateMachineArn } as TargetOptions;
    const context = await openOperatorContext(target);
    const out = { write: () => true };
    const { executionArn } = await startRun(context, { startDate: '2026-11-16', name: 'redrive-1' });
    const firstStatus = await watchExecution(context, executionArn, { out, intervalMs: 20 });
    const failedAttempt = await context.sfn.send(new DescribeExecutionCommand({ executionArn }));
    const [firstRun] = local.registry.mapRunsOf(executionArn).map((run) => structuredClone(run));
    const before = new Map(counts);
    const slackBefore = harness.sandbox.notify.slack.received.length;

    // Act
    const lines = await redriveExecution(context, executionArn);
    const status = await watchExecution(context, executionArn, { out, intervalMs: 20 });

    // Assert: the first attempt failed above the threshold
    expect(firstStatus).toBe('FAILED');
    expect(failedAttempt).toMatchObject({
      error: 'States.ExceedToleratedFailureThreshold',
      redriveStatus: 'REDRIVABLE',
    });
    expect(lines[0]).toMatch(/^Redriving redrive-1 \(was FAILED: States.ExceedToleratedFailureThreshold\)/);
    // Only the children that did not succeed ran again, each once; the succeeded ones were not invoked again
    const unsuccessful = (firstRun?.children ?? []).filter((c) => c.Status !== 'SUCCEEDED');
    const rerun = [...counts].filter(([id, n]) => n > (before.get(id) ?? 0)).map(([id]) => id);
    const neverStarted = truth.accounts.length - (firstRun?.children.length ?? 0);
    expect(rerun).toHaveLength(unsuccessful.length + neverStarted);
    expect(rerun).toEqual(expect.arrayContaining(crashed));
    for (const id of rerun) expect((counts.get(id) ?? 0) - (before.get(id) ?? 0)).toBe(1);
    expect(rerun.length).toBeLessThan(truth.accounts.length);
    // The same Map Run, its redriven children with RedriveCount 1, and the execution succeeded
    const [redriven, ...others] = local.registry.mapRunsOf(executionArn);
    expect(others).toEqual([]);
    expect(redriven).toMatchObject({ mapRunArn: firstRun?.mapRunArn, status: 'SUCCEEDED', redriveCount: 1 });
    expect(redriven?.itemCounts).toMatchObject({ succeeded: truth.accounts.length - 1, failed: 1, total: 20 });
    for (const child of unsuccessful) {
      expect(redriven?.children.find((c) => c.ExecutionArn === child.ExecutionArn)).toMatchObject({ RedriveCount: 1 });
    }
    expect(status).toBe('SUCCEEDED');
    expect(attempts).toBe(2);
    expect(topLevel).toEqual({ resolveRun: 1, listAccounts: 1 });
    const described = await context.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1, name: 'redrive-1' });
    // The reports of run id redrive-1 list every account, with the scenario's exact totals
    const output = JSON.parse(described.output ?? '{}') as { reports: { keys: { summaryJson: string } } };
    expect(output.reports.keys.summaryJson).toContain('redrive-1');
    const text = await harness.deps.store.getText(output.reports.keys.summaryJson);
    const summary = ReportSummarySchema.parse(JSON.parse(text ?? 'null'));
    expect(summary.accounts).toHaveLength(truth.totals.accounts);
    expect(summary.totals).toMatchObject({
      accounts: truth.totals.accounts,
      failed: truth.totals.failed,
      compliant: truth.totals.compliant,
      nonCompliant: truth.totals.nonCompliant,
      configDisabledRegions: truth.totals.configDisabledRegions,
    });
    expect(harness.sandbox.notify.slack.received.length).toBeGreaterThan(slackBefore);
    context.sfn.destroy();
    context.s3.destroy();
  });
});
