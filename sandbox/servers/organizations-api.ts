import type { Faults } from '../scenario.schema';
import type { Principal } from './credentials';
import { decodeToken, encodeToken, page } from './paging';
import type { ScenarioIndex } from './scenario-index';
import { AwsFault, toEpochSeconds } from './wire';

type Body = Record<string, unknown>;

/** Largest (and default) `MaxResults` of ListAccounts. */
export const LIST_ACCOUNTS_MAX_RESULTS = 20;
const SCOPE = 'accounts';
/** Offset marker of the token that follows the injected empty first page. */
const AFTER_EMPTY_PAGE = 0;

const organizationId = (index: ScenarioIndex): string => {
  const match = /\/(o-[a-z0-9]+)\//.exec(index.managementAccount?.Arn ?? '');
  return match?.[1] ?? 'o-sandbox0000';
};

const listAccounts = (body: Body, index: ScenarioIndex, faults: Faults): Body => {
  const max = body.MaxResults ?? LIST_ACCOUNTS_MAX_RESULTS;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > LIST_ACCOUNTS_MAX_RESULTS) {
    throw new AwsFault(
      'InvalidInputException',
      `You provided a value that does not match the required pattern: MaxResults must be between 1 and 20, received ${JSON.stringify(max)}`,
    );
  }
  if ((body.NextToken === undefined || body.NextToken === '') && faults.emptyFirstPage === true) {
    return { Accounts: [], NextToken: encodeToken(AFTER_EMPTY_PAGE, SCOPE) };
  }
  const offset = decodeToken(body.NextToken, SCOPE, 'InvalidInputException');
  const { items, nextToken } = page(index.organizationAccounts, offset, max, SCOPE);
  return {
    Accounts: items.map((account) => ({ ...account, JoinedTimestamp: toEpochSeconds(account.JoinedTimestamp) })),
    ...(nextToken === undefined ? {} : { NextToken: nextToken }),
  };
};

const describeOrganization = (index: ScenarioIndex): Body => {
  const management = index.managementAccount;
  const id = organizationId(index);
  return {
    Organization: {
      Id: id,
      Arn: `arn:aws:organizations::${management?.Id ?? '000000000000'}:organization/${id}`,
      FeatureSet: 'ALL',
      MasterAccountArn: `arn:aws:organizations::${management?.Id ?? '000000000000'}:account/${id}/${management?.Id ?? '000000000000'}`,
      MasterAccountId: management?.Id ?? '000000000000',
      MasterAccountEmail: management?.Email ?? 'aws+management@example.com',
      AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
    },
  };
};

/**
 * Answers one Organizations (`AWSOrganizationsV20161128`) operation. Only the hub (management account) may call it;
 * a member session gets AccessDeniedException, as it would outside the management or delegated-admin account.
 */
export const answerOrganizations = (
  operation: string,
  body: Body,
  caller: Principal,
  index: ScenarioIndex,
  faults: Faults,
): Body => {
  if (caller.kind !== 'hub') {
    throw new AwsFault(
      'AccessDeniedException',
      `You don't have permissions to access this resource. (caller ${caller.arn} is not the management account)`,
    );
  }
  if (operation === 'ListAccounts') return listAccounts(body, index, faults);
  if (operation === 'DescribeOrganization') return describeOrganization(index);
  throw new AwsFault('UnknownOperationException', `the sandbox does not implement Organizations ${operation}`);
};
