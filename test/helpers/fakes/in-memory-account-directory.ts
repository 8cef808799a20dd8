import type { Account } from '../../../core/domain/account.schema';
import type { AccountDirectory } from '../../../core/scan/account-directory.port';

/** An AccountDirectory over a list; `failWith` makes listing throw (e.g. a ThrottledError). */
export class InMemoryAccountDirectory implements AccountDirectory {
  failWith?: Error;
  constructor(readonly accounts: Account[] = []) {}

  async *listAccounts(): AsyncIterable<Account> {
    if (this.failWith) throw this.failWith;
    yield* this.accounts;
  }
}

/** An Account builder with sensible defaults. */
export const account = (id: string, overrides: Partial<Account> = {}): Account => ({
  id,
  name: `account-${id.slice(-4)}`,
  state: 'ACTIVE',
  ...overrides,
});
