import type { Account } from '../domain/account.schema';

/** The organization's member accounts (Organizations `ListAccounts`, every page, every state). */
export interface AccountDirectory {
  listAccounts(): AsyncIterable<Account>;
}
