import {
  type ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  paginateDescribeComplianceByConfigRule,
  paginateDescribeConfigRules,
  paginateGetComplianceDetailsByConfigRule,
} from '@aws-sdk/client-config-service';
import { paginateListAccounts } from '@aws-sdk/client-organizations';
import { expectedTotals, loadScenario, type Sandbox, startSandbox } from '../../../sandbox';
import { assumeMember, configClient, fixture, organizationsClient } from './sandbox-clients';

const DEMO = `${__dirname}/../../../sandbox/scenarios/demo.json`;

/** Counts one region the way a scanner would, through the real SDK (independent of expectedTotals). */
const scanRegion = async (client: ConfigServiceClient) => {
  const status = await client.send(new DescribeConfigurationRecorderStatusCommand({}));
  if (status.ConfigurationRecordersStatus?.[0]?.recording !== true) return undefined;
  const rules: Record<string, { compliance?: string; compliant: number; nonCompliant: number }> = {};
  for await (const page of paginateDescribeConfigRules({ client }, {})) {
    for (const rule of page.ConfigRules ?? []) rules[rule.ConfigRuleName ?? ''] = { compliant: 0, nonCompliant: 0 };
  }
  for await (const page of paginateDescribeComplianceByConfigRule({ client }, {})) {
    for (const row of page.ComplianceByConfigRules ?? []) {
      const rule = rules[row.ConfigRuleName ?? ''];
      if (rule) rule.compliance = row.Compliance?.ComplianceType;
    }
  }
  for (const [ruleName, counts] of Object.entries(rules)) {
    const pages = paginateGetComplianceDetailsByConfigRule(
      { client, pageSize: 100 },
      { ConfigRuleName: ruleName, ComplianceTypes: ['COMPLIANT', 'NON_COMPLIANT'] },
    );
    for await (const page of pages) {
      for (const result of page.EvaluationResults ?? []) {
        if (result.ComplianceType === 'COMPLIANT') counts.compliant += 1;
        else counts.nonCompliant += 1;
      }
    }
  }
  return rules;
};

describe('expectedTotals', () => {
  it('counts the hand-written scenario exactly', () => {
    // Act
    const expected = expectedTotals(loadScenario(fixture('small')));

    // Assert
    expect(expected.totals).toEqual({
      accounts: 4,
      ok: 3,
      failed: 1,
      configDisabledRegions: 3,
      rules: 6,
      compliant: 5,
      nonCompliant: 4,
    });
    expect(expected.excludedAccountIds).toEqual(['444444444444']);
    expect(expected.accounts.map((a) => [a.accountId, a.status, a.configDisabledRegions])).toEqual([
      ['111111111111', 'ok', ['eu-west-1']],
      ['222222222222', 'ok', ['eu-west-1']],
      ['333333333333', 'failed', []],
      ['555555555555', 'ok', ['us-east-1']],
    ]);
    expect(expected.accounts[1]?.rules).toEqual([
      {
        region: 'us-east-1',
        ruleName: 's3-bucket-versioning-enabled',
        compliance: 'NON_COMPLIANT',
        compliant: 2,
        nonCompliant: 3,
      },
      { region: 'us-east-1', ruleName: 'encrypted-volumes', compliance: 'COMPLIANT', compliant: 2, nonCompliant: 0 },
      {
        region: 'us-east-1',
        ruleName: 'redshift-cluster-public-access-check',
        compliance: 'INSUFFICIENT_DATA',
        compliant: 0,
        nonCompliant: 0,
      },
      {
        region: 'us-east-1',
        ruleName: 'iam-password-policy-conformance-pack-abcd1234',
        compliance: 'INSUFFICIENT_DATA',
        compliant: 0,
        nonCompliant: 0,
      },
    ]);
    expect(expected.accounts[3]?.nonCompliantRows).toEqual([
      {
        accountId: '555555555555',
        region: 'eu-west-1',
        ruleName: 'encrypted-volumes',
        resourceType: 'AWS::EC2::Volume',
        resourceId: 'vol-0123456789abcdef0',
        annotation: 'The EBS volume is not encrypted.',
      },
    ]);
  });

  it('limits the totals to the given regions and accounts', () => {
    // Arrange
    const scenario = loadScenario(fixture('small'));

    // Act
    const usEast = expectedTotals(scenario, { regions: ['us-east-1'] });
    const two = expectedTotals(scenario, { accountIds: ['222222222222', '444444444444'] });

    // Assert
    expect(usEast.totals).toMatchObject({ configDisabledRegions: 1, compliant: 5, nonCompliant: 3 });
    expect(two.totals).toMatchObject({ accounts: 1, compliant: 4, nonCompliant: 3 });
    expect(two.excludedAccountIds).toEqual(['444444444444']);
  });

  describe('on the demo scenario', () => {
    let sandbox: Sandbox;

    beforeAll(async () => {
      sandbox = await startSandbox(loadScenario(DEMO));
    });

    afterAll(async () => {
      await sandbox.stop();
    });

    it('covers the documented cases', () => {
      // Act
      const expected = expectedTotals(sandbox.scenario);

      // Assert
      expect(expected.regions).toEqual(['eu-west-1', 'us-east-1']);
      expect(expected.totals.accounts).toBe(20);
      expect(expected.excludedAccountIds).toHaveLength(1);
      expect(expected.accounts.filter((a) => a.status === 'failed')).toHaveLength(1);
      expect(expected.accounts.flatMap((a) => a.configDisabledRegions)).toEqual(['eu-west-1']);
      const rules = expected.accounts.flatMap((a) => a.rules);
      expect(rules.some((rule) => rule.compliance === 'INSUFFICIENT_DATA')).toBe(true);
      expect(rules.some((rule) => rule.nonCompliant > 100)).toBe(true);
      expect(expected.accounts.flatMap((a) => a.nonCompliantRows)).toHaveLength(expected.totals.nonCompliant);
    });

    it('agrees with a scan through the real SDK clients', async () => {
      // Arrange
      const expected = expectedTotals(sandbox.scenario);
      const scanned: {
        accountId: string;
        region: string;
        ruleName: string;
        compliant: number;
        nonCompliant: number;
      }[] = [];
      const failed: string[] = [];

      // Act
      for await (const page of paginateListAccounts({ client: organizationsClient(sandbox) }, {})) {
        for (const account of page.Accounts ?? []) {
          if (account.State !== 'ACTIVE' || account.Id === undefined) continue;
          const credentials = await assumeMember(sandbox, account.Id).catch(() => undefined);
          if (credentials === undefined) {
            failed.push(account.Id);
            continue;
          }
          for (const region of sandbox.regions) {
            const rules = await scanRegion(configClient(sandbox, region, credentials));
            for (const [ruleName, counts] of Object.entries(rules ?? {})) {
              scanned.push({
                accountId: account.Id,
                region,
                ruleName,
                compliant: counts.compliant,
                nonCompliant: counts.nonCompliant,
              });
            }
          }
        }
      }

      // Assert
      expect(failed).toEqual(expected.accounts.filter((a) => a.status === 'failed').map((a) => a.accountId));
      expect(scanned).toEqual(
        expected.accounts.flatMap((a) =>
          a.rules.map((r) => ({
            accountId: a.accountId,
            region: r.region,
            ruleName: r.ruleName,
            compliant: r.compliant,
            nonCompliant: r.nonCompliant,
          })),
        ),
      );
    });

    it('answers rollups that match the expected compliance of each rule', async () => {
      // Arrange
      const expected = expectedTotals(sandbox.scenario).accounts.find((a) => a.rules.some((r) => r.nonCompliant > 100));
      if (expected === undefined) throw new Error('the demo has no rule above 100 results');
      const client = configClient(sandbox, 'us-east-1', await assumeMember(sandbox, expected.accountId));

      // Act
      const rollups: Record<string, unknown> = {};
      for await (const page of paginateDescribeComplianceByConfigRule({ client }, {})) {
        for (const row of page.ComplianceByConfigRules ?? []) rollups[row.ConfigRuleName ?? ''] = row.Compliance;
      }

      // Assert
      for (const rule of expected.rules.filter((r) => r.region === 'us-east-1')) {
        expect(rollups[rule.ruleName]).toMatchObject({ ComplianceType: rule.compliance });
        if (rule.nonCompliant > 100) {
          expect(rollups[rule.ruleName]).toMatchObject({
            ComplianceContributorCount: { CappedCount: 100, CapExceeded: true },
          });
        }
      }
    });
  });
});
