import type { LaceworkReports } from './lacework-report';
import type { AccountPartial } from './partial.schema';
import type { ResolvedRun } from './resolve-run.schema';

/**
 * The Lacework part of one Build reports run. The merger hands it every scanned account's partial during its single
 * pass over the partials (so per-account Lacework sections need no second read), then asks for the rows.
 */
export interface LaceworkCollector {
  /** Called once per scanned (ok / partial) account, in account id order. @default - ignored */
  addPartial?(partial: AccountPartial): void;
  /** The run's Lacework rows and errors, after the last partial. A throw is reported on the tabs, never fails the run. */
  finish(): Promise<LaceworkReports>;
}

/**
 * The seam through which the Lacework producer plugs into **Build reports**: a new collector per run.
 *
 * @example
 * const deps: BuildReportsDeps = { store, clock, log, laceworkReports: (run) => new LaceworkReportBuilder(run, api) };
 */
export type LaceworkCollectorFactory = (run: ResolvedRun) => LaceworkCollector;
