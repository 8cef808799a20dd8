import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keys } from '../../../../../core/domain/keys';
import { type BuildReportsOutput, buildReports } from '../../../../../core/reports/build/build-reports.service';
import { silentLog } from '../../../../../core/shared/log.port';
import { type ExpectedTotals, expectedTotals, loadScenario } from '../../../../../sandbox';
import { aChangeContext, aTracedChange } from '../../../../helpers/builders/change-context.builder';
import { fixedClock } from '../../../../helpers/builders/fixed-clock';
import { aMissingMapResult } from '../../../../helpers/builders/map-results.builder';
import { aResource } from '../../../../helpers/builders/partial.builder';
import { anAccountList, seedRun } from '../../../../helpers/builders/run.builder';
import { partialsFromGroundTruth, scenarioRun } from '../../../../helpers/builders/scenario-partials.builder';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';

/** The resource id that only the first week has (so the second week shows it as Resolved). */
export const GONE_RESOURCE_ID = 'resolved-since-last-week';

/** The user agent of the traced change in week 2: hostile, so the checks see it escaped, never run. */
export const HOSTILE_USER_AGENT = '<script>document.title="pwned"</script>aws-cli/2.15.0';

/** Two weekly runs of the real merger on the demo scenario's ground truth, the reports of week 2 written to `dir`. */
export interface DemoMergerRuns {
  expected: ExpectedTotals;
  dir: string;
  store: InMemoryObjectStore;
  week1: BuildReportsOutput;
  week2: BuildReportsOutput;
}

/**
 * Runs the merger twice on the demo organization: week 1 has one extra non-compliant resource on the first scanned
 * account (Resolved in week 2); week 2 is exactly the ground truth, plus a trace file for that account whose traced
 * change is its first non-compliant resource.
 */
export const runDemoMergerTwice = async (): Promise<DemoMergerRuns> => {
  const expected = expectedTotals(await loadScenario('sandbox/scenarios/demo.json'));
  const dir = await mkdtemp(join(tmpdir(), 'merger-checks-'));
  const store = new InMemoryObjectStore();
  const runWeek = async (runId: string, endDate: string, withExtra: boolean) => {
    const { accounts, run } = scenarioRun(expected, runId, endDate);
    const partials = partialsFromGroundTruth(expected, runId);
    const first = partials.find((p) => p.status === 'ok' && p.regions[0]?.configStatus === 'enabled');
    if (withExtra && first?.regions[0]) {
      first.regions[0].nonCompliant.push(aResource({ resourceId: GONE_RESOURCE_ID }));
    }
    await seedRun(store, accounts, partials, runId);
    const region = first?.regions[0];
    const resource = region?.nonCompliant[0];
    if (!withExtra && first && region && resource) {
      const { ruleName, resourceType, resourceId } = resource;
      const traced = aTracedChange({ region: region.region, ruleName, resourceType, resourceId });
      const event = { ...traced.event, userAgent: HOSTILE_USER_AGENT };
      const trace = aChangeContext({ accountId: first.accountId, traced: [{ ...traced, event }], untraced: [] });
      await store.put(keys.trace(runId, first.accountId), JSON.stringify(trace), 'application/json');
    }
    const input = { run, accounts: anAccountList(accounts, store.bucket, runId), scan: aMissingMapResult() };
    return buildReports(input, { store, clock: fixedClock(), log: silentLog, tmpDir: dir });
  };
  const week1 = await runWeek('demo-week-1', '2026-11-01', true);
  const week2 = await runWeek('demo-week-2', '2026-11-08', false);
  return { expected, dir, store, week1, week2 };
};
