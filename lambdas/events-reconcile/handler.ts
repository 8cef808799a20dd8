import { ReconcileInputSchema, reconcileRun } from '../../core/events/reconcile/reconcile-run.service';
import { ConfigError } from '../../core/shared/errors';
import { createHandler } from '../_shared/create-handler';
import type { EventsDeps } from '../_shared/events-deps';

/** **Reconcile**: nightly; compares the latest states with a weekly run's partials (`{ runId? }`: default the latest). */
export const buildEventsReconcileHandler = (deps: EventsDeps) =>
  createHandler({
    schema: ReconcileInputSchema,
    logger: deps.logger,
    logKeys: (input): Record<string, string> => (input.runId ? { runId: input.runId } : {}),
    run: async (input) => {
      if (!deps.reports) {
        throw new ConfigError(
          'invalid environment: REPORT_BUCKET is required by the reconciliation (the weekly bucket)',
        );
      }
      return reconcileRun(input, {
        store: deps.store,
        clock: deps.clock,
        log: deps.log,
        severity: deps.severity,
        historyTtlDays: deps.env.EVENTS_HISTORY_TTL_DAYS,
        reports: deps.reports,
      });
    },
  });
