import { readFileSync } from 'node:fs';
import { parseScenario } from '../../../sandbox';

/**
 * Bad and hostile scenario files through `parseScenario`: each fails with a ValidationError that names the source,
 * the field's path and the fix, in a bounded message; nothing leaks into Object.prototype.
 */
const small = (): Record<string, unknown> =>
  JSON.parse(readFileSync('test/fixtures/scenarios/small.json', 'utf8')) as Record<string, unknown>;

// biome-ignore lint/suspicious/noExplicitAny: test edits reach deep into an untyped JSON document
type Json = Record<string, any>;

/** `small.json` with one change made by `edit` (which gets a mutable copy). */
const variant = (edit: (s: Json) => void): Record<string, unknown> => {
  const scenario = small();
  edit(scenario);
  return scenario;
};

const firstAccount = (s: Json) => s.organization.accounts[0];
const firstRegion = (s: Json) => s.accounts['111111111111'].regions['us-east-1'];

describe('parseScenario with bad and hostile files', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts the fixture it mutates (so each failure below is caused by its one change)', () => {
    // Act
    const scenario = parseScenario(small(), 'small.json');

    // Assert
    expect(scenario.organization.accounts.length).toBeGreaterThan(0);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 'scenario', /expected object/],
    ['a missing name', variant((s) => delete s.name), /→ at name/],
    ['a number for the name', variant((s) => (s.name = 42)), /→ at name/],
    ['a missing organization', variant((s) => delete s.organization), /→ at organization/],
    ['an account id with 11 digits', variant((s) => (firstAccount(s).Id = '11111111111')), /12-digit/],
    [
      'an unexpected account State',
      variant((s) => (firstAccount(s).State = 'ZOMBIE')),
      /organization\.accounts\.0\.State/,
    ],
    [
      'an unexpected assumeRole',
      variant((s) => (s.accounts['111111111111'].assumeRole = 'maybe')),
      /"ok" or "AccessDenied"/,
    ],
    ['a recorder that is a string', variant((s) => (firstRegion(s).recorder = 'on')), /"stopped"/],
    [
      'an evaluation ComplianceType INSUFFICIENT_DATA',
      variant((s) => (firstRegion(s).evaluations[0].ComplianceType = 'INSUFFICIENT_DATA')),
      /never INSUFFICIENT_DATA/,
    ],
    [
      'a timestamp that is text',
      variant((s) => (firstRegion(s).evaluations[0].ResultRecordedTime = 'monday')),
      /ISO datetime[\s\S]*evaluations\.0\.ResultRecordedTime/,
    ],
    [
      'a 1 MB rule name',
      variant((s) => (firstRegion(s).configRules[0].ConfigRuleName = 'r'.repeat(1_000_000))),
      /ConfigRuleName/,
    ],
    ['an unknown top-level key', variant((s) => (s.faultz = {})), /faultz/],
    ['a throttle rate above 1', variant((s) => (s.faults = { configThrottleRate: 1.5 })), /configThrottleRate/],
    [
      'an unknown corruption kind',
      variant((s) => (s.faults = { configCorruptResponses: [{ account: '111111111111', kind: 'gremlins' }] })),
      /configCorruptResponses/,
    ],
    [
      'a prototype-pollution key',
      JSON.parse(JSON.stringify(small()).replace(/^\{/, '{"__proto__":{"polluted":true},')),
      /__proto__/,
    ],
    [
      'a region that is not one',
      variant((s) => (s.accounts['111111111111'].regions['mars-1'] = {})),
      /regions\.mars-1/,
    ],
  ])('throws a ValidationError naming the field on %s', (_, json, field) => {
    // Act
    const parse = () => parseScenario(json, 'hostile.json');

    // Assert
    expect(parse).toThrow(expect.objectContaining({ name: 'ValidationError', message: expect.stringMatching(field) }));
    expect(parse).toThrow(/invalid scenario file hostile\.json/);
    let message = '';
    try {
      parse();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.length).toBeLessThan(4_000);
  });
});
