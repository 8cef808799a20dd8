/**
 * The S3 layout of the report bucket (`runs/<runId>/…` for a run's work files, `reports/<endDate>/<runId>/…` for its
 * reports, `history/<endDate>.json` for the trend), in one place. Rerunning a run id writes the same keys: a run is
 * idempotent.
 */
export const keys = {
  accounts: (runId: string) => `runs/${runId}/accounts.json`,
  partialsPrefix: (runId: string) => `runs/${runId}/partials/`,
  partial: (runId: string, accountId: string) => `runs/${runId}/partials/${accountId}.json`,
  /** The change context of one account (Trace changes). */
  trace: (runId: string, accountId: string) => `runs/${runId}/traces/${accountId}.json`,
  mapResultsPrefix: (runId: string) => `runs/${runId}/map/`,
  reportPrefix: (endDate: string, runId: string) => `reports/${endDate}/${runId}/`,
  history: (endDate: string) => `history/${endDate}.json`,
} as const;
