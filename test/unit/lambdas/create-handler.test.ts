import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { ThrottledError } from '../../../core/shared/errors';
import { createHandler } from '../../../lambdas/_shared/create-handler';

const context = {
  functionName: 'scan-account',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:scan-account',
  memoryLimitInMB: '1024',
  getRemainingTimeInMillis: () => 60_000,
} as unknown as Context;

/** A Powertools logger whose JSON lines land in `lines` (dev mode writes through the global console). */
const recordingLogger = () => {
  process.env.POWERTOOLS_DEV = 'true';
  const lines: Record<string, unknown>[] = [];
  const capture = (...args: unknown[]) => {
    lines.push(JSON.parse(String(args[0])));
  };
  for (const method of ['info', 'warn', 'error', 'debug', 'log'] as const) {
    jest.spyOn(console, method).mockImplementation(capture);
  }
  const logger = new Logger({ serviceName: 'aws-config-compliance', logLevel: 'INFO' });
  delete process.env.POWERTOOLS_DEV;
  return { logger, lines };
};

const Schema = z.object({ accountId: z.string().regex(/^\d{12}$/), runId: z.string() });

describe('createHandler', () => {
  afterEach(() => jest.restoreAllMocks());

  it('parses the payload and returns what the service returns', async () => {
    // Arrange
    const { logger } = recordingLogger();
    const seen: unknown[] = [];
    const handler = createHandler({
      schema: Schema,
      logger,
      run: async (input) => {
        seen.push(input);
        return { ok: input.accountId };
      },
    });

    // Act
    const result = await handler({ accountId: '111111111111', runId: 'r1' }, context);

    // Assert
    expect(result).toEqual({ ok: '111111111111' });
    expect(seen).toEqual([{ accountId: '111111111111', runId: 'r1' }]);
  });

  it('throws a ParseError naming the field when the payload does not match the schema', async () => {
    // Arrange
    const { logger } = recordingLogger();
    const run = jest.fn();
    const handler = createHandler({ schema: Schema, logger, run });

    // Act
    const outcome = handler({ accountId: 'not-an-id', runId: 'r1' }, context);

    // Assert
    await expect(outcome).rejects.toMatchObject({ name: 'ParseError' });
    expect(run).not.toHaveBeenCalled();
  });

  it('logs a failure once at level error with the run keys and rethrows it unchanged', async () => {
    // Arrange
    const { logger, lines } = recordingLogger();
    const handler = createHandler({
      schema: Schema,
      logger,
      logKeys: (input) => ({ runId: input.runId, accountId: input.accountId }),
      run: async () => {
        throw new ThrottledError('config kept throttling in 111111111111/us-east-1', { service: 'config' });
      },
    });

    // Act
    const outcome = handler({ accountId: '111111111111', runId: 'r1' }, context);

    // Assert
    await expect(outcome).rejects.toMatchObject({ name: 'ThrottledError' });
    const errors = lines.filter((l) => l.level === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      service: 'aws-config-compliance',
      runId: 'r1',
      accountId: '111111111111',
      function_request_id: 'req-1',
      error: expect.objectContaining({ name: 'ThrottledError' }),
    });
  });

  it("names the failing invocation's own account when another invocation appended its keys meanwhile", async () => {
    // Arrange: one logger, two invocations at once (as the local runner runs a Map's children in one process)
    const { logger, lines } = recordingLogger();
    let releaseFailure: () => void = () => undefined;
    const failureMayThrow = new Promise<void>((resolve) => {
      releaseFailure = resolve;
    });
    const handler = createHandler({
      schema: Schema,
      logger,
      logKeys: (input) => ({ runId: input.runId, accountId: input.accountId }),
      run: async (input) => {
        if (input.accountId === '111111111111') {
          await failureMayThrow;
          throw new ThrottledError('config kept throttling in 111111111111/us-east-1', { service: 'config' });
        }
        releaseFailure();
        return { ok: input.accountId };
      },
    });

    // Act
    const failing = handler({ accountId: '111111111111', runId: 'r1' }, context);
    await handler({ accountId: '222222222222', runId: 'r1' }, context);
    await expect(failing).rejects.toMatchObject({ name: 'ThrottledError' });

    // Assert
    const errors = lines.filter((l) => l.level === 'ERROR');
    expect(errors).toEqual([expect.objectContaining({ message: 'task failed', accountId: '111111111111' })]);
  });
});
