// Regenerates sandbox/scenarios/demo-next-week.json: `npx tsx sandbox/scripts/make-demo-next-week.ts`.
// The demo organization a week later: every 7th non-compliant result was fixed and every 11th compliant result
// regressed (deterministic), so a second local run shows Resolved and New resources and a two-point trend:
//   npm start -- --end-date 2026-11-15 && npm start -- --scenario sandbox/scenarios/demo-next-week.json
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../load-scenario';
import type { Scenario } from '../scenario.schema';
import { formatScenario } from './format-scenario';

const SOURCE = join(__dirname, '..', 'scenarios', 'demo.json');
const OUTPUT = join(__dirname, '..', 'scenarios', 'demo-next-week.json');

// Validated, but edited on the raw JSON so that every untouched record keeps its bytes.
const raw = JSON.parse(readFileSync(SOURCE, 'utf8'));
parseScenario(raw, SOURCE);
const scenario = raw as Scenario;
let nonCompliantSeen = 0;
let compliantSeen = 0;
for (const account of Object.values(scenario.accounts)) {
  for (const region of Object.values(account.regions)) {
    for (const evaluation of region.evaluations) {
      if (evaluation.ComplianceType === 'NON_COMPLIANT' && ++nonCompliantSeen % 7 === 0) {
        evaluation.ComplianceType = 'COMPLIANT';
        delete evaluation.Annotation;
      } else if (evaluation.ComplianceType === 'COMPLIANT' && ++compliantSeen % 11 === 0) {
        evaluation.ComplianceType = 'NON_COMPLIANT';
        evaluation.Annotation = 'Changed since last week.';
      }
    }
  }
}
const next = {
  ...scenario,
  name: 'demo-next-week',
  description: `${scenario.description ?? ''} One week later.`.trim(),
};
writeFileSync(OUTPUT, `${formatScenario(next)}\n`);
process.stdout.write(`wrote ${OUTPUT}\n`);
