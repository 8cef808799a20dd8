// Regenerates sandbox/scenarios/demo.json: `npx tsx sandbox/scripts/make-demo.ts`.
// The demo is the generator's output for a fixed seed, plus three hand-placed cases: one SUSPENDED account (must be
// left out of reports), one account whose member role answers AccessDenied, and one with Config off in eu-west-1.
// The Lacework section is generated last (its own PRNG), after the suspension, so the AWS part does not change.
// Traced changes are added last by `addTracedChanges` (demo-traced-changes.ts): CloudTrail records and configuration
// items for a few resources that turned NON_COMPLIANT in the default week. The generator has changed since demo.json
// was written, so `npx tsx sandbox/scripts/make-demo.ts --traces-only` re-adds them to the committed demo.json and
// leaves every other record as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateScenario } from '../generator/generate-scenario';
import { generateLaceworkSection } from '../generator/lacework';
import { LaceworkScenarioSchema } from '../lacework-scenario.schema';
import type { Scenario } from '../scenario.schema';
import { addTracedChanges } from './demo-traced-changes';
import { formatScenario as format } from './format-scenario';

const SEED = 20261122;
const OUTPUT = join(__dirname, '..', 'scenarios', 'demo.json');

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
  return addTracedChanges({
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
  });
};

if (require.main === module) {
  const demo = process.argv.includes('--traces-only')
    ? addTracedChanges(JSON.parse(readFileSync(OUTPUT, 'utf8')) as Scenario)
    : makeDemo();
  writeFileSync(OUTPUT, `${format(demo)}\n`);
  process.stdout.write(`wrote ${OUTPUT}\n`);
}
