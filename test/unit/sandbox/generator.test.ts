import { expectedTotals, generateScenario, parseScenario, ScenarioSchema } from '../../../sandbox';
import { MANAGED_RULES } from '../../../sandbox/generator/managed-rules';

const OPTIONS = { accounts: 40, regions: ['us-east-1', 'eu-west-1'], rulesPerRegion: 8, seed: 42 };

const ruleNames = (scenario: ReturnType<typeof generateScenario>): string[] =>
  Object.values(scenario.accounts).flatMap((account) =>
    Object.values(account.regions).flatMap((region) => region.configRules.map((rule) => rule.ConfigRuleName)),
  );

describe('generateScenario', () => {
  it('produces the same scenario for the same seed', () => {
    expect(JSON.stringify(generateScenario(OPTIONS))).toBe(JSON.stringify(generateScenario(OPTIONS)));
  });

  it('produces another scenario for another seed', () => {
    expect(JSON.stringify(generateScenario({ ...OPTIONS, seed: 43 }))).not.toBe(
      JSON.stringify(generateScenario(OPTIONS)),
    );
  });

  it('produces a scenario the schema accepts', () => {
    // Arrange
    const scenario = generateScenario({
      ...OPTIONS,
      accessDeniedRate: 0.1,
      configDisabledRate: 0.1,
      suspendedRate: 0.1,
    });

    // Act
    const result = ScenarioSchema.safeParse(scenario);

    // Assert
    expect(result.error).toBeUndefined();
    expect(() => parseScenario(JSON.parse(JSON.stringify(scenario)), 'generated')).not.toThrow();
  });

  it('uses managed rule names, conformance-pack suffixes and Security Hub names', () => {
    // Act
    const names = ruleNames(generateScenario(OPTIONS));

    // Assert
    expect(names.some((name) => MANAGED_RULES.some((rule) => rule.name === name))).toBe(true);
    expect(names.some((name) => /-conformance-pack-[a-z0-9]{8}$/.test(name))).toBe(true);
    expect(names.some((name) => /^securityhub-[a-z0-9-]+-[0-9a-f]{8}$/.test(name))).toBe(true);
  });

  it('skews account sizes: a few huge accounts, many small ones', () => {
    // Act
    const perAccount = expectedTotals(generateScenario(OPTIONS))
      .accounts.map((account) => account.compliant + account.nonCompliant)
      .sort((a, b) => b - a);

    // Assert
    expect(perAccount[0]).toBeGreaterThan(500);
    expect(perAccount[Math.floor(perAccount.length / 2)]).toBeLessThan(60);
  });

  it('includes NOT_APPLICABLE results, annotations and a rule with no evaluations', () => {
    // Arrange
    const scenario = generateScenario(OPTIONS);
    const regions = Object.values(scenario.accounts).flatMap((account) => Object.values(account.regions));
    const evaluations = regions.flatMap((region) => region.evaluations);

    // Act
    const evaluated = new Set(
      evaluations.map((e) => e.EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName),
    );
    const idle = regions.flatMap((region) => region.configRules).filter((rule) => !evaluated.has(rule.ConfigRuleName));

    // Assert
    expect(evaluations.some((e) => e.ComplianceType === 'NOT_APPLICABLE')).toBe(true);
    expect(evaluations.some((e) => e.ComplianceType === 'NON_COMPLIANT' && e.Annotation !== undefined)).toBe(true);
    expect(evaluations.some((e) => e.ComplianceType === 'NON_COMPLIANT' && e.Annotation === undefined)).toBe(true);
    expect(idle.length).toBeGreaterThanOrEqual(regions.length);
  });

  it('applies the AccessDenied, Config-disabled and SUSPENDED rates', () => {
    // Act
    const scenario = generateScenario({
      ...OPTIONS,
      accessDeniedRate: 0.25,
      configDisabledRate: 0.25,
      suspendedRate: 0.25,
    });

    // Assert
    const accounts = Object.values(scenario.accounts);
    expect(accounts.some((account) => account.assumeRole === 'AccessDenied')).toBe(true);
    expect(accounts.some((account) => Object.values(account.regions).some((region) => region.recorder === false))).toBe(
      true,
    );
    expect(scenario.organization.accounts.some((account) => account.State === 'SUSPENDED')).toBe(true);
    expect(scenario.organization.accounts[0]?.State).toBe('ACTIVE');
  });

  it('generates 5,000 accounts in under 3 seconds', () => {
    // Arrange
    const started = Date.now();

    // Act
    const scenario = generateScenario({
      accounts: 5000,
      regions: ['us-east-1', 'eu-west-1'],
      rulesPerRegion: 10,
      seed: 7,
    });

    // Assert
    expect(Date.now() - started).toBeLessThan(3000);
    expect(scenario.organization.accounts).toHaveLength(5000);
    expect(new Set(scenario.organization.accounts.map((account) => account.Name)).size).toBe(5000);
  });
});
