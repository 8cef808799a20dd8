// Temporary (not committed): writes the demo's reports with a fixed clock, for the byte-identical check.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyReports } from '../../cli/local/copy-reports';
import { loadScenario } from '../../sandbox/load-scenario';
import { startWorkflowHarness } from './workflow-harness';

const main = async () => {
  const scenario = await loadScenario('sandbox/scenarios/demo.json');
  const harness = await startWorkflowHarness(scenario as never, { TRACE_LIMIT: '50' });
  (harness.deps as unknown as { clock: unknown }).clock = { now: () => new Date('2026-11-16T01:00:00.000Z') };
  const result = await harness.run({ startDate: '2026-11-09', endDate: '2026-11-15' }, 'golden');
  const out = mkdtempSync('/tmp/golden-');
  const prefix = (result as unknown as { output: { reports: { prefix: string } } }).output.reports.prefix;
  await copyReports(harness.deps.store, prefix, out);
  await harness.stop();
  const lines: string[] = [];
  for (const name of readdirSync(out).sort()) {
    const path = join(out, name);
    if (name.endsWith('.xlsx')) {
      const dir = mkdtempSync('/tmp/golden-x-');
      execFileSync('unzip', ['-q', path, '-d', dir]);
      const walk = (d: string, rel = ''): void => {
        for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
          if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
          else {
            let text = readFileSync(join(d, e.name), 'utf8');
            text = text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'T');
            lines.push(`${name}!${rel}${e.name} ${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
          }
        }
      };
      walk(dir);
      rmSync(dir, { recursive: true });
    } else {
      lines.push(`${name} ${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}`);
    }
  }
  console.log(lines.join('\n'));
  console.log('OUTDIR', out);
};
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
