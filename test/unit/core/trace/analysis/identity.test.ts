import type { CloudTrailRecord, UserIdentity } from '../../../../../core/trace/analysis/cloudtrail-record.schema';
import { actorFromIdentity, permissionSetOf } from '../../../../../core/trace/analysis/identity';
import { adminGrant, openTrust, parsePolicyDocument } from '../../../../../core/trace/analysis/policy-document';

const SSO_ARN = 'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_ReadOnly_0123abcd/';

const cases: {
  name: string;
  identity: UserIdentity;
  record?: Partial<CloudTrailRecord>;
  kind: string;
  display: string;
}[] = [
  {
    name: 'root',
    identity: {
      type: 'Root',
      principalId: '111122223333',
      arn: 'arn:aws:iam::111122223333:root',
      accountId: '111122223333',
    },
    kind: 'root',
    display: 'root (111122223333)',
  },
  {
    name: 'an AWS service',
    identity: { type: 'AWSService', invokedBy: 'lambda.amazonaws.com' },
    kind: 'aws-service',
    display: 'lambda.amazonaws.com',
  },
  {
    name: 'an external account',
    identity: { type: 'AWSAccount', principalId: 'AIDAEXAMPLEX', accountId: '777788889999' },
    kind: 'external-account',
    display: 'account 777788889999 (AIDAEXAMPLEX)',
  },
  {
    name: 'an IAM user without arn',
    identity: { type: 'IAMUser', userName: 'alice' },
    kind: 'iam-user',
    display: 'alice',
  },
  {
    name: 'an Identity Center user (portal)',
    identity: {
      type: 'IdentityCenterUser',
      onBehalfOf: { userId: 'u-1', identityStoreArn: 'arn:aws:identitystore::1:identitystore/d-1' },
    },
    record: { additionalEventData: { UserName: 'alice@example.com' } },
    kind: 'identity-center',
    display: 'alice@example.com (Identity Center)',
  },
  {
    name: 'an SSO session without a session name, by sourceIdentity',
    identity: {
      type: 'AssumedRole',
      arn: SSO_ARN,
      accountId: '111122223333',
      sessionContext: { sourceIdentity: 'bob@example.com' },
    },
    kind: 'identity-center',
    display: 'bob@example.com (Identity Center, ReadOnly)',
  },
  {
    name: 'a role session',
    identity: {
      type: 'AssumedRole',
      principalId: 'AROAX:build-42',
      arn: 'arn:aws:sts::1:assumed-role/CiRole/build-42',
    },
    kind: 'assumed-role',
    display: 'CiRole/build-42',
  },
];

describe('actorFromIdentity', () => {
  it.each(cases)('normalises $name', ({ identity, record, kind, display }) => {
    // Act
    const actor = actorFromIdentity(identity, record as CloudTrailRecord | undefined);
    // Assert
    expect(actor).toMatchObject({ kind, display });
  });
});

describe('permissionSetOf', () => {
  it.each([
    ['AWSReservedSSO_AdministratorAccess_0123456789abcdef', 'AdministratorAccess'],
    ['AWSReservedSSO_Data_Engineers_0123456789abcdef', 'Data_Engineers'],
    ['OpsRole', undefined],
    [undefined, undefined],
  ])('reads %s as %s', (roleName, expected) => {
    // Act
    const permissionSet = permissionSetOf(roleName);
    // Assert
    expect(permissionSet).toBe(expected);
  });
});

describe('policy documents', () => {
  it.each([
    {
      name: 'tabs and newlines',
      doc: '{\n\t"Statement":\t[{"Effect":\t"Allow",\t"Action":\t"*"}]}',
      grant: 'policy allows *',
    },
    {
      name: 'URL-encoded JSON',
      doc: encodeURIComponent('{"Statement":{"Effect":"Allow","Action":"IAM:*"}}'),
      grant: 'policy allows iam:*',
    },
    {
      name: 'an Allow with NotAction',
      doc: { Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] },
      grant: 'policy allows everything but NotAction',
    },
    { name: 'a Deny of everything', doc: { Statement: [{ Effect: 'Deny', Action: '*' }] }, grant: undefined },
    { name: 'an unreadable string', doc: '{"Statement": [', grant: undefined },
  ])('judges $name', ({ doc, grant }) => {
    // Act
    const result = adminGrant(parsePolicyDocument(doc));
    // Assert
    expect(result).toBe(grant);
  });

  it.each([
    { principal: '*', open: 'trust policy allows any principal' },
    {
      principal: { AWS: ['arn:aws:iam::111122223333:root', '777788889999'] },
      open: 'trust policy allows account 777788889999',
    },
    { principal: { AWS: 'arn:aws:iam::111122223333:role/Admin' }, open: undefined },
    { principal: { Service: 'ec2.amazonaws.com' }, open: undefined },
  ])('tells an open trust policy for principal $principal', ({ principal, open }) => {
    // Act
    const result = openTrust(
      parsePolicyDocument({ Statement: [{ Effect: 'Allow', Principal: principal }] }),
      '111122223333',
    );
    // Assert
    expect(result).toBe(open);
  });
});
