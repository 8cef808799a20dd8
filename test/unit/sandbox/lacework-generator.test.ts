import { join } from 'node:path';
import { generateScenario, loadScenario, ScenarioSchema } from '../../../sandbox';

const OPTIONS = { accounts: 12, regions: ['us-east-1'], rulesPerRegion: 3, seed: 7 };
const DEMO = join(__dirname, '..', '..', '..', 'sandbox', 'scenarios', 'demo.json');
const WEEK_MS = 7 * 86_400_000;

const isCompliance = (alert: { derivedFields?: { sub_category?: string } }): boolean =>
  alert.derivedFields?.sub_category?.toLowerCase() === 'compliance';

describe('generateScenario with lacework', () => {
  it('leaves the AWS part unchanged and is deterministic', () => {
    // Act
    const plain = generateScenario(OPTIONS);
    const withLacework = generateScenario({ ...OPTIONS, lacework: true });
    const again = generateScenario({ ...OPTIONS, lacework: true });

    // Assert
    expect({ ...withLacework, lacework: undefined }).toEqual({ ...plain, lacework: undefined });
    expect(JSON.stringify(again)).toBe(JSON.stringify(withLacework));
  });

  it('produces a section the schema accepts, with the framework defined and one policy deliberately missing', () => {
    // Arrange
    const scenario = generateScenario({ ...OPTIONS, lacework: true });
    const lacework = scenario.lacework;

    // Act
    const result = ScenarioSchema.safeParse(JSON.parse(JSON.stringify(scenario)));
    const referenced = lacework?.reportDefinitions[0]?.reportDefinition.sections.flatMap((s) => s.policies) ?? [];
    const known = new Set(lacework?.policies.map((p) => p.policyId));

    // Assert
    expect(result.error).toBeUndefined();
    expect(lacework?.frameworks).toEqual(['AWS ISO 27001:2013']);
    expect(referenced.filter((id) => !known.has(id))).toEqual(['lacework-global-248']);
    expect(new Set(lacework?.policies.map((p) => p.policyType))).toEqual(
      new Set(['Compliance', 'Manual', 'Violation']),
    );
    expect(lacework?.policies.filter((p) => p.enabled === false)).toHaveLength(1);
  });

  it('gives every active account but the last two a report', () => {
    // Act
    const scenario = generateScenario({ ...OPTIONS, lacework: true });

    // Assert
    const ids = scenario.organization.accounts.map((a) => a.Id);
    expect(Object.keys(scenario.lacework?.reports ?? {})).toEqual(ids.slice(0, -2));
  });
});

describe('demo scenario lacework section', () => {
  const lacework = loadScenario(DEMO).lacework;

  it('has 2 to 3 compliance alerts in every week from 2026-10-05 to 2026-12-27, with Resource entities', () => {
    // Arrange
    const compliance = lacework?.alerts.filter(isCompliance) ?? [];

    // Act
    const perWeek: number[] = [];
    for (let week = Date.parse('2026-10-05T00:00:00Z'); week < Date.parse('2026-12-28T00:00:00Z'); week += WEEK_MS) {
      perWeek.push(
        compliance.filter((a) => Date.parse(a.startTime) >= week && Date.parse(a.startTime) < week + WEEK_MS).length,
      );
    }

    // Assert
    expect(perWeek.every((n) => n >= 2 && n <= 3)).toBe(true);
    expect(compliance.every((a) => String(a.entityMap?.Resource?.[0]?.KEY?.resource).startsWith('arn:aws:'))).toBe(
      true,
    );
    expect(lacework?.alerts.filter((a) => !isCompliance(a)).length).toBeGreaterThan(0);
  });

  it('has status aliases, string counts and REC_IDs outside the framework in its reports', () => {
    // Arrange
    const recs = Object.values(lacework?.reports ?? {}).flatMap((byName) =>
      Object.values(byName).flatMap((report) => report.recommendations),
    );
    const framework = new Set(lacework?.reportDefinitions[0]?.reportDefinition.sections.flatMap((s) => s.policies));

    // Assert
    expect(recs.some((r) => r.STATUS === 'non-compliant')).toBe(true);
    expect(recs.some((r) => typeof r.RESOURCE_COUNT === 'string')).toBe(true);
    expect(recs.some((r) => !framework.has(r.REC_ID))).toBe(true);
    expect(new Set(recs.map((r) => r.STATUS))).toEqual(
      new Set([
        'Compliant',
        'NonCompliant',
        'non-compliant',
        'RequiresManualAssessment',
        'CouldNotAssess',
        'Suppressed',
      ]),
    );
  });
});
