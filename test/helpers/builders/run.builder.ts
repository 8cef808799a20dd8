import type { Account, AccountsFile } from '../../../core/domain/account.schema';
import { keys } from '../../../core/domain/keys';
import type { AccountList } from '../../../core/domain/list-accounts.schema';
import type { AccountPartial } from '../../../core/domain/partial.schema';
import type { ResolvedRun } from '../../../core/domain/resolve-run.schema';
import type { ObjectStore } from '../../../core/platform/storage/object-store.port';

/** The resolved run `run-1` for the week 2026-11-02 to 2026-11-08. */
export const aRun = (overrides: Partial<ResolvedRun> = {}): ResolvedRun => ({
  runId: 'run-1',
  startDate: '2026-11-02',
  endDate: '2026-11-08',
  timeZone: 'Asia/Hong_Kong',
  regions: ['us-east-1'],
  frameworks: [],
  includeAccounts: [],
  excludeAccounts: [],
  notify: false,
  ...overrides,
});

/** An ACTIVE account named after its id unless overridden. */
export const anAccount = (id: string, name = `account-${id.slice(-4)}`): Account => ({ id, name, state: 'ACTIVE' });

/** accounts.json with these accounts (a JSON array, as List accounts writes it). */
export const anAccountsFile = (accounts: Account[]): AccountsFile => [...accounts];

/** The List accounts output pointing at accounts.json of `runId`. */
export const anAccountList = (accounts: Account[], bucket = 'test-bucket', runId = 'run-1'): AccountList => ({
  bucket,
  key: keys.accounts(runId),
  count: accounts.length,
});

/** Writes accounts.json and the given partials (raw strings are written as is, e.g. corrupt JSON). */
export const seedRun = async (
  store: ObjectStore,
  accounts: Account[],
  partials: (AccountPartial | { accountId: string; raw: string })[],
  runId = 'run-1',
): Promise<void> => {
  await store.put(keys.accounts(runId), JSON.stringify(anAccountsFile(accounts)), 'application/json');
  for (const p of partials) {
    const body = 'raw' in p ? p.raw : JSON.stringify(p);
    await store.put(keys.partial(runId, p.accountId), body, 'application/json');
  }
};
