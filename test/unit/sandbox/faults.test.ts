import { DescribeConfigRulesCommand, GetComplianceDetailsByConfigRuleCommand } from '@aws-sdk/client-config-service';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { type Faults, loadScenario, parseScenario, type Sandbox, startSandbox } from '../../../sandbox';
import { assumeMember, configClient, fixture, stsClient } from './sandbox-clients';

const startWith = (faults: Faults): Promise<Sandbox> =>
  startSandbox(parseScenario({ ...loadScenario(fixture('small')), faults }, 'faults test'));

describe('sandbox faults', () => {
  describe('configThrottling', () => {
    let sandbox: Sandbox;

    beforeAll(async () => {
      sandbox = await startWith({ configThrottling: { accounts: ['222222222222'], firstCallsPerRegion: 2 } });
    });

    afterAll(async () => {
      await sandbox.stop();
    });

    it('throttles the first calls of an account and region, then succeeds on the SDK retry', async () => {
      // Arrange
      const client = configClient(sandbox, 'us-east-1', await assumeMember(sandbox, '222222222222'), {
        maxAttempts: 3,
      });

      // Act
      const first = await client.send(new DescribeConfigRulesCommand({}));
      const second = await client.send(new DescribeConfigRulesCommand({}));

      // Assert
      expect(first.$metadata.attempts).toBe(3);
      expect(second.$metadata.attempts).toBe(1);
      expect(sandbox.stats.throttled['config.DescribeConfigRules']).toBe(2);
      expect(sandbox.stats.snapshot().throttled).toBe(2);
      expect(sandbox.stats.calls['config.DescribeConfigRules']).toBe(4);
    });

    it('leaves accounts outside the selector alone', async () => {
      // Arrange
      const client = configClient(sandbox, 'eu-west-1', await assumeMember(sandbox, '555555555555'));

      // Act
      const answer = await client.send(new DescribeConfigRulesCommand({}));

      // Assert
      expect(answer.$metadata.attempts).toBe(1);
    });

    it('throws ThrottlingException when the retries run out', async () => {
      // Arrange
      const client = configClient(sandbox, 'eu-west-1', await assumeMember(sandbox, '222222222222'), {
        maxAttempts: 1,
      });

      // Act
      const call = client.send(new DescribeConfigRulesCommand({}));

      // Assert
      await expect(call).rejects.toMatchObject({ name: 'ThrottlingException', message: 'Rate exceeded' });
    });
  });

  describe('configRateLimit', () => {
    it('throttles calls once the token bucket of an account and region is empty', async () => {
      // Arrange
      const sandbox = await startWith({ configRateLimit: { ratePerSecond: 0.001, burst: 2 } });
      try {
        const client = configClient(sandbox, 'us-east-1', await assumeMember(sandbox, '222222222222'));
        const other = configClient(sandbox, 'eu-west-1', await assumeMember(sandbox, '555555555555'));
        const detail = new GetComplianceDetailsByConfigRuleCommand({ ConfigRuleName: 'encrypted-volumes' });

        // Act
        await client.send(detail);
        await client.send(detail);
        const third = client.send(detail);

        // Assert
        await expect(third).rejects.toMatchObject({ name: 'ThrottlingException' });
        await expect(other.send(detail)).resolves.toMatchObject({ EvaluationResults: expect.any(Array) });
      } finally {
        await sandbox.stop();
      }
    });
  });

  describe('latencyMs', () => {
    it('delays every answer', async () => {
      // Arrange
      const sandbox = await startWith({ latencyMs: 60 });
      try {
        const started = Date.now();

        // Act
        await stsClient(sandbox).send(new GetCallerIdentityCommand({}));

        // Assert
        expect(Date.now() - started).toBeGreaterThanOrEqual(55);
      } finally {
        await sandbox.stop();
      }
    });
  });
});
