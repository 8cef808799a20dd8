import { StateNames } from '../../statemachines/state-names';
import type { EventLog } from './run-local-workflow';

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});

/** A scanned account's counts: its rules, its evaluated resources, and the regions where Config is off. */
const scannedDetail = (counts: Json): string => {
  const off = Number(counts.configDisabledRegions ?? 0);
  const regions = off > 0 ? `; Config off in ${off} region${off === 1 ? '' : 's'}` : '';
  return `${counts.rules ?? 0} rules; resources ${counts.compliant ?? 0} compliant, ${counts.nonCompliant ?? 0} non-compliant${regions}`;
};

/**
 * Turns execution events into one human line per milestone: the accounts found, each account as it finishes (with
 * its status and counts), retries, and the reports. Lines go to `write` (stderr in the CLI, an array in tests).
 */
export const createProgressReporter = (write: (line: string) => void) => {
  let total = 0;
  let finished = 0;
  let failed = 0;
  /** The last error of each account's Scan account attempt, named when the retry is announced. */
  const lastError = new Map<string, string>();
  const counter = () => `[${String(finished).padStart(String(total).length)}/${total}]`;

  return (event: EventLog): void => {
    if (event.type === 'StateEntered' && event.index === undefined) {
      if (event.state.name !== StateNames.scanAccounts) write(`→ ${event.state.name}`);
      return;
    }
    if (event.type === 'StateFailed' && event.state.name === StateNames.scanAccount) {
      lastError.set(String(asObject(event.state.input).accountId), event.Error);
      return;
    }
    if (event.type === 'StateRetried' && event.state.name === StateNames.scanAccount) {
      const accountId = String(asObject(event.state.input).accountId);
      write(`  ↻ ${accountId}: retry ${event.retry.attempt} after ${lastError.get(accountId) ?? 'an error'}`);
      return;
    }
    if (event.type !== 'StateExited') return;
    const output = asObject(event.state.output);
    if (event.state.name === StateNames.resolveRun) {
      // Resolve run's result sits at `$.run` of the state output.
      const run = asObject(output.run ?? output);
      const regions = Array.isArray(run.regions) ? run.regions.join(', ') : '';
      write(`  report week ${run.startDate} to ${run.endDate} (run ${run.runId}), regions ${regions}`);
    } else if (event.state.name === StateNames.listAccounts) {
      total = Number(asObject(output.accounts).count ?? output.count ?? 0);
      write(`  ${total} accounts to scan`);
    } else if (event.state.name === StateNames.scanAccount && output.summary === undefined && 'error' in output) {
      // A caught Scan account failure also exits the state (with the Catch's `$.error`): Record failed account,
      // next, prints the account once.
      return;
    } else if (event.state.name === StateNames.scanAccount || event.state.name === StateNames.recordFailedAccount) {
      finished += 1;
      // Scan account keeps its input and puts the account's ScanSummary at `$.summary`; Record failed account's
      // output is `{ error }`, the caught error that fails the account's child execution (Account failed).
      const failure = event.state.name === StateNames.recordFailedAccount ? asObject(output.error) : undefined;
      const summary = failure ? {} : asObject(output.summary);
      const status = failure ? 'failed' : String(summary.status ?? 'unknown');
      if (status === 'failed') failed += 1;
      const counts = asObject(summary.counts);
      const detail = failure
        ? `${failure.Error}: ${failure.Cause}`
        : status === 'failed'
          ? ((summary.errors as string[] | undefined)?.[0] ?? '')
          : scannedDetail(counts);
      const accountId = summary.accountId ?? asObject(event.state.input).accountId;
      write(`  ${counter()} ${accountId} ${status.padEnd(7)} ${detail}`.trimEnd());
    } else if (event.state.name === StateNames.scanAccounts) {
      write(`  ${finished} accounts: ${finished - failed} scanned, ${failed} failed`);
    }
  };
};
