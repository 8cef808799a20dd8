import { DescribeOrganizationCommand, ListAccountsCommand, paginateListAccounts } from '@aws-sdk/client-organizations';
import { loadScenario, parseScenario, type Sandbox, type Scenario, startSandbox } from '../../../sandbox';
import { assumeMember, fixture, organizationsClient } from './sandbox-clients';

const listAll = async (sandbox: Sandbox, pageSize?: number) => {
  const pages: number[] = [];
  const ids: string[] = [];
  const client = organizationsClient(sandbox);
  for await (const page of paginateListAccounts({ client, ...(pageSize === undefined ? {} : { pageSize }) }, {})) {
    pages.push(page.Accounts?.length ?? 0);
    ids.push(...(page.Accounts ?? []).map((account) => account.Id ?? ''));
  }
  return { pages, ids };
};

describe('sandbox Organizations', () => {
  let scenario: Scenario;
  let sandbox: Sandbox;

  beforeAll(async () => {
    scenario = loadScenario(fixture('small'));
    sandbox = await startSandbox(scenario);
  });

  afterAll(async () => {
    await sandbox.stop();
  });

  describe('ListAccounts', () => {
    it('pages by MaxResults and returns every account, SUSPENDED included', async () => {
      // Act
      const { pages, ids } = await listAll(sandbox, 2);

      // Assert
      expect(pages).toEqual([2, 2, 1]);
      expect(ids).toEqual(['111111111111', '222222222222', '333333333333', '444444444444', '555555555555']);
    });

    it('returns the Account records with Date timestamps', async () => {
      // Act
      const { Accounts } = await organizationsClient(sandbox).send(new ListAccountsCommand({}));

      // Assert
      expect(Accounts?.[0]).toEqual({
        Id: '111111111111',
        Arn: 'arn:aws:organizations::111111111111:account/o-abc1234567/111111111111',
        Email: 'aws+management@example.com',
        Name: 'management',
        Status: 'ACTIVE',
        State: 'ACTIVE',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: new Date(1551434400 * 1000),
      });
      expect(Accounts?.[3]).toMatchObject({ Id: '444444444444', State: 'SUSPENDED' });
    });

    it('throws InvalidInputException for MaxResults above 20', async () => {
      const call = organizationsClient(sandbox).send(new ListAccountsCommand({ MaxResults: 21 }));
      await expect(call).rejects.toMatchObject({ name: 'InvalidInputException' });
    });

    it('throws AccessDeniedException for a member session', async () => {
      // Arrange
      const member = organizationsClient(sandbox, await assumeMember(sandbox, '222222222222'));

      // Act
      const call = member.send(new ListAccountsCommand({}));

      // Assert
      await expect(call).rejects.toMatchObject({ name: 'AccessDeniedException' });
    });

    it('answers an empty first page with a NextToken when the scenario asks for it', async () => {
      // Arrange
      const withFault = await startSandbox(parseScenario({ ...scenario, faults: { emptyFirstPage: true } }, 'test'));
      try {
        // Act
        const { pages, ids } = await listAll(withFault);

        // Assert
        expect(pages).toEqual([0, 5]);
        expect(ids).toHaveLength(5);
      } finally {
        await withFault.stop();
      }
    });
  });

  it('describes the organization of the management account', async () => {
    const { Organization } = await organizationsClient(sandbox).send(new DescribeOrganizationCommand({}));
    expect(Organization).toMatchObject({ Id: 'o-abc1234567', MasterAccountId: '111111111111', FeatureSet: 'ALL' });
  });
});
