import {
  DescribeComplianceByConfigRuleCommand,
  DescribeConfigRulesCommand,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
  GetComplianceDetailsByConfigRuleCommand,
  paginateDescribeConfigRules,
  paginateGetComplianceDetailsByConfigRule,
} from '@aws-sdk/client-config-service';
import { generateScenario, loadScenario, type Sandbox, startSandbox } from '../../../sandbox';
import { assumeMember, type Credentials, configClient, fixture } from './sandbox-clients';

describe('sandbox AWS Config', () => {
  let sandbox: Sandbox;
  let payments: Credentials;
  let web: Credentials;

  beforeAll(async () => {
    sandbox = await startSandbox(loadScenario(fixture('small')));
    payments = await assumeMember(sandbox, '222222222222');
    web = await assumeMember(sandbox, '555555555555');
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  const config = (credentials: Credentials, region = 'us-east-1') => configClient(sandbox, region, credentials);

  describe('DescribeConfigurationRecorderStatus', () => {
    it('reports recording for a recorder that is on', async () => {
      const answer = await config(payments).send(new DescribeConfigurationRecorderStatusCommand({}));
      expect(answer.ConfigurationRecordersStatus).toEqual([
        expect.objectContaining({ name: 'default', recording: true }),
      ]);
    });

    it('reports not recording for a stopped recorder', async () => {
      const answer = await config(web).send(new DescribeConfigurationRecorderStatusCommand({}));
      expect(answer.ConfigurationRecordersStatus).toEqual([expect.objectContaining({ recording: false })]);
    });

    it('answers an empty list where there is no recorder', async () => {
      const answer = await config(payments, 'eu-west-1').send(new DescribeConfigurationRecorderStatusCommand({}));
      expect(answer.ConfigurationRecordersStatus).toEqual([]);
    });

    it('answers an empty list in a region the scenario does not name', async () => {
      const answer = await config(payments, 'ap-southeast-2').send(new DescribeConfigurationRecordersCommand({}));
      expect(answer.ConfigurationRecorders).toEqual([]);
    });
  });

  describe('DescribeComplianceByConfigRule', () => {
    it('derives each rule rollup from its evaluation results', async () => {
      // Act
      const answer = await config(payments).send(new DescribeComplianceByConfigRuleCommand({}));

      // Assert
      expect(answer.ComplianceByConfigRules).toEqual([
        {
          ConfigRuleName: 's3-bucket-versioning-enabled',
          Compliance: {
            ComplianceType: 'NON_COMPLIANT',
            ComplianceContributorCount: { CappedCount: 3, CapExceeded: false },
          },
        },
        { ConfigRuleName: 'encrypted-volumes', Compliance: { ComplianceType: 'COMPLIANT' } },
        { ConfigRuleName: 'redshift-cluster-public-access-check', Compliance: { ComplianceType: 'INSUFFICIENT_DATA' } },
        {
          ConfigRuleName: 'iam-password-policy-conformance-pack-abcd1234',
          Compliance: { ComplianceType: 'INSUFFICIENT_DATA' },
        },
      ]);
      expect(answer.NextToken).toBeUndefined();
    });

    it('honours ConfigRuleNames and ComplianceTypes', async () => {
      // Act
      const answer = await config(payments).send(
        new DescribeComplianceByConfigRuleCommand({
          ConfigRuleNames: ['encrypted-volumes', 's3-bucket-versioning-enabled'],
          ComplianceTypes: ['COMPLIANT'],
        }),
      );

      // Assert
      expect(answer.ComplianceByConfigRules?.map((rule) => rule.ConfigRuleName)).toEqual(['encrypted-volumes']);
    });

    it('throws NoAvailableConfigurationRecorderException where there is no recorder', async () => {
      await expect(
        config(payments, 'eu-west-1').send(new DescribeComplianceByConfigRuleCommand({})),
      ).rejects.toMatchObject({
        name: 'NoAvailableConfigurationRecorderException',
      });
    });

    it('throws NoSuchConfigRuleException for an unknown rule name', async () => {
      const call = config(payments).send(
        new DescribeComplianceByConfigRuleCommand({ ConfigRuleNames: ['no-such-rule'] }),
      );
      await expect(call).rejects.toMatchObject({ name: 'NoSuchConfigRuleException' });
    });
  });

  describe('GetComplianceDetailsByConfigRule', () => {
    it('returns every compliance type when ComplianceTypes is omitted, with Date timestamps', async () => {
      // Act
      const answer = await config(payments).send(
        new GetComplianceDetailsByConfigRuleCommand({ ConfigRuleName: 's3-bucket-versioning-enabled' }),
      );

      // Assert
      expect(answer.EvaluationResults?.map((r) => r.ComplianceType)).toEqual([
        'NON_COMPLIANT',
        'NON_COMPLIANT',
        'NON_COMPLIANT',
        'COMPLIANT',
        'COMPLIANT',
        'NOT_APPLICABLE',
      ]);
      const [first] = answer.EvaluationResults ?? [];
      expect(first?.ResultRecordedTime).toEqual(new Date('2026-11-20T08:00:05Z'));
      expect(first?.EvaluationResultIdentifier?.OrderingTimestamp).toEqual(new Date('2026-11-20T08:00:00Z'));
      expect(first?.Annotation).toBe('Versioning is not enabled for this bucket.');
    });

    it('pages by Limit with an opaque NextToken', async () => {
      // Arrange
      const pages = paginateGetComplianceDetailsByConfigRule(
        { client: config(payments), pageSize: 2 },
        { ConfigRuleName: 's3-bucket-versioning-enabled', ComplianceTypes: ['NON_COMPLIANT', 'COMPLIANT'] },
      );

      // Act
      const sizes: number[] = [];
      const ids: string[] = [];
      for await (const page of pages) {
        sizes.push(page.EvaluationResults?.length ?? 0);
        ids.push(
          ...(page.EvaluationResults ?? []).map(
            (r) => r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ResourceId ?? '',
          ),
        );
      }

      // Assert
      expect(sizes).toEqual([2, 2, 1]);
      expect(ids).toEqual([
        'payments-logs',
        'payments-assets',
        'payments-exports',
        'payments-backups',
        'payments-static',
      ]);
    });

    it('answers 10 results per page when Limit is omitted', async () => {
      // Arrange
      const scenario = generateScenario({ accounts: 12, regions: ['us-east-1'], rulesPerRegion: 3, seed: 5 });
      const [accountId, ruleName] =
        Object.entries(scenario.accounts)
          .flatMap(([id, account]) => {
            const evaluations = account.regions['us-east-1']?.evaluations ?? [];
            const name = evaluations[0]?.EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName;
            const count = evaluations.filter(
              (e) => e.EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName === name,
            ).length;
            return name !== undefined && count > 10 ? [[id, name]] : [];
          })
          .at(0) ?? [];
      const big = await startSandbox(scenario);
      try {
        const client = configClient(big, 'us-east-1', await assumeMember(big, accountId ?? ''));

        // Act
        const answer = await client.send(new GetComplianceDetailsByConfigRuleCommand({ ConfigRuleName: ruleName }));

        // Assert
        expect(answer.EvaluationResults).toHaveLength(10);
        expect(answer.NextToken).toEqual(expect.any(String));
      } finally {
        await big.stop();
      }
    });

    it('throws InvalidParameterValueException for a Limit above 100', async () => {
      const call = config(payments).send(
        new GetComplianceDetailsByConfigRuleCommand({ ConfigRuleName: 'encrypted-volumes', Limit: 101 }),
      );
      await expect(call).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
    });

    it('throws NoSuchConfigRuleException for an unknown rule', async () => {
      const call = config(payments).send(
        new GetComplianceDetailsByConfigRuleCommand({ ConfigRuleName: 'deleted-rule' }),
      );
      await expect(call).rejects.toMatchObject({
        name: 'NoSuchConfigRuleException',
        message: "The ConfigRule 'deleted-rule' provided in the request is invalid.",
      });
    });

    it('throws InvalidNextTokenException for a token of another request', async () => {
      // Arrange
      const first = await config(payments).send(
        new GetComplianceDetailsByConfigRuleCommand({ ConfigRuleName: 's3-bucket-versioning-enabled', Limit: 1 }),
      );

      // Act
      const call = config(payments).send(
        new GetComplianceDetailsByConfigRuleCommand({
          ConfigRuleName: 'encrypted-volumes',
          NextToken: first.NextToken,
        }),
      );

      // Assert
      await expect(call).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
    });
  });

  describe('DescribeConfigRules', () => {
    it('returns the scenario records, filtered by ConfigRuleNames', async () => {
      // Act
      const answer = await config(payments).send(
        new DescribeConfigRulesCommand({ ConfigRuleNames: ['encrypted-volumes'] }),
      );

      // Assert
      expect(answer.ConfigRules).toEqual([
        expect.objectContaining({
          ConfigRuleName: 'encrypted-volumes',
          ConfigRuleId: 'config-rule-p00002',
          Source: { Owner: 'AWS', SourceIdentifier: 'ENCRYPTED_VOLUMES' },
        }),
      ]);
    });

    it('pages 25 rules at a time', async () => {
      // Arrange
      const big = await startSandbox(
        generateScenario({ accounts: 2, regions: ['us-east-1'], rulesPerRegion: 60, seed: 3 }),
      );
      try {
        const [accountId] = Object.keys(big.scenario.accounts);
        const credentials = await assumeMember(big, accountId ?? '');

        // Act
        const sizes: number[] = [];
        for await (const page of paginateDescribeConfigRules(
          { client: configClient(big, 'us-east-1', credentials) },
          {},
        )) {
          sizes.push(page.ConfigRules?.length ?? 0);
        }

        // Assert
        expect(sizes).toEqual([25, 25, 10]);
      } finally {
        await big.stop();
      }
    });
  });

  it('throws UnrecognizedClientException for a key the sandbox never issued', async () => {
    const stranger = config({ accessKeyId: 'ASIA999999999999ZZZZ', secretAccessKey: 'x', sessionToken: 'y' });
    await expect(stranger.send(new DescribeConfigRulesCommand({}))).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
    });
  });
});
