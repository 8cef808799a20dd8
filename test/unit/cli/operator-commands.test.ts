// The operator commands against the sandbox's Step Functions API (a fake engine behind it): what a person sees.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { downloadReports } from '../../../cli/operator/download-reports';
import { failedAccountLines, failedAccounts } from '../../../cli/operator/failed-accounts';
import { redriveExecution } from '../../../cli/operator/redrive-run';
import { startRun } from '../../../cli/operator/start-run';
import { watchExecution } from '../../../cli/operator/watch-run';
import type { RunningServer } from '../../../sandbox/servers/aws-server';
import { startS3Server } from '../../../sandbox/servers/s3-server';
import { type FakeRunPlan, fakeMapRunArn } from '../../helpers/fakes/fake-sfn-engine';
import { type SfnSandbox, STATE_MACHINE_ARN, startSfnSandbox } from '../../helpers/sfn-sandbox';

const CAUSE =
  'account 493405773595: cannot assume arn:aws:iam::493405773595:role/ComplianceReader (AccessDenied); deploy the member role StackSet there';
const plan = (over: Partial<FakeRunPlan> = {}): FakeRunPlan => ({
  accounts: ['111111111111', '222222222222', '493405773595'],
  failing: { '493405773595': { error: 'MemberRoleNotAssumable', cause: CAUSE } },
  toleratedFailurePercentage: 50,
  ...over,
});

const waitFor = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition not met within 2 s');
};

describe('the operator commands on the sandbox Step Functions API', () => {
  let sandbox: SfnSandbox;
  afterEach(async () => sandbox.close());

  it('start validates the input with Resolve run’s schema before anything starts, then prints the console URL', async () => {
    // Arrange
    sandbox = await startSfnSandbox(plan());

    // Act
    const refused = await startRun(sandbox.context, { currentWeek: true, endDate: '2026-11-08' }).catch(
      (e: Error) => e,
    );
    const started = await startRun(sandbox.context, { endDate: '2026-11-08', noNotify: true, name: 'manual-1' });

    // Assert
    expect(String(refused)).toMatch(/currentWeek cannot be combined with startDate\/endDate[\s\S]*Nothing was started/);
    expect(sandbox.registry.executionsOf({ stateMachineArn: STATE_MACHINE_ARN }).map((e) => e.name)).toEqual([
      'manual-1',
    ]);
    expect(started.lines).toEqual([
      'Started manual-1 with input {"endDate":"2026-11-08","notify":false}',
      '  arn:aws:states:us-east-1:999999999999:execution:ComplianceReport-dev:manual-1',
      `  https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/v2/executions/details/${encodeURIComponent(started.executionArn)}`,
    ]);
  });

  it('failed prints each failed account with its error and cause, from the Map Run’s failed children', async () => {
    // Arrange
    sandbox = await startSfnSandbox(plan());
    const { executionArn } = await startRun(sandbox.context, { name: 'week-45' });
    await sandbox.registry.settled();

    // Act
    const lines = failedAccountLines(await failedAccounts(sandbox.context, executionArn));

    // Assert
    expect(lines).toEqual([
      `1 failed account in Map Run ScanAccounts (${fakeMapRunArn(executionArn)}):`,
      `  493405773595  MemberRoleNotAssumable: ${CAUSE}`,
    ]);
  });

  it('watch prints one line per change of the Map Run counts (not a TTY), then the failure and the redrive command', async () => {
    // Arrange
    let release: (() => void) | undefined;
    const gate = () =>
      new Promise<void>((resolve) => {
        release = resolve;
      });
    sandbox = await startSfnSandbox(plan({ toleratedFailurePercentage: 0 }), { gate });
    const { executionArn } = await startRun(sandbox.context, { name: 'week-46' });
    const written: string[] = [];
    const out = { write: (text: string) => written.push(text), isTTY: false };

    // Act
    const watching = watchExecution(sandbox.context, executionArn, { out, intervalMs: 5, hintSuffix: ' --endpoint E' });
    for (let step = 1; step <= 4; step += 1) {
      await waitFor(() => written.length === step && release !== undefined);
      const next = release as () => void;
      release = undefined;
      next();
    }
    const status = await watching;

    // Assert
    expect(status).toBe('FAILED');
    expect(
      written
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace(/after \d+s/, 'after Ns')),
    ).toEqual([
      'ScanAccounts RUNNING: 0/3 accounts done (0 succeeded, 0 failed), 0 running, 3 pending',
      'ScanAccounts RUNNING: 1/3 accounts done (1 succeeded, 0 failed), 0 running, 2 pending',
      'ScanAccounts RUNNING: 2/3 accounts done (2 succeeded, 0 failed), 0 running, 1 pending',
      'ScanAccounts RUNNING: 3/3 accounts done (2 succeeded, 1 failed), 0 running, 0 pending',
      'ScanAccounts FAILED: 3/3 accounts done (2 succeeded, 1 failed), 0 running, 0 pending',
      'week-46 FAILED after Ns.',
      '  States.ExceedToleratedFailureThreshold: The specified tolerated failure threshold was exceeded',
      `  1 failed account: npm run cli -- failed ${executionArn} --endpoint E`,
      `  redrive: npm run cli -- redrive ${executionArn} --endpoint E`,
    ]);
  });

  it('redrive re-runs a failed run (only its failed account), and refuses a succeeded one with the rescan to start', async () => {
    // Arrange
    const failing = plan({ toleratedFailurePercentage: 0 });
    sandbox = await startSfnSandbox(failing);
    const above = await startRun(sandbox.context, { name: 'above' });
    await sandbox.registry.settled();
    failing.failing = {};

    // Act
    const redriven = await redriveExecution(sandbox.context, above.executionArn);
    await sandbox.registry.settled();
    Object.assign(failing, { failing: plan().failing, toleratedFailurePercentage: 50 });
    const below = await startRun(sandbox.context, { name: 'below' });
    await sandbox.registry.settled();
    const refusal = redriveExecution(sandbox.context, below.executionArn, { hintSuffix: ' --endpoint E' });

    // Assert
    expect(redriven[0]).toMatch(/^Redriving above \(was FAILED: States\.ExceedToleratedFailureThreshold\) at \d{4}-/);
    expect(failedAccountLines(await failedAccounts(sandbox.context, above.executionArn))).toEqual([
      `No failed accounts in Map Run ScanAccounts (${fakeMapRunArn(above.executionArn)}).`,
    ]);
    await expect(refusal).rejects.toThrow(
      [
        'cannot redrive below: it SUCCEEDED, and AWS redrives only failed, aborted or timed-out executions.',
        '1 failed account (493405773595). Rescan it with a new run of that account (its own run id and reports):',
        '  npm run cli -- start --account 493405773595 --endpoint E',
      ].join('\n'),
    );
  });

  it('redrive refuses a failed run that stopped more than 14 days ago, as AWS would', async () => {
    // Arrange
    let now = new Date();
    sandbox = await startSfnSandbox(plan({ toleratedFailurePercentage: 0 }), { now: () => now });
    const { executionArn } = await startRun(sandbox.context, { name: 'old' });
    await sandbox.registry.settled();
    now = new Date(Date.now() + 15 * 24 * 3600 * 1000);

    // Act
    const refusal = redriveExecution(sandbox.context, executionArn, { now });

    // Assert
    await expect(refusal).rejects.toThrow(/^cannot redrive old: it stopped on .+, more than 14 days ago/);
    await expect(refusal).rejects.toThrow(/npm run cli -- start --account 493405773595$/);
  });

  it('names the execution and how to list executions when it does not exist', async () => {
    // Arrange
    sandbox = await startSfnSandbox(plan());
    const missing = 'arn:aws:states:us-east-1:999999999999:execution:ComplianceReport-dev:nope';

    // Act
    const answer = failedAccounts(sandbox.context, missing);

    // Assert
    await expect(answer).rejects.toThrow(
      `no execution ${missing} (Execution Does Not Exist: '${missing}').\nCheck the ARN and the region; list its executions with: aws stepfunctions list-executions --state-machine-arn arn:aws:states:us-east-1:999999999999:stateMachine:ComplianceReport-dev --max-results 10`,
    );
  });

  describe('reports', () => {
    let s3: RunningServer;
    let dir: string;
    beforeAll(async () => {
      s3 = await startS3Server('reports-bucket');
      dir = await mkdtemp(join(tmpdir(), 'operator-reports-'));
    });
    afterAll(async () => {
      await s3.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('downloads the report files the execution output names, not the history entry', async () => {
      // Arrange
      const keys = { workbook: 'reports/2026-11-08/w/compliance-report.xlsx', history: 'history/2026-11-08.json' };
      sandbox = await startSfnSandbox(plan({ reports: { bucket: 'reports-bucket', keys } }), { s3Endpoint: s3.url });
      await sandbox.context.s3.send(
        new PutObjectCommand({ Bucket: 'reports-bucket', Key: keys.workbook, Body: 'xlsx!' }),
      );
      const { executionArn } = await startRun(sandbox.context, { name: 'w' });
      await sandbox.registry.settled();

      // Act
      const lines = await downloadReports(sandbox.context, executionArn, dir);

      // Assert
      expect(lines).toEqual([
        'Reports of w from s3://reports-bucket:',
        `  ${join(dir, 'compliance-report.xlsx')} (5 bytes)`,
      ]);
      expect(await readFile(join(dir, 'compliance-report.xlsx'), 'utf8')).toBe('xlsx!');
    });
  });
});
