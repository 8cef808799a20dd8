import { readFileSync } from 'node:fs';
import { LaceworkScenarioSchema, parseScenario } from '../../../sandbox';
import { laceworkFixture } from '../core/lacework/adapters/lacework-sandbox';
import { fixture } from './sandbox-clients';

const smallScenario = (): Record<string, unknown> => JSON.parse(readFileSync(fixture('small'), 'utf8'));

describe('LaceworkScenarioSchema', () => {
  it('accepts the fixture, keeps unknown API fields and applies defaults', () => {
    // Act
    const section = LaceworkScenarioSchema.parse(laceworkFixture());

    // Assert
    expect(section.cloudAccounts[0]).toHaveProperty('state.ok', true);
    expect(section.tokenTtlSeconds).toBe(3600);
    expect(section.apiKey.keyId).toMatch(/^SANDBOX_/);
  });

  it('allows a definition policy that is missing from policies (a "Not Found" case)', () => {
    // Act
    const result = LaceworkScenarioSchema.safeParse(laceworkFixture());

    // Assert
    expect(result.success).toBe(true);
  });

  it('fails when a framework has no report definition, naming the known ones', () => {
    // Arrange
    const scenario = { ...smallScenario(), lacework: { ...laceworkFixture(), frameworks: ['CIS 9'] } };

    // Act
    const parse = () => parseScenario(scenario, 'bad.json');

    // Assert
    expect(parse).toThrow('framework "CIS 9" has no report definition (known: AWS ISO 27001:2013)');
    expect(parse).toThrow('→ at lacework.frameworks.0');
  });

  it('fails on a duplicate policy id and on a misspelt section key', () => {
    // Arrange
    const fixtureSection = laceworkFixture();
    const duplicate = {
      ...fixtureSection,
      policies: [...(fixtureSection.policies ?? []), { policyId: 'lacework-global-34' }],
    };

    // Act
    const duplicateResult = LaceworkScenarioSchema.safeParse(duplicate);
    const typoResult = LaceworkScenarioSchema.safeParse({ ...fixtureSection, polices: [] });

    // Assert
    expect(duplicateResult.error?.issues[0]?.message).toBe('duplicate policyId lacework-global-34; each appears once');
    expect(typoResult.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('fails on an alert without an integer alertId', () => {
    // Arrange
    const section = { ...laceworkFixture(), alerts: [{ alertId: '12', startTime: '2026-11-16T00:00:00.000Z' }] };

    // Act
    const result = LaceworkScenarioSchema.safeParse(section);

    // Assert
    expect(result.error?.issues[0]?.path).toEqual(['alerts', 0, 'alertId']);
  });

  it('rejects a rate-limit fault with neither everyNth nor firstCalls', () => {
    // Act
    const result = LaceworkScenarioSchema.safeParse({ faults: { rateLimit429: { retryAfterSeconds: 3 } } });

    // Assert
    expect(result.success).toBe(false);
  });
});
