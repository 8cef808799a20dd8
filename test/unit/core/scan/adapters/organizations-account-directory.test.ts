import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { OrganizationsAccountDirectory } from '../../../../../core/scan/adapters/organizations-account-directory';
import { ThrottledError } from '../../../../../core/shared/errors';
import { awsError } from '../../../../helpers/fakes/aws-sdk-errors';

const orgs = mockClient(OrganizationsClient);

const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
};

describe('OrganizationsAccountDirectory', () => {
  beforeEach(() => orgs.reset());

  describe('listAccounts', () => {
    it('pages with MaxResults 20 through an empty page while NextToken is present', async () => {
      // Arrange
      orgs
        .on(ListAccountsCommand)
        .resolvesOnce({
          Accounts: [{ Id: '111111111111', Name: 'one', Email: 'one@example.com', State: 'ACTIVE' }],
          NextToken: 't1',
        })
        .resolvesOnce({ Accounts: [], NextToken: 't2' })
        .resolvesOnce({ Accounts: [{ Id: '222222222222', Name: 'two', State: 'SUSPENDED' }] });
      const directory = new OrganizationsAccountDirectory(new OrganizationsClient({ region: 'us-east-1' }));

      // Act
      const accounts = await collect(directory.listAccounts());

      // Assert
      expect(accounts).toEqual([
        { id: '111111111111', name: 'one', email: 'one@example.com', state: 'ACTIVE' },
        { id: '222222222222', name: 'two', state: 'SUSPENDED' },
      ]);
      const inputs = orgs.commandCalls(ListAccountsCommand).map((c) => c.args[0].input);
      expect(inputs).toEqual([
        { MaxResults: 20, NextToken: undefined },
        { MaxResults: 20, NextToken: 't1' },
        { MaxResults: 20, NextToken: 't2' },
      ]);
    });

    it('falls back to Status when State is absent', async () => {
      // Arrange
      orgs.on(ListAccountsCommand).resolves({ Accounts: [{ Id: '333333333333', Name: 'old', Status: 'ACTIVE' }] });
      const directory = new OrganizationsAccountDirectory(new OrganizationsClient({ region: 'us-east-1' }));

      // Act
      const accounts = await collect(directory.listAccounts());

      // Assert
      expect(accounts).toEqual([{ id: '333333333333', name: 'old', state: 'ACTIVE' }]);
    });

    it('throws ThrottledError when TooManyRequestsException outlives the SDK retries', async () => {
      // Arrange
      const cause = awsError('TooManyRequestsException');
      orgs.on(ListAccountsCommand).rejects(cause);
      const directory = new OrganizationsAccountDirectory(new OrganizationsClient({ region: 'us-east-1' }));

      // Act
      const result = collect(directory.listAccounts());

      // Assert
      await expect(result).rejects.toBeInstanceOf(ThrottledError);
      await expect(result).rejects.toMatchObject({ cause });
    });
  });
});
