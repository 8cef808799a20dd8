import { loadStageConfig, STAGES, type StageConfigInput } from '../../../infra/config/stages';

/**
 * Bad and hostile stage config through `loadStageConfig`: each fails at synth time with a message naming the stage,
 * the field and the value received; nothing leaks into Object.prototype.
 */
const thrownBy = (act: () => unknown): Error | undefined => {
  try {
    act();
  } catch (error) {
    return error as Error;
  }
  return undefined;
};

describe('loadStageConfig with bad and hostile values', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a zero map concurrency', { mapConcurrency: 0 }, /mapConcurrency: got 0/],
    ['a fractional map concurrency', { mapConcurrency: 1.5 }, /mapConcurrency: got 1\.5/],
    ['a map concurrency as text', { mapConcurrency: '40' }, /mapConcurrency: got "40"/],
    ['a tolerated failure above 100 %', { toleratedFailurePercentage: 101 }, /toleratedFailurePercentage: got 101/],
    ['no regions', { regions: [] }, /regions: got \[\]; list at least one region/],
    ['a region with a space', { regions: ['us-east-1 '] }, /regions\.0: got "us-east-1 "/],
    ['a region string instead of a list', { regions: 'us-east-1' }, /regions: got "us-east-1"/],
    ['a one-character external id', { externalId: 'x' }, /externalId: got "x"/],
    [
      'a log retention CloudWatch does not offer',
      { logRetentionDays: 42 },
      /logRetentionDays: got 42; expected a cloudwatch/,
    ],
    ['a lower-case Jira project key', { jiraProjectKey: 'sec' }, /jiraProjectKey: got "sec"/],
    ['links valid for 30 days', { linkExpiryDays: 30 }, /linkExpiryDays: got 30; presigned urls last at most 7 days/],
    [
      'a role name with a slash',
      { memberRoleName: 'team/ComplianceReader' },
      /memberRoleName: got "team\/ComplianceReader"/,
    ],
    ['an 11-digit account to include', { includeAccounts: ['12345678901'] }, /includeAccounts\.0: got "12345678901"/],
    ['a day of the week that is not one', { schedule: { weekDay: 'FUNDAY' } }, /schedule\.weekDay: got "FUNDAY"/],
    ['an unknown field', { mapConcurency: 10 }, /mapConcurency/],
    ['a 1 MB external id', { externalId: 'e'.repeat(1_000_000) }, /externalId: got "eeee/],
    ['a prototype-pollution key', JSON.parse('{"__proto__": {"polluted": true}}'), /__proto__/],
  ])('fails on %s, naming the stage, the field and the value', (_, overrides, expected) => {
    // Act
    const error = thrownBy(() => loadStageConfig('dev', overrides as Partial<StageConfigInput>));

    // Assert
    expect(error?.message).toMatch(/^invalid stage config "dev": /);
    expect(error?.message).toMatch(expected);
    expect(error?.message).toMatch(/fix the value in infra\/config\/stages\.ts \(STAGES\.dev\)$/);
  });

  it.each(['__proto__', 'constructor', 'toString', 'DEV', ''])('rejects the stage name %j as unknown', (name) => {
    // Act
    const error = thrownBy(() => loadStageConfig(name));

    // Assert
    expect(error?.message).toBe(
      `unknown stage "${name}"; use one of ${Object.keys(STAGES).join(', ')} (cdk synth -c stage=dev)`,
    );
  });
});
