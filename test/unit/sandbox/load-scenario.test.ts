import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '../../../core/shared/errors';
import { loadScenario, parseScenario, type ScenarioInput } from '../../../sandbox';
import { fixture } from './sandbox-clients';

const small = (): ScenarioInput => JSON.parse(JSON.stringify(loadScenario(fixture('small'))));

const messageOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as Error).message;
  }
  throw new Error('expected a ValidationError');
};

describe('loadScenario', () => {
  it('reads a scenario file and applies the defaults', () => {
    // Act
    const scenario = loadScenario(fixture('small'));

    // Assert
    expect(scenario.name).toBe('small');
    expect(scenario.externalId).toBe('compliance-report-sandbox');
    expect(scenario.memberRoleName).toBe('ComplianceReader');
    expect(scenario.accounts['222222222222']?.regions['eu-west-1']).toEqual({
      recorder: false,
      configRules: [],
      evaluations: [],
    });
  });

  it('throws a ValidationError naming the file when it is not JSON', () => {
    // Arrange
    const path = join(mkdtempSync(join(tmpdir(), 'scenario-')), 'broken.json');
    writeFileSync(path, '{ "name": ');

    // Act
    const message = messageOf(() => loadScenario(path));

    // Assert
    expect(message).toContain(`invalid scenario file ${path}: not JSON`);
  });

  it('throws a ValidationError naming the path when the file is missing', () => {
    expect(messageOf(() => loadScenario('sandbox/scenarios/nope.json'))).toContain(
      'cannot read scenario file sandbox/scenarios/nope.json',
    );
  });
});

describe('parseScenario', () => {
  it('names the file, the field path, the value and the fix', () => {
    // Arrange
    const json = small() as unknown as { accounts: Record<string, { regions: Record<string, { recorder: unknown }> }> };
    const region = json.accounts['222222222222']?.regions['us-east-1'];
    if (region) region.recorder = 'yes';

    // Act
    const message = messageOf(() => parseScenario(json, 'sandbox/x.json'));

    // Assert
    expect(message).toMatch(/^invalid scenario file sandbox\/x\.json: ✖ expected true \(recording\), "stopped"/);
    expect(message).toContain('received "yes"');
    expect(message).toContain('→ at accounts.222222222222.regions.us-east-1.recorder');
    expect(message).toContain('fix the field');
  });

  it('rejects unknown top-level keys', () => {
    expect(messageOf(() => parseScenario({ ...small(), acounts: {} }, 'typo.json'))).toContain(
      'Unrecognized key: "acounts"',
    );
  });

  it('rejects unknown keys in the scenario structure', () => {
    // Arrange
    const json = small();
    const account = json.accounts['222222222222'] as unknown as Record<string, unknown>;
    account.assume = 'ok';

    // Act
    const message = messageOf(() => parseScenario(json, 'typo.json'));

    // Assert
    expect(message).toContain('Unrecognized key: "assume"');
    expect(message).toContain('→ at accounts.222222222222');
  });

  it('keeps unknown fields of AWS records', () => {
    // Arrange
    const json = small();
    const [first] = json.organization.accounts;
    if (first) Object.assign(first, { Paths: ['o-abc1234567/r-ab12/'] });

    // Act
    const scenario = parseScenario(json, 'paths.json');

    // Assert
    expect(scenario.organization.accounts[0]).toMatchObject({ Paths: ['o-abc1234567/r-ab12/'] });
  });

  it('rejects an account missing from the organization', () => {
    // Arrange
    const json = small();
    json.accounts['999999999999'] = { assumeRole: 'ok', regions: {} };

    // Act
    const message = messageOf(() => parseScenario(json, 'orphan.json'));

    // Assert
    expect(message).toContain('account 999999999999 is not in organization.accounts');
    expect(message).toContain('→ at accounts.999999999999');
  });

  it('rejects an evaluation of a rule the region does not have', () => {
    // Arrange
    const json = small();
    const [evaluation] = json.accounts['222222222222']?.regions['us-east-1']?.evaluations ?? [];
    if (evaluation) evaluation.EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName = 'ghost-rule';

    // Act
    const message = messageOf(() => parseScenario(json, 'ghost.json'));

    // Assert
    expect(message).toContain('evaluation names rule "ghost-rule", which is not in configRules of us-east-1');
    expect(message).toContain(
      '→ at accounts.222222222222.regions.us-east-1.evaluations.0.EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName',
    );
  });

  it('rejects INSUFFICIENT_DATA on an evaluation result', () => {
    // Arrange
    const json = small();
    const [evaluation] = json.accounts['222222222222']?.regions['us-east-1']?.evaluations ?? [];
    if (evaluation) Object.assign(evaluation, { ComplianceType: 'INSUFFICIENT_DATA' });

    // Act
    const message = messageOf(() => parseScenario(json, 'types.json'));

    // Assert
    expect(message).toContain('an EvaluationResult is never INSUFFICIENT_DATA');
    expect(message).toContain('accounts.222222222222.regions.us-east-1.evaluations.0.ComplianceType');
  });

  it('rejects an account id that is not 12 digits', () => {
    // Arrange
    const json = small();
    const [first] = json.organization.accounts;
    if (first) first.Id = '1234';

    // Act
    const message = messageOf(() => parseScenario(json, 'ids.json'));

    // Assert
    expect(message).toContain('expected a 12-digit AWS account id');
    expect(message).toContain('(value: "1234")');
    expect(message).toContain('→ at organization.accounts.0.Id');
  });
});
