import {
  ListAccountsCommand,
  type ListAccountsCommandOutput,
  type Account as OrgAccount,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { Account } from '../../domain/account.schema';
import { toAppError } from '../../platform/aws/aws-errors';
import { ValidationError } from '../../shared/errors';
import type { AccountDirectory } from '../account-directory.port';

/** Organizations caps `ListAccounts` pages at 20. */
export const LIST_ACCOUNTS_PAGE_SIZE = 20;

const toAccount = (a: OrgAccount): Account => {
  if (!a.Id) throw new ValidationError(`invalid Organizations account: no Id (name ${a.Name ?? 'unknown'})`);
  return {
    id: a.Id,
    name: a.Name ?? a.Id,
    ...(a.Email ? { email: a.Email } : {}),
    // `Status` is retired on 2026-09-09; older emulators and mocks only send it.
    state: a.State ?? a.Status ?? 'UNKNOWN',
  };
};

/**
 * The organization's accounts from Organizations `ListAccounts` (every state; filtering is the service's job).
 * Pages with `MaxResults: 20` and keeps paging through empty pages while `NextToken` is present, as AWS requires.
 */
export class OrganizationsAccountDirectory implements AccountDirectory {
  constructor(private readonly client: OrganizationsClient) {}

  async *listAccounts(): AsyncIterable<Account> {
    let token: string | undefined;
    do {
      let page: ListAccountsCommandOutput;
      try {
        page = await this.client.send(
          new ListAccountsCommand({ MaxResults: LIST_ACCOUNTS_PAGE_SIZE, NextToken: token }),
        );
      } catch (err) {
        throw toAppError(err, { service: 'organizations', operation: 'ListAccounts' });
      }
      for (const account of page.Accounts ?? []) yield toAccount(account);
      token = page.NextToken;
    } while (token);
  }
}
