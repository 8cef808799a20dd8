import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { keys } from '../../../../core/domain/keys';
import { loadEventsEnv } from '../../../../core/events/events-env';
import { StaticSecretSource } from '../../../../core/platform/secrets/static-secret-source';
import { createEventsDeps } from '../../../../lambdas/_shared/events-deps';
import { buildEventsDigestHandler } from '../../../../lambdas/events-digest/handler';
import { buildEventsIngestHandler } from '../../../../lambdas/events-ingest/handler';
import { buildEventsReconcileHandler } from '../../../../lambdas/events-reconcile/handler';
import {
  type DynamoSandbox,
  SANDBOX_DYNAMO_CREDENTIALS,
  startDynamoSandbox,
} from '../../../../sandbox/dynamodb/dynamo-sandbox';
import { FixedClock } from '../../../helpers/fakes/fixed-clock';
import { InMemoryObjectStore } from '../../../helpers/fakes/in-memory-object-store';
import { loadConfigEvent } from '../../core/events/config-event.builder';

const context = {
  functionName: 'events-ingest',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:events-ingest',
  memoryLimitInMB: '512',
} as unknown as Context;

describe('compliance events handlers (dynalite, fake Slack)', () => {
  let db: DynamoSandbox;
  beforeAll(async () => {
    db = await startDynamoSandbox({ tableName: 'handler-events' });
  });
  afterAll(async () => {
    await db.stop();
  });

  const build = () => {
    const posts: string[] = [];
    const env = loadEventsEnv({
      EVENTS_TABLE_NAME: db.tableName,
      DYNAMODB_ENDPOINT: db.endpoint,
      SLACK_SECRET_NAME: 'slack',
      EVENTS_SEVERITY_OVERRIDES: '{"cloudwatch-log-group-encrypted":"Low"}',
      REPORT_BUCKET: 'reports',
    });
    const reports = new InMemoryObjectStore('reports');
    const deps = createEventsDeps(env, {
      logger: new Logger({ serviceName: 'events-test', logLevel: 'SILENT' }),
      clock: new FixedClock('2026-11-21T01:00:00.000Z'),
      secrets: new StaticSecretSource({ slack: JSON.stringify({ webhookUrl: 'https://hooks.example.test/x' }) }),
      hubCredentials: SANDBOX_DYNAMO_CREDENTIALS,
      fetch: async (_url, init) => {
        posts.push(String(init?.body));
        return new Response('ok');
      },
      sleep: async () => {},
      reports,
    });
    return { deps, posts, reports };
  };

  it('ingests an event once, alerts once, and sends the digest once', async () => {
    // Arrange
    const { deps, posts } = build();
    const ingest = buildEventsIngestHandler(deps);
    const digest = buildEventsDigestHandler(deps);
    const event = loadConfigEvent('non-compliant.first-evaluation.security-hub');
    // Act
    const first = await ingest(event, context);
    const again = await ingest(structuredClone(event), context);
    const sent = await digest({ 'detail-type': 'Scheduled Event', day: '2026-11-20' }, context);
    const resent = await digest({ day: '2026-11-20' }, context);
    // Assert
    expect(first).toMatchObject({ history: 'stored', transition: 'new-violation', alert: 'sent' });
    expect(again).toMatchObject({ history: 'duplicate', alert: 'already-sent' });
    expect([sent, resent]).toMatchObject([{ status: 'sent', accounts: 1 }, { status: 'already-sent' }]);
    expect(posts).toHaveLength(2);
    expect(posts[1]).toContain('acme-public-assets');
  });

  it('rejects an event with the wrong casing before any write', async () => {
    // Arrange
    const { deps } = build();
    const event = loadConfigEvent('compliant.first-evaluation') as unknown as { detail: Record<string, unknown> };
    event.detail.configRuleArn = event.detail.configRuleARN;
    delete event.detail.configRuleARN;
    // Act
    const act = buildEventsIngestHandler(deps)(event, context);
    // Assert
    await expect(act).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('configRuleARN'),
    });
  });

  it('reconciles the known accounts with a run, skipping accounts without a partial', async () => {
    // Arrange
    const { deps } = build();
    const reconcile = buildEventsReconcileHandler(deps);
    await buildEventsIngestHandler(deps)(loadConfigEvent('compliant.first-evaluation'), context);
    // Act
    const result = await reconcile({ runId: 'run-1', accountIds: ['333333333333'] }, context);
    // Assert
    expect(result).toEqual({ runId: 'run-1', accounts: [{ accountId: '333333333333', status: 'no-partial' }] });
    expect(keys.partial('run-1', '333333333333')).toBe('runs/run-1/partials/333333333333.json');
  });
});
