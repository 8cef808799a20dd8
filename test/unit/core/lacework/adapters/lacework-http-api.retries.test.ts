import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { LaceworkHttpApi } from '../../../../../core/lacework/adapters/lacework-http-api';
import { ConfigError, ExternalServiceError, ThrottledError } from '../../../../../core/shared/errors';
import { DEFAULT_SANDBOX_LACEWORK_KEY, type LaceworkFaultsInput, type Sandbox } from '../../../../../sandbox';
import { apiFor, collect, startLaceworkSandbox } from './lacework-sandbox';

const WEEK = { start: new Date('2026-11-16T00:00:00.000Z'), end: new Date('2026-11-22T23:59:59.999Z') };

const withFaults = async (faults: LaceworkFaultsInput, run: (sandbox: Sandbox) => Promise<void>): Promise<void> => {
  const sandbox = await startLaceworkSandbox({ faults });
  try {
    await run(sandbox);
  } finally {
    await sandbox.stop();
  }
};

/** A loopback URL nobody listens on. */
const closedUrl = async (): Promise<string> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
};

const caught = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
};

describe('LaceworkHttpApi retries', () => {
  it('waits the Retry-After seconds on 429, then succeeds', () =>
    withFaults({ rateLimit429: { firstCalls: 2, retryAfterSeconds: 7 } }, async (sandbox) => {
      // Arrange
      const { api, waits } = apiFor(sandbox);

      // Act
      const accounts = await api.listAwsCloudAccounts();

      // Assert
      expect(accounts).toHaveLength(2);
      expect(waits).toEqual([7000, 7000]);
      expect(sandbox.stats.throttled['lacework.CloudAccounts']).toBe(2);
    }));

  it('waits the RateLimit-Reset seconds when Retry-After is absent', () =>
    withFaults(
      { rateLimit429: { firstCalls: 1, retryAfterSeconds: 16, header: 'RateLimit-Reset' } },
      async (sandbox) => {
        // Arrange
        const { api, waits } = apiFor(sandbox);

        // Act
        await api.listReportDefinitions();

        // Assert
        expect(waits).toEqual([16_000]);
      },
    ));

  it('backs off exponentially with full jitter when the 429 names no wait', () =>
    withFaults({ rateLimit429: { firstCalls: 3, header: 'none' } }, async (sandbox) => {
      // Arrange
      const { api, waits } = apiFor(sandbox, { random: () => 0.5 });

      // Act
      await api.listReportDefinitions();

      // Assert
      expect(waits).toEqual([500, 1000, 2000]);
    }));

  it('retries 5xx answers, then succeeds', () =>
    withFaults({ serverErrors: { firstCalls: 2, status: 502 } }, async (sandbox) => {
      // Arrange
      const { api, waits } = apiFor(sandbox);

      // Act
      const policy = await api.getPolicy('lacework-global-34');

      // Assert
      expect(policy?.policyId).toBe('lacework-global-34');
      expect(waits).toHaveLength(2);
      expect(sandbox.stats.errors['lacework.HTTP502']).toBe(2);
    }));

  it('retries a 429 in the middle of paging and still yields every alert', () =>
    withFaults({ rateLimit429: { everyNth: 3, retryAfterSeconds: 2 } }, async (sandbox) => {
      // Act
      const alerts = await collect(apiFor(sandbox).api.listAlerts(WEEK));

      // Assert
      expect(alerts).toHaveLength(7);
    }));

  it('throws a retryable ExternalServiceError after maxAttempts 5xx answers', () =>
    withFaults({ outage: true }, async (sandbox) => {
      // Arrange
      const { api, waits } = apiFor(sandbox, { maxAttempts: 3 });

      // Act
      const error = await caught(api.listAwsCloudAccounts());

      // Assert
      expect(error).toBeInstanceOf(ExternalServiceError);
      expect(error).toMatchObject({ service: 'lacework', retryable: true });
      expect(error.message).toMatch(/HTTP 503 .* after 3 attempts/);
      expect(waits).toHaveLength(2);
      expect(sandbox.stats.calls['lacework.AccessTokens']).toBe(3);
    }));

  it('throws ThrottledError when every attempt answers 429', () =>
    withFaults({ rateLimit429: { everyNth: 1, retryAfterSeconds: 1 } }, async (sandbox) => {
      // Arrange
      const { api, waits } = apiFor(sandbox, { maxAttempts: 4 });

      // Act
      const error = await caught(api.listReportDefinitions());

      // Assert
      expect(error).toBeInstanceOf(ThrottledError);
      expect(waits).toEqual([1000, 1000, 1000]);
      expect(sandbox.stats.calls['lacework.ReportDefinitions']).toBe(4);
    }));

  it('throws ConfigError when the token endpoint refuses the key', () =>
    withFaults({ rejectKey: true }, async (sandbox) => {
      // Act
      const error = await caught(apiFor(sandbox).api.listReportDefinitions());

      // Assert
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toContain('lacework refused the API key for account sandbox (HTTP 401)');
    }));

  it('ends the listing on a 204 answer to an empty search', () =>
    withFaults({ noContentWhenEmpty: true }, async (sandbox) => {
      // Act
      const alerts = await collect(
        apiFor(sandbox).api.listAlerts({
          start: new Date('2026-01-01T00:00:00Z'),
          end: new Date('2026-01-02T00:00:00Z'),
        }),
      );

      // Assert
      expect(alerts).toEqual([]);
    }));

  it('retries network failures, then throws a retryable ExternalServiceError', async () => {
    // Arrange
    const waits: number[] = [];
    const api = new LaceworkHttpApi({
      key: { ...DEFAULT_SANDBOX_LACEWORK_KEY },
      baseUrl: await closedUrl(),
      maxAttempts: 2,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });

    // Act
    const error = await caught(api.listAwsCloudAccounts());

    // Assert
    expect(error).toBeInstanceOf(ExternalServiceError);
    expect(error).toMatchObject({ retryable: true });
    expect(error.message).toMatch(/network error ECONNREFUSED after 2 attempts/);
    expect(waits).toHaveLength(1);
  });
});

describe('LaceworkHttpApi secrecy', () => {
  const SECRET = DEFAULT_SANDBOX_LACEWORK_KEY.secret;

  it('never puts the secret or a token in an error, its JSON or its inspected form', async () => {
    // Arrange
    const tokens: string[] = [];
    const recordTokens: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).endsWith('/access/tokens') && res.ok)
        tokens.push(((await res.clone().json()) as { token: string }).token);
      return res;
    };
    const errors: Error[] = [];
    for (const faults of [
      { outage: true },
      { rejectKey: true },
      { rateLimit429: { everyNth: 1 } },
    ] as LaceworkFaultsInput[]) {
      await withFaults(faults, async (sandbox) => {
        errors.push(await caught(apiFor(sandbox, { maxAttempts: 2, fetch: recordTokens }).api.listAwsCloudAccounts()));
      });
    }
    const echo: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/access/tokens')) return fetch(input, init);
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      return new Response(JSON.stringify({ message: `bad token ${auth} and ${SECRET}` }), { status: 400 });
    };
    await withFaults({}, async (sandbox) => {
      errors.push(await caught(apiFor(sandbox, { fetch: echo }).api.listAwsCloudAccounts()));
      errors.push(await caught(apiFor(sandbox, { baseUrl: await closedUrl(), maxAttempts: 1 }).api.getPolicy('x')));
    });

    // Act
    const texts = errors.map((error) => `${error.message}\n${JSON.stringify(error)}\n${inspect(error, { depth: 10 })}`);

    // Assert
    expect(errors).toHaveLength(5);
    expect(texts[3]).toContain('[redacted]');
    for (const text of texts) {
      expect(text).not.toContain(SECRET);
      for (const token of tokens) expect(text).not.toContain(token);
    }
  });

  it('redacts an error text before cutting it, so a secret across the cut leaves no part of itself', async () => {
    // Arrange
    const echo: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/access/tokens')) return fetch(input, init);
      return new Response(`${'x'.repeat(190)}${SECRET} rest of the text`, { status: 400 });
    };
    let error: Error | undefined;

    // Act
    await withFaults({}, async (sandbox) => {
      error = await caught(apiFor(sandbox, { fetch: echo }).api.listAwsCloudAccounts());
    });

    // Assert
    expect(error).toBeInstanceOf(ExternalServiceError);
    expect(error?.message).toContain(`${'x'.repeat(190)}[redacted]`);
    expect(error?.message).not.toContain(SECRET.slice(0, 6));
  });
});
