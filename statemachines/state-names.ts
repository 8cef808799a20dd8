/**
 * State names of the compliance report workflow, as sentences. One module, reused by the chain factory, the local
 * runner (aws-local-stepfunctions binds handlers by state name) and the tests. Never rename a deployed state lightly:
 * dashboards and redrive history refer to them.
 */
export const StateNames = {
  resolveRun: 'Resolve run',
  listAccounts: 'List accounts',
  scanAndFetch: 'Scan accounts and fetch alerts',
  scanAccounts: 'Scan accounts',
  scanAccount: 'Scan account',
  recordFailedAccount: 'Record failed account',
  accountFailed: 'Account failed',
  traceChanges: 'Trace changes',
  recordTraceFailure: 'Record trace failure',
  accountDone: 'Account done',
  fetchLaceworkAlerts: 'Fetch Lacework alerts',
  recordAlertsFailure: 'Record alerts failure',
  buildReports: 'Build reports',
  notify: 'Notify',
  postToSlack: 'Post to Slack',
  recordSlackFailure: 'Record Slack failure',
  createJiraTicket: 'Create Jira ticket',
  recordJiraFailure: 'Record Jira failure',
  summarizeRun: 'Summarize run',
  notifyFailure: 'Notify failure',
  runFailed: 'Run failed',
} as const;

export type StateName = (typeof StateNames)[keyof typeof StateNames];

/** The top-level states whose failure fails the run; each has its own "<name> failed" note state before Notify failure. */
export const TOP_LEVEL_STATES = [
  StateNames.resolveRun,
  StateNames.listAccounts,
  StateNames.scanAndFetch,
  StateNames.buildReports,
] as const;

/** Name of the Pass state that records which top-level state failed, e.g. "List accounts failed". */
export const failureNoteName = (stateName: string): string => `${stateName} failed`;

/** The Lambda-backed tasks, by the key the infra and the local runner use for their functions. */
export const TaskStates = {
  resolveRun: StateNames.resolveRun,
  listAccounts: StateNames.listAccounts,
  scanAccount: StateNames.scanAccount,
  traceChanges: StateNames.traceChanges,
  fetchLaceworkAlerts: StateNames.fetchLaceworkAlerts,
  buildReports: StateNames.buildReports,
  postToSlack: StateNames.postToSlack,
  createJiraTicket: StateNames.createJiraTicket,
  notifyFailure: StateNames.notifyFailure,
} as const;
export type TaskKey = keyof typeof TaskStates;
