import type { LaceworkCollectorFactory } from '../domain/lacework-collector.port';
import type { LaceworkReports } from '../domain/lacework-report';
import type { Clock } from '../platform/clock.port';
import type { ObjectStore } from '../platform/storage/object-store.port';
import type { Log } from '../shared/log.port';
import { buildLaceworkReports, createFrameworkAccumulator } from './frameworks/build-lacework-reports';
import { createPolicyCatalog } from './frameworks/policy-catalog';
import type { LaceworkApi } from './lacework-api.port';

/** Ports and settings of {@link createLaceworkCollectorFactory}. */
export interface LaceworkCollectorDeps {
  lacework: () => Promise<LaceworkApi | undefined>;
  store: ObjectStore;
  clock: Clock;
  log: Log;
  policyCacheTtlHours: number;
}

/**
 * The Lacework producer for **Build reports**: per run, it folds each partial's framework reports while the merger
 * streams them, then builds the framework rows (definitions and policy details through the S3 policy cache) and reads
 * the alerts partial. Lacework failures come back as `errors` on the tabs and in the summary; the key being unreadable
 * makes `finish` throw, which the merger reports the same way.
 */
export const createLaceworkCollectorFactory =
  (deps: LaceworkCollectorDeps): LaceworkCollectorFactory =>
  (run) => {
    const accumulator = createFrameworkAccumulator(run.frameworks);
    return {
      addPartial: (partial) => accumulator.add(partial.accountId, partial.lacework?.frameworks),
      finish: async (): Promise<LaceworkReports> => {
        const api = await deps.lacework();
        if (!api) return { frameworks: [], errors: ['Lacework is not configured (no API key secret)'] };
        const { store, clock, log } = deps;
        const catalog = createPolicyCatalog({ api, store, clock, log, ttlHours: deps.policyCacheTtlHours });
        return buildLaceworkReports({ accumulator, api, catalog, store, runId: run.runId, includeAlerts: true, log });
      },
    };
  };
