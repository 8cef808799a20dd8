import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { BuildReportsOutputSchema } from '../../core/domain/build-reports.schema';
import { ChangeContextSchema } from '../../core/domain/change-context.schema';
import { AccountListSchema } from '../../core/domain/list-accounts.schema';
import { NotifyTaskOutputSchema } from '../../core/domain/notify.schema';
import { AccountPartialSchema } from '../../core/domain/partial.schema';
import { ResolvedRunSchema } from '../../core/domain/resolve-run.schema';
import { ScanSummarySchema } from '../../core/domain/scan-account.schema';
import { createAwsClientFactory } from '../../core/platform/aws/aws-clients';
import { S3ObjectStore } from '../../core/platform/storage/s3-object-store';
import { loadScenario, type Sandbox, startSandbox } from '../../sandbox';
import { type DynamoSandbox, startDynamoSandbox } from '../../sandbox/dynamodb/dynamo-sandbox';
import { bundleEnvironment } from '../helpers/bundles/bundle-env';
import * as payloads from '../helpers/bundles/demo-run-payloads';
import { type BundleOutcome, invokeBundle } from '../helpers/bundles/invoke-bundle';
import { type SecretsManagerServer, startSecretsManagerServer } from '../helpers/bundles/secrets-manager-server';
import {
  functionNamed,
  type SynthesizedFunction,
  synthesizeApp,
  synthesizedFunctions,
} from '../helpers/bundles/synth-bundles';

/**
 * The artifacts AWS runs: `cdk synth`'s esbuild bundles (not the TypeScript the local runner binds), each loaded in a
 * fresh `node` process with the environment its template gives it (deploy-time values and endpoints replaced by the
 * sandbox's, through environment variables only), drive one demo run's tasks in the chain's order. A dynamic require,
 * a missing or dev-only module, an ESM/CJS mismatch fails here, not on the first deployed run.
 */
const demo = loadScenario('sandbox/scenarios/demo.json');
const MANAGEMENT = '688864825472';
const DENIED = Object.entries(demo.accounts).find(([, a]) => a.assumeRole === 'AccessDenied')?.[0] ?? '';
const SCANNED = [MANAGEMENT, '366113990329', DENIED];
const SECRETS = {
  lacework: 'compliance-report/lacework',
  slack: 'compliance-report/slack',
  jira: 'compliance-report/jira',
};

let outdir: string;
let functions: SynthesizedFunction[];
let sandbox: Sandbox;
let secrets: SecretsManagerServer;
let dynamo: DynamoSandbox;

/** Invokes the named function's bundle; answers what the handler returned, or fails with the runtime's error and logs. */
const invoke = async (name: string, event: unknown): Promise<unknown> => {
  const outcome = await invokeFunction(name, event);
  if (!outcome.ok) {
    throw new Error(
      `${name} bundle failed at ${outcome.phase}: ${outcome.errorType}: ${outcome.errorMessage}\n${outcome.stack ?? ''}\n${outcome.logs}`,
    );
  }
  return outcome.result;
};

const invokeFunction = (name: string, event: unknown): Promise<BundleOutcome> => {
  const fn = functionNamed(functions, name);
  return invokeBundle({
    bundleFile: fn.bundleFile,
    exportName: fn.handler.split('.')[1] ?? 'handler',
    env: bundleEnvironment(fn, {
      sandbox,
      secretsManager: secrets.url,
      dynamodb: dynamo.endpoint,
      eventsTable: dynamo.tableName,
    }),
    event,
    functionName: name,
    memorySize: fn.memorySize,
    timeoutSeconds: Math.min(fn.timeoutSeconds, 60),
  });
};

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'bundles-'));
  synthesizeApp(outdir, 'dev', {
    laceworkSecretName: SECRETS.lacework,
    slackSecretName: SECRETS.slack,
    jiraSecretName: SECRETS.jira,
    jiraProjectKey: 'SEC',
  });
  functions = synthesizedFunctions(outdir);
  sandbox = await startSandbox(demo);
  dynamo = await startDynamoSandbox({ region: sandbox.region });
  secrets = await startSecretsManagerServer({
    [SECRETS.lacework]: JSON.stringify(sandbox.lacework.key),
    [SECRETS.slack]: sandbox.notify.secrets.slackWebhook,
    [SECRETS.jira]: sandbox.notify.secrets.jira,
  });
}, 120_000);

afterAll(async () => {
  await Promise.all([sandbox?.stop(), secrets?.close(), dynamo?.stop()]);
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('the synthesized bundles', () => {
  it('has one bundle per function of the templates', () => {
    // Assert
    expect(functions.length).toBeGreaterThanOrEqual(13);
    expect(new Set(functions.map((f) => f.bundleFile)).size).toBe(functions.length);
  });

  it('run one demo run, task by task, in the chain order', async () => {
    // Arrange
    const execution = payloads.executionRef('bundles-run');
    const bucketStore = new S3ObjectStore(
      createAwsClientFactory({
        region: sandbox.region,
        maxAttempts: 1,
        endpoints: { s3: sandbox.endpoints.s3 },
        hubCredentials: sandbox.hubCredentials,
      }).s3(),
      sandbox.bucket,
    );

    // Act + Assert: Resolve run → List accounts
    const input = { startDate: '2026-11-16', accounts: SCANNED };
    const run = ResolvedRunSchema.parse(await invoke('ResolveRun', payloads.resolveRunEvent(execution, input)));
    expect(run).toMatchObject({ runId: 'bundles-run', startDate: '2026-11-16', endDate: '2026-11-22' });
    const accounts = AccountListSchema.parse(await invoke('ListAccounts', payloads.runEvent(run)));
    // The Distributed Map's ItemReader reads the items from accounts.json (a JSON array); no id list in state.
    const items = JSON.parse((await bucketStore.getText(accounts.key)) ?? '[]') as { id: string }[];
    expect(items.map((item) => item.id).sort()).toEqual([...SCANNED].sort());
    expect(accounts.count).toBe(SCANNED.length);

    // Scan account, one child per account; the denied role is recorded (partial with the reason), not lost.
    const children: payloads.ChildOutcome[] = [];
    for (const accountId of SCANNED) {
      const outcome = await invokeFunction('ScanAccount', payloads.scanAccountEvent(run, accountId));
      if (outcome.ok)
        children.push({ accountId, status: 'SUCCEEDED', output: ScanSummarySchema.parse(outcome.result) });
      else {
        expect(outcome).toMatchObject({ phase: 'invoke', errorType: 'MemberRoleNotAssumable' });
        children.push({ accountId, status: 'FAILED', error: outcome.errorType, cause: outcome.errorMessage });
      }
      const partial = AccountPartialSchema.parse(
        JSON.parse((await bucketStore.getText(`runs/${run.runId}/partials/${accountId}.json`)) ?? 'null'),
      );
      expect(partial.accountId).toBe(accountId);
    }
    const statusOf = (id: string) => {
      const child = children.find((c) => c.accountId === id);
      return child?.status === 'SUCCEEDED' ? ScanSummarySchema.parse(child.output).status : child?.status;
    };
    expect(statusOf(MANAGEMENT)).toBe('ok');
    expect(['failed', 'FAILED']).toContain(statusOf(DENIED));

    // Trace changes for the management account (CloudTrail paced at 2 lookups/s: TRACE_LIMIT is small).
    const trace = z
      .object({ accountId: z.string(), status: z.enum(['traced', 'skipped']) })
      .parse(await invoke('TraceChanges', payloads.traceChangesEvent(run, MANAGEMENT)));
    expect(trace).toMatchObject({ accountId: MANAGEMENT, status: 'traced' });
    const traces = await bucketStore.getText(`runs/${run.runId}/traces/${MANAGEMENT}.json`);
    expect(ChangeContextSchema.parse(JSON.parse(traces ?? 'null')).candidates).toBeGreaterThan(0);

    // Fetch Lacework alerts (through the Lacework secret and LACEWORK_API_BASE_URL).
    const alerts = z
      .object({ status: z.string(), count: z.number(), key: z.string().optional() })
      .parse(await invoke('FetchLaceworkAlerts', payloads.runEvent(run)));
    expect(alerts).toMatchObject({ status: 'ok', key: expect.any(String) });
    expect(alerts.count).toBeGreaterThan(0);

    // Build reports from the ResultWriter manifest, as deployed.
    const scan = await payloads.writeMapResults(bucketStore, run, execution, children);
    const reports = BuildReportsOutputSchema.parse(
      await invoke('BuildReports', payloads.buildReportsEvent(run, accounts, scan)),
    );
    expect(reports.failedAccounts.map((f) => f.accountId)).toEqual([DENIED]);
    for (const key of [reports.keys.workbook, reports.keys.csv, reports.keys.summaryJson, reports.keys.summaryHtml]) {
      expect((await bucketStore.getText(key))?.length ?? 0).toBeGreaterThan(0);
    }
    expect(reports.keys.lacework?.length ?? 0).toBeGreaterThan(0);

    // Post to Slack, Create Jira ticket (the sandbox's servers, secrets from Secrets Manager).
    const slack = NotifyTaskOutputSchema.parse(
      await invoke('PostToSlack', payloads.notifyEvent(run, reports, execution)),
    );
    expect(slack.status).toBe('posted');
    expect(sandbox.notify.slack.received).toHaveLength(1);
    const jira = NotifyTaskOutputSchema.parse(
      await invoke('CreateJiraTicket', payloads.notifyEvent(run, reports, execution)),
    );
    expect(jira).toMatchObject({ status: 'posted', attached: true });
    expect(sandbox.notify.jira.issues).toHaveLength(1);
    const failure = NotifyTaskOutputSchema.parse(
      await invoke('NotifyFailure', payloads.notifyFailureEvent(run, execution, 'Build reports', 'States.Timeout')),
    );
    expect(failure.status).toBe('posted');
    expect(JSON.stringify(sandbox.notify.slack.received[1])).toContain('States.Timeout');
    expect(new Set(secrets.requested)).toEqual(new Set(Object.values(SECRETS)));
  }, 120_000);

  it('answer one event each in the compliance events functions (after the weekly run: Reconcile reads its partials)', async () => {
    // Arrange: the events demo's first event, a Critical first evaluation failing (an immediate Slack alert).
    const [first] = readFileSync(join(__dirname, '../../sandbox/scenarios/events-demo.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'));
    const event = JSON.parse(first ?? 'null') as { detail: { awsAccountId: string } };
    const account = event.detail.awsAccountId;
    const alertsBefore = sandbox.notify.slack.received.length;

    // Act + Assert
    const ingested = z.object({ history: z.string(), alert: z.string() }).parse(await invoke('Ingest', event));
    expect(ingested).toMatchObject({ history: 'stored', alert: 'sent' });
    expect(sandbox.notify.slack.received).toHaveLength(alertsBefore + 1);

    const digest = z
      .object({ day: z.string(), status: z.string() })
      .parse(await invoke('Digest', { day: '2026-11-23' }));
    expect(digest).toMatchObject({ day: '2026-11-23', status: 'sent' });

    const reconciled = z
      .object({ runId: z.string(), accounts: z.array(z.object({ accountId: z.string() }).loose()) })
      .parse(await invoke('Reconcile', { runId: 'bundles-run', accountIds: [MANAGEMENT] }));
    expect(reconciled.accounts.map((a) => a.accountId)).toEqual([MANAGEMENT]);
    expect(reconciled.accounts[0]).not.toMatchObject({ status: 'no-partial' });

    const api = z.object({ statusCode: z.number(), body: z.string() }).parse(
      await invoke('Api', {
        resource: '/events',
        path: '/events',
        httpMethod: 'GET',
        headers: {},
        queryStringParameters: { account },
        multiValueQueryStringParameters: { account: [account] },
        pathParameters: null,
        requestContext: { requestId: 'bundles-api', stage: 'prod' },
        body: null,
        isBase64Encoded: false,
      }),
    );
    expect(api.statusCode).toBe(200);
    expect(api.body).toContain(account);
  }, 60_000);
});
