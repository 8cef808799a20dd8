import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import type { z } from 'zod';

/** The shape every task handler has: a parsed payload in, a JSON-serialisable result out. */
export type TaskHandler<TResult> = (event: unknown, context: Context) => Promise<TResult>;

export interface CreateHandlerOptions<S extends z.ZodType, TResult> {
  /** Zod schema of the task payload (shared with the chain). A mismatch fails with Powertools' ParseError. */
  schema: S;
  logger: Logger;
  /** Keys appended to every log line of the invocation, from the parsed payload (e.g. runId, accountId). */
  logKeys?: (input: z.output<S>) => Record<string, string>;
  run: (input: z.output<S>) => Promise<TResult>;
}

/**
 * Logs a failed invocation once, at the edge, at level error (so a log monitor on `status:error` catches it), then
 * lets the error propagate unchanged: Step Functions Retry/Catch match on its `name`. The line names the invocation's
 * own keys: where one process runs several invocations at once (the local runner), the logger's appended keys may be
 * another invocation's by then.
 */
const logErrorOnce = (logger: Logger, keysOf: (event: unknown) => Record<string, string>): MiddlewareObj => ({
  onError: async (request) => {
    logger.error({ message: 'task failed', ...keysOf(request.event) }, request.error as Error);
  },
});

/**
 * The single middy stack of every Lambda: Powertools context injection (cleared per invocation), the zod parser for the
 * payload, error logging, then the service call. Handlers stay wiring only.
 *
 * @example export const buildScanAccountHandler = (deps: Deps) =>
 *   createHandler({ schema: ScanAccountInputSchema, logger: deps.logger, run: (input) => scanAccount(input, deps) });
 */
export const createHandler = <S extends z.ZodType, TResult>(
  options: CreateHandlerOptions<S, TResult>,
): TaskHandler<TResult> => {
  const { schema, logger, logKeys, run } = options;
  // The parser middleware has replaced the event with the parsed payload, unless parsing is what failed: then the
  // raw event may lack the fields, and the line carries only the keys that came out as strings.
  const keysOf = (event: unknown): Record<string, string> => {
    try {
      const keys = logKeys ? logKeys(event as z.output<S>) : {};
      return Object.fromEntries(Object.entries(keys).filter(([, value]) => typeof value === 'string'));
    } catch {
      return {};
    }
  };
  const handler = middy<z.output<S>, TResult>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logErrorOnce(logger, keysOf) as MiddlewareObj<z.output<S>, TResult>)
    .use(parser({ schema }) as unknown as MiddlewareObj<z.output<S>, TResult>)
    .handler(async (input) => {
      if (logKeys) logger.appendKeys(logKeys(input));
      return run(input);
    });
  return handler as unknown as TaskHandler<TResult>;
};
