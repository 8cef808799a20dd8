import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { generateScenario, type Sandbox, startSandbox } from '../../../sandbox';
import { HubRateLimiter } from '../../../sandbox/servers/hub-rate-limits';

const HUB = { accountId: '111111111111' };

describe('HubRateLimiter', () => {
  it('lets a burst through, then answers the service throttling codes', () => {
    // Arrange
    const limiter = new HubRateLimiter(
      { sts: { ratePerSecond: 1, burst: 2 }, organizations: { ratePerSecond: 1, burst: 1 } },
      () => 0,
    );

    // Act
    const sts = [0, 1, 2].map(() => {
      try {
        limiter.check('sts', HUB);
        return 'ok';
      } catch (error) {
        return (error as { code: string }).code;
      }
    });
    limiter.check('organizations', HUB);
    const organizations = (() => {
      try {
        limiter.check('organizations', HUB);
        return 'ok';
      } catch (error) {
        return (error as { code: string }).code;
      }
    })();

    // Assert
    expect(sts).toEqual(['ok', 'ok', 'Throttling']);
    expect(organizations).toBe('TooManyRequestsException');
  });

  it('refills at the configured rate and keeps one bucket per calling account', () => {
    // Arrange
    let now = 0;
    const limiter = new HubRateLimiter({ sts: { ratePerSecond: 2, burst: 1 } }, () => now);
    limiter.check('sts', HUB);

    // Act
    const otherAccount = () => limiter.check('sts', { accountId: '222222222222' });
    const tooSoon = () => limiter.check('sts', HUB);
    now = 500;
    const afterRefill = () => limiter.check('sts', HUB);

    // Assert
    expect(otherAccount).not.toThrow();
    now = 100;
    expect(tooSoon).toThrow('Rate exceeded');
    now = 500;
    expect(afterRefill).not.toThrow();
  });

  it('never throttles a service without a limit', () => {
    // Arrange
    const limiter = new HubRateLimiter({ sts: { ratePerSecond: 1, burst: 1 } }, () => 0);

    // Act
    const calls = () => {
      for (let i = 0; i < 100; i += 1) limiter.check('organizations', HUB);
    };

    // Assert
    expect(calls).not.toThrow();
  });
});

describe('sandbox hub rate limits with the real SDK clients', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    const scenario = generateScenario({ accounts: 3, regions: ['us-east-1'], rulesPerRegion: 1, seed: 1 });
    scenario.faults = {
      hubRateLimit: { sts: { ratePerSecond: 20, burst: 1 }, organizations: { ratePerSecond: 20, burst: 1 } },
    };
    sandbox = await startSandbox(scenario);
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  const clientOptions = (maxAttempts: number) => ({
    region: sandbox.region,
    endpoint: sandbox.endpoints.aws,
    credentials: sandbox.hubCredentials,
    maxAttempts,
    retryMode: 'standard' as const,
  });

  it('answers STS Throttling (HTTP 400), which the STS client classifies as throttling', async () => {
    // Arrange
    const sts = new STSClient(clientOptions(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sts.send(new GetCallerIdentityCommand({}));

    // Act
    const error = await sts.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);

    // Assert
    expect(error).toMatchObject({ name: 'Throttling', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
  });

  it('lets the STS client retry a throttled call until the bucket refills', async () => {
    // Arrange: the standard retry strategy retries a 400 only when it classifies the error as throttling.
    const sts = new STSClient(clientOptions(6));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sts.send(new GetCallerIdentityCommand({}));
    sandbox.stats.reset();

    // Act
    const out = await sts.send(new GetCallerIdentityCommand({}));

    // Assert
    expect(out.Account).toBe(sandbox.hubAccountId);
    expect(out.$metadata.attempts).toBeGreaterThan(1);
    expect(sandbox.stats.snapshot().throttledByCall['sts.GetCallerIdentity']).toBe((out.$metadata.attempts ?? 0) - 1);
  });

  it('answers Organizations TooManyRequestsException, which the client retries until the bucket refills', async () => {
    // Arrange
    const organizations = new OrganizationsClient(clientOptions(6));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await organizations.send(new ListAccountsCommand({}));
    sandbox.stats.reset();

    // Act
    const out = await organizations.send(new ListAccountsCommand({}));

    // Assert
    expect(out.Accounts).toHaveLength(3);
    expect(out.$metadata.attempts).toBeGreaterThan(1);
    expect(sandbox.stats.snapshot().throttledByCall['organizations.ListAccounts']).toBe(
      (out.$metadata.attempts ?? 0) - 1,
    );
  });
});
