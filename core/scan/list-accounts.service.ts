import type { Account, AccountsFile } from '../domain/account.schema';
import { keys } from '../domain/keys';
import type { AccountList } from '../domain/list-accounts.schema';
import type { ResolvedRun } from '../domain/resolve-run.schema';
import type { Clock } from '../platform/clock.port';
import type { ObjectStore } from '../platform/storage/object-store.port';
import { NoAccountsFoundError } from '../shared/errors';
import type { Log } from '../shared/log.port';
import type { AccountDirectory } from './account-directory.port';

/** Ports of {@link listAccounts}. */
export interface ListAccountsDeps {
  directory: AccountDirectory;
  store: ObjectStore;
  clock: Clock;
  log: Log;
}

const ACTIVE = 'ACTIVE';

const describeFilters = (
  run: ResolvedRun,
  counts: { listed: number; active: number; afterInclude: number; selected: number },
  notActive: string[],
): string => {
  const parts = [`the organization listed ${counts.listed} accounts, ${counts.active} active`];
  if (run.includeAccounts.length > 0) {
    parts.push(`the include filter (${run.includeAccounts.join(', ')}) kept ${counts.afterInclude}`);
  }
  if (run.excludeAccounts.length > 0) {
    parts.push(
      `the exclude filter (${run.excludeAccounts.join(', ')}) removed ${counts.afterInclude - counts.selected}`,
    );
  }
  if (notActive.length > 0) parts.push(`included but not active members: ${notActive.join(', ')}`);
  return parts.join('; ');
};

/**
 * **List accounts**: the organization's accounts to scan, written to `runs/<runId>/accounts.json`.
 *
 * 1. Read every account from the directory (all pages).
 * 2. Keep `ACTIVE` accounts; apply the include filter (when non-empty), then the exclude filter. An included id that
 *    is not an active member is logged as a warning.
 * 3. Zero accounts left → NoAccountsFoundError saying how many were listed, active, and which filter removed them.
 * 4. Write the accounts file (a JSON array sorted by id, the Distributed Map's items) and return its location and count.
 */
export const listAccounts = async (run: ResolvedRun, deps: ListAccountsDeps): Promise<AccountList> => {
  const { directory, store, clock, log } = deps;
  const all: Account[] = [];
  for await (const account of directory.listAccounts()) all.push(account);

  const active = all.filter((a) => a.state === ACTIVE);
  const activeIds = new Set(active.map((a) => a.id));
  const include = new Set(run.includeAccounts);
  const exclude = new Set(run.excludeAccounts);

  const notActive = run.includeAccounts
    .filter((id) => !activeIds.has(id))
    .map((id) => `${id} (${all.find((a) => a.id === id)?.state ?? 'not in the organization'})`);
  for (const entry of notActive) {
    log.warn('included account is not an active member; skipping it', { account: entry, runId: run.runId });
  }

  const included = include.size > 0 ? active.filter((a) => include.has(a.id)) : active;
  const selected = included.filter((a) => !exclude.has(a.id)).sort((a, b) => a.id.localeCompare(b.id));

  if (selected.length === 0) {
    const counts = { listed: all.length, active: active.length, afterInclude: included.length, selected: 0 };
    throw new NoAccountsFoundError(
      `no accounts to scan in run ${run.runId}: ${describeFilters(run, counts, notActive)}; check the accounts input and INCLUDE_ACCOUNTS/EXCLUDE_ACCOUNTS`,
    );
  }

  const key = keys.accounts(run.runId);
  const file: AccountsFile = selected;
  await store.put(key, `${JSON.stringify(file, null, 2)}\n`, 'application/json');
  log.info('listed accounts', {
    runId: run.runId,
    listed: all.length,
    active: active.length,
    selected: selected.length,
    listedAt: clock.now().toISOString(),
  });
  return { bucket: store.bucket, key, count: selected.length };
};
