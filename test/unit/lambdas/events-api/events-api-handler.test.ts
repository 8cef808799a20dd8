import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { InMemoryComplianceEventStore } from '../../../../core/events/in-memory-event-store';
import type { EventsQueryStore } from '../../../../core/events/query/events-query.service';
import { buildEventsApiHandler } from '../../../../lambdas/events-api/handler';
import { historyItem, latestState } from '../../core/events/query/history-builders';

const context = {
  functionName: 'events-api',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:events-api',
  memoryLimitInMB: '512',
  getRemainingTimeInMillis: () => 28_000,
} as unknown as Context;

/** A REST API (v1) proxy event, as API Gateway sends it (the fields the handler reads, plus the usual ones). */
const apiEvent = (
  resource: string,
  options: { query?: Record<string, string | string[]>; path?: Record<string, string>; method?: string } = {},
): APIGatewayProxyEvent => {
  const query = options.query ?? {};
  const multi = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));
  const single = Object.fromEntries(Object.entries(multi).map(([k, v]) => [k, v.at(-1) ?? '']));
  return {
    resource,
    path: resource.replace('{id}', options.path?.id ?? ''),
    httpMethod: options.method ?? 'GET',
    headers: {},
    multiValueHeaders: {},
    queryStringParameters: Object.keys(single).length > 0 ? single : null,
    multiValueQueryStringParameters: Object.keys(multi).length > 0 ? multi : null,
    pathParameters: options.path ?? null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { requestId: 'api-req-1', stage: 'v1' } as APIGatewayProxyEvent['requestContext'],
  };
};

const bodyOf = (result: { body: string }) => JSON.parse(result.body) as Record<string, unknown>;

const setup = async (store: EventsQueryStore = new InMemoryComplianceEventStore()) => {
  const memory = store instanceof InMemoryComplianceEventStore ? store : undefined;
  for (let n = 0; n < 12; n += 1) await memory?.putHistory(historyItem(n));
  await memory?.putLatestIfNewer(latestState(1, { complianceType: 'NON_COMPLIANT' }));
  const logger = new Logger({ serviceName: 'events-api', logLevel: 'SILENT' });
  return buildEventsApiHandler({ logger, store });
};

describe('events-api handler', () => {
  it('answers GET /events with a page of JSON and a cursor', async () => {
    // Arrange
    const handler = await setup();

    // Act
    const result = await handler(apiEvent('/events', { query: { account: '111122223333', limit: '5' } }), context);

    // Assert
    expect(result.statusCode).toBe(200);
    expect(result.headers).toMatchObject({ 'content-type': 'application/json' });
    const body = bodyOf(result);
    expect(body.items).toHaveLength(5);
    expect(body.limit).toBe(5);
    expect(typeof body.nextCursor).toBe('string');
  });

  it('answers GET /accounts/{id}/compliance with the latest states and score', async () => {
    // Arrange
    const handler = await setup();

    // Act
    const result = await handler(apiEvent('/accounts/{id}/compliance', { path: { id: '111122223333' } }), context);

    // Assert
    expect(result.statusCode).toBe(200);
    expect(bodyOf(result)).toMatchObject({
      accountId: '111122223333',
      score: { compliant: 0, nonCompliant: 1, score: 0 },
      states: [expect.objectContaining({ resourceId: 'vol-00001' })],
    });
  });

  it.each([
    ['a malformed account', '/events', { query: { account: 'abc' } }, 'account'],
    ['no key filter', '/events', { query: { region: 'us-east-1' } }, 'account'],
    ['an unknown parameter', '/events', { query: { account: '111122223333', sort: 'asc' } }, 'sort'],
    ['a repeated parameter', '/events', { query: { account: ['111122223333', '444455556666'] } }, 'account'],
    ['a malformed path id', '/accounts/{id}/compliance', { path: { id: '12' } }, 'id'],
    ['an id in the query', '/accounts/{id}/compliance', { path: { id: '111122223333' }, query: { id: '1' } }, 'id'],
  ])('answers 400 naming the parameter for %s', async (_what, resource, options, parameter) => {
    // Arrange
    const handler = await setup();

    // Act
    const result = await handler(apiEvent(resource, options), context);

    // Assert
    expect(result.statusCode).toBe(400);
    expect(bodyOf(result)).toMatchObject({ error: 'InvalidQueryParameter', parameter });
    expect(String(bodyOf(result).message)).toContain(`"${parameter}"`);
  });

  it('answers 404 for a route it does not serve', async () => {
    const result = await (await setup())(apiEvent('/events', { method: 'POST' }), context);

    expect(result.statusCode).toBe(404);
  });

  it('answers 500 without details when the store fails', async () => {
    // Arrange
    const failing: EventsQueryStore = {
      queryHistory: async () => {
        throw new Error('ProvisionedThroughputExceededException: table events-xyz');
      },
      queryLatestByAccount: async () => ({ items: [] }),
    };
    const handler = await setup(failing);

    // Act
    const result = await handler(apiEvent('/events', { query: { account: '111122223333' } }), context);

    // Assert
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('events-xyz');
  });
});
