import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyResult, Context } from 'aws-lambda';
import { z } from 'zod';
import { InvalidQueryParameterError } from '../../core/events/query/query-errors';

/** What a route gets from the API Gateway proxy event: single-valued query and path parameters. */
export interface ApiRequest {
  /** Path parameters (`{id}` → `id`). */
  path: Readonly<Record<string, string>>;
  /** Query string parameters; a repeated parameter is rejected before the route runs. */
  query: Readonly<Record<string, string>>;
}

/** A route: parses its parameters and calls one service; the result is the JSON body of a 200. */
export type ApiRoute = (request: ApiRequest) => Promise<unknown>;

/** Routes by `"<METHOD> <resource>"`, the resource as API Gateway declares it, e.g. `GET /accounts/{id}/compliance`. */
export type ApiRoutes = Readonly<Record<string, ApiRoute>>;

/** The API Gateway proxy handler's shape. */
export type ApiHandler = (event: unknown, context: Context) => Promise<APIGatewayProxyResult>;

/** The fields of the REST API (v1) proxy event the wrapper reads; the rest is ignored. */
const ProxyEventSchema = z.object({
  httpMethod: z.string(),
  resource: z.string(),
  pathParameters: z.record(z.string(), z.string()).nullish(),
  queryStringParameters: z.record(z.string(), z.string()).nullish(),
  multiValueQueryStringParameters: z.record(z.string(), z.array(z.string())).nullish(),
});

const json = (statusCode: number, body: unknown): APIGatewayProxyResult => ({
  statusCode,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

/** A repeated query parameter (`?account=1&account=2`) is ambiguous: 400 naming it. */
const singleValued = (multi: Record<string, string[]> | null | undefined): void => {
  for (const [parameter, values] of Object.entries(multi ?? {})) {
    if (values.length > 1) {
      throw new InvalidQueryParameterError(
        parameter,
        `parameter "${parameter}": given ${values.length} times; give it once`,
      );
    }
  }
};

/**
 * The query API's Lambda wrapper (API Gateway REST proxy events; `createHandler` is for Step Functions payloads):
 * Powertools context injection, routing on method + resource, JSON responses. An {@link InvalidQueryParameterError}
 * becomes a 400 naming the parameter; an unknown route a 404; anything else a 500 without details (logged once here).
 *
 * @example export const handler = createApiHandler({ logger, routes: { 'GET /events': (r) => queryEvents(…) } });
 */
export const createApiHandler = (options: { logger: Logger; routes: ApiRoutes }): ApiHandler => {
  const { logger, routes } = options;
  const handle = async (event: unknown): Promise<APIGatewayProxyResult> => {
    const parsed = ProxyEventSchema.safeParse(event);
    if (!parsed.success) {
      logger.error('not an API Gateway proxy event', { issues: parsed.error.issues.length });
      return json(500, { error: 'InternalError', message: 'internal error' });
    }
    const { httpMethod, resource } = parsed.data;
    const routeKey = `${httpMethod} ${resource}`;
    logger.appendKeys({ route: routeKey });
    const route = routes[routeKey];
    if (!route) return json(404, { error: 'NotFound', message: `no route ${routeKey}` });
    try {
      singleValued(parsed.data.multiValueQueryStringParameters);
      const body = await route({
        path: parsed.data.pathParameters ?? {},
        query: parsed.data.queryStringParameters ?? {},
      });
      return json(200, body);
    } catch (error) {
      if (error instanceof InvalidQueryParameterError) {
        logger.info('rejected request', { parameter: error.parameter, reason: error.message });
        return json(400, { error: error.name, parameter: error.parameter, message: error.message });
      }
      logger.error('request failed', error as Error);
      return json(500, { error: 'InternalError', message: 'internal error; the function log has the details' });
    }
  };
  return middy<unknown, APIGatewayProxyResult>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .handler(handle) as unknown as ApiHandler;
};
