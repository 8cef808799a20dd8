import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { DynamoComplianceEventStore } from '../../../../core/events/adapters/dynamo-compliance-event-store';
import { loadEventsEnv } from '../../../../core/events/events-env';
import { createEventsApiDeps } from '../../../../lambdas/events-api/events-api-deps';
import { buildEventsApiHandler } from '../../../../lambdas/events-api/handler';
import { type DynamoSandbox, startDynamoSandbox } from '../../../../sandbox/dynamodb/dynamo-sandbox';
import { historyItem } from '../../core/events/query/history-builders';

const context = { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 28_000 } as unknown as Context;

const getEvents = (query: Record<string, string>) =>
  ({
    resource: '/events',
    httpMethod: 'GET',
    queryStringParameters: query,
    multiValueQueryStringParameters: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
    pathParameters: null,
  }) as unknown as APIGatewayProxyEvent;

let db: DynamoSandbox;
let handler: ReturnType<typeof buildEventsApiHandler>;
const stored: { eventId: string; accountId: string; normalizedRuleName: string }[] = [];

beforeAll(async () => {
  db = await startDynamoSandbox();
  const store = new DynamoComplianceEventStore(db.documentClient(), db.tableName);
  for (let n = 0; n < 137; n += 1) {
    const item = historyItem(n, {
      accountId: n % 2 === 0 ? '111122223333' : '444455556666',
      normalizedRuleName: n % 5 === 0 ? 'encrypted-volumes' : 's3-bucket-versioning-enabled',
    });
    await store.putHistory(item);
    stored.push(item);
  }
  const env = loadEventsEnv({ EVENTS_TABLE_NAME: db.tableName, AWS_REGION: db.region });
  const logger = new Logger({ serviceName: 'events-api', logLevel: 'SILENT' });
  handler = buildEventsApiHandler(createEventsApiDeps(env, { documentClient: db.documentClient(), logger }));
});

afterAll(async () => {
  await db.stop();
});

/** Every page of `GET /events` with `query`, following nextCursor. */
const allPages = async (query: Record<string, string>) => {
  const pages: { eventId: string }[][] = [];
  let cursor: string | undefined;
  do {
    const result = await handler(getEvents({ ...query, ...(cursor ? { cursor } : {}) }), context);
    expect(result.statusCode).toBe(200);
    const body = JSON.parse(result.body) as { items: { eventId: string }[]; nextCursor?: string };
    pages.push(body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return pages;
};

describe('events-api on dynalite (DynamoComplianceEventStore)', () => {
  it('pages an account over several pages, newest first, with nothing missing or repeated', async () => {
    // Arrange
    const expected = stored
      .filter((s) => s.accountId === '111122223333')
      .map((s) => s.eventId)
      .reverse();

    // Act
    const pages = await allPages({ account: '111122223333', limit: '10' });

    // Assert
    expect(pages.length).toBeGreaterThanOrEqual(7);
    expect(pages.flat().map((i) => i.eventId)).toEqual(expected);
  });

  it('pages a rule across accounts through its index', async () => {
    // Arrange
    const expected = stored
      .filter((s) => s.normalizedRuleName === 'encrypted-volumes')
      .map((s) => s.eventId)
      .reverse();

    // Act
    const pages = await allPages({ rule: 'encrypted-volumes', limit: '4' });

    // Assert
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.flat().map((i) => i.eventId)).toEqual(expected);
  });

  it('answers 400 naming cursor when a cursor is reused with other filters', async () => {
    // Arrange
    const first = JSON.parse((await handler(getEvents({ account: '111122223333', limit: '5' }), context)).body);

    // Act
    const reuse = await handler(getEvents({ account: '444455556666', limit: '5', cursor: first.nextCursor }), context);

    // Assert
    expect(reuse.statusCode).toBe(400);
    expect(JSON.parse(reuse.body)).toMatchObject({ parameter: 'cursor' });
  });
});
