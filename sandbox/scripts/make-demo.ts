// Regenerates sandbox/scenarios/demo.json: `npx tsx sandbox/scripts/make-demo.ts`.
// The demo is the generator's output for a fixed seed, plus three hand-placed cases: one SUSPENDED account (must be
// left out of reports), one account whose member role answers AccessDenied, and one with Config off in eu-west-1.
// The Lacework section is generated last (its own PRNG), after the suspension, so the AWS part does not change.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateScenario } from '../generator';
import { generateLaceworkSection } from '../generator/lacework';
import { LaceworkScenarioSchema } from '../lacework-scenario.schema';
import type { Scenario } from '../scenario.schema';

const SEED = 20261122;
const OUTPUT = join(__dirname, '..', 'scenarios', 'demo.json');
/** Arrays written one element per line, to keep the file short and diffable. */
const ONE_PER_LINE = new Set([
  'accounts',
  'configRules',
  'evaluations',
  'cloudAccounts',
  'policies',
  'alerts',
  'recommendations',
]);

/** JSON with 2-space indentation, except that elements of the arrays above sit on one line each. */
const format = (value: unknown, indent = '', key = ''): string => {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => (ONE_PER_LINE.has(key) ? JSON.stringify(item) : format(item, inner)));
    return `[\n${items.map((item) => `${inner}${item}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner, k)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
};

/** Builds the demo organization. */
export const makeDemo = (): Scenario => {
  const scenario = generateScenario({
    accounts: 21,
    regions: ['us-east-1', 'eu-west-1'],
    rulesPerRegion: 7,
    seed: SEED,
  });
  const org = scenario.organization.accounts;
  const suspended = org[org.length - 1];
  const denied = org[6];
  const configOff = org[10];
  if (suspended === undefined || denied === undefined || configOff === undefined) throw new Error('too few accounts');
  suspended.Status = 'SUSPENDED';
  suspended.State = 'SUSPENDED';
  const deniedAccount = scenario.accounts[denied.Id];
  if (deniedAccount) deniedAccount.assumeRole = 'AccessDenied';
  const offAccount = scenario.accounts[configOff.Id];
  if (offAccount) offAccount.regions['eu-west-1'] = { recorder: false, configRules: [], evaluations: [] };
  const lacework = LaceworkScenarioSchema.parse(generateLaceworkSection(org, SEED));
  const withoutReport = org.filter((account) => account.State === 'ACTIVE' && !lacework.reports[account.Id]);
  return {
    ...scenario,
    lacework,
    name: 'demo',
    description:
      `Demo organization (generateScenario seed ${SEED}, 7 rules per region, then hand-placed cases): ` +
      `${org.length - 1} ACTIVE accounts and 1 SUSPENDED (${suspended.Name}, must be excluded); ` +
      `${denied.Name} denies AssumeRole; ${configOff.Name} has no Config recorder in eu-west-1. ` +
      `Lacework: framework "${lacework.frameworks.join('", "')}" (${lacework.policies.length} policies), ` +
      `${lacework.alerts.length} alerts from 2026-10-01 to 2026-12-31; no compliance report for ` +
      `${withoutReport.map((account) => account.Name).join(' and ')}.`,
  };
};

if (require.main === module) {
  writeFileSync(OUTPUT, `${format(makeDemo())}\n`);
  process.stdout.write(`wrote ${OUTPUT}\n`);
}
