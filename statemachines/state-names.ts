/**
 * State names of the compliance report workflow, as sentences. One module, reused by the chain factory, the local
 * runner (aws-local-stepfunctions binds handlers by state name) and the tests. Never rename a deployed state lightly:
 * dashboards and redrive history refer to them.
 */
export const StateNames = {
  resolveRun: 'Resolve run',
  listAccounts: 'List accounts',
  scanAccounts: 'Scan accounts',
  scanAccount: 'Scan account',
  recordFailedAccount: 'Record failed account',
  buildReports: 'Build reports',
  runFailed: 'Run failed',
} as const;

export type StateName = (typeof StateNames)[keyof typeof StateNames];

/** The Lambda-backed tasks, by the key the infra and the local runner use for their functions. */
export const TaskStates = {
  resolveRun: StateNames.resolveRun,
  listAccounts: StateNames.listAccounts,
  scanAccount: StateNames.scanAccount,
  buildReports: StateNames.buildReports,
} as const;
export type TaskKey = keyof typeof TaskStates;
