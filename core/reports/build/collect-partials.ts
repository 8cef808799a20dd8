import type { Account } from '../../domain/account.schema';
import { keys } from '../../domain/keys';
import type { LaceworkCollector, LaceworkCollectorFactory } from '../../domain/lacework-collector.port';
import type { LaceworkReports } from '../../domain/lacework-report';
import type { ResolvedRun } from '../../domain/resolve-run.schema';
import type { ScanSummary } from '../../domain/scan-account.schema';
import type { ObjectStore } from '../../platform/storage/object-store.port';
import type { Log } from '../../shared/log.port';
import { accountOutcomes } from '../account-outcomes';
import { type AggregateResult, ReportAggregator } from '../aggregation';
import { ChangeContextCollector, type ChangeContextReport } from '../change-context/change-context-collector';
import { readChangeContext } from '../change-context/change-context-reader';
import type { NonCompliantCsvWriter } from '../csv-writer';
import { ChangeTracker } from '../history/change-tracker';
import type { PreviousRun } from '../history/history-reader';
import type { RowSpool } from '../row-spool';

/** What one pass over the partials yields. */
export interface CollectedRun {
  result: AggregateResult;
  tracker: ChangeTracker;
  lacework?: LaceworkReports;
  /** The accounts' trace files (Trace changes), folded in the same pass. */
  changeContext: ChangeContextReport;
}

/** Inputs of {@link collectRun}. */
export interface CollectRunSources {
  run: ResolvedRun;
  accounts: readonly Pick<Account, 'id' | 'name'>[];
  summaries: ReadonlyMap<string, ScanSummary>;
  previous?: PreviousRun;
  store: ObjectStore;
  log: Log;
  spool: RowSpool;
  /** Gets the same rows as the spool, in final order (so the CSV needs no second read of the spool). */
  csv: NonCompliantCsvWriter;
  lacework?: LaceworkCollectorFactory;
}

const finishLacework = async (collector: LaceworkCollector | undefined, log: Log) => {
  if (!collector) return undefined;
  try {
    return await collector.finish();
  } catch (error) {
    log.warn('lacework reports failed; the tabs show the error', { error: (error as Error).message });
    return { frameworks: [], errors: [`lacework reports failed: ${(error as Error).message}`] };
  }
};

/**
 * The single pass over the partials, in account id order, one partial in memory at a time: folds each account into
 * the aggregates, compares its rows with the previous run (New flags), reads the account's trace file (missing: not
 * traced; unusable: a warning and an error line, never a failure) to fill the rows' change columns, spools them, and
 * hands the partial to the Lacework collector. Closes the spool whatever happens.
 */
export const collectRun = async (sources: CollectRunSources): Promise<CollectedRun> => {
  const { spool, csv, log } = sources;
  const aggregator = new ReportAggregator();
  const tracker = new ChangeTracker(sources.previous);
  const collector = sources.lacework?.(sources.run);
  const changes = new ChangeContextCollector();
  try {
    const outcomes = accountOutcomes({ runId: sources.run.runId, ...sources });
    for await (const outcome of outcomes) {
      if (outcome.kind === 'failed') {
        aggregator.addFailed(outcome.failure);
        continue;
      }
      const { account, partial } = outcome;
      const rows = aggregator.addScanned(account, partial);
      const recording = partial.regions.filter((r) => r.configStatus === 'enabled').map((r) => r.region);
      tracker.addScannedRegions(account.id, recording);
      const traceKey = keys.trace(sources.run.runId, account.id);
      const trace = await readChangeContext(sources.store, traceKey, account.id);
      if (trace.kind === 'unusable')
        log.warn('trace file unusable; the account is shown as not traced', { error: trace.error });
      const changeOf = changes.addAccount({ id: account.id, name: account.name }, trace);
      await spool.append(rows, tracker.observe(rows), changeOf);
      await csv.append(rows);
      collector?.addPartial?.(partial);
    }
  } finally {
    await spool.close();
    await csv.close();
  }
  return {
    result: aggregator.result(),
    tracker,
    lacework: await finishLacework(collector, log),
    changeContext: changes.finish(),
  };
};
