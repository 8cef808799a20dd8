// The demo's traced changes: three stories of CloudTrail records ending in a change Config recorded.
import type { Scenario } from '../scenario.schema';
import {
  assumeRole,
  BOTO,
  CLI,
  item,
  MINUTE,
  pickTarget,
  record,
  sessionIdentity,
  type Target,
  withSessionStart,
} from './demo-trail-records';

const ADMIN_ALL =
  '{\n\t"Version": "2012-10-17",\n\t"Statement": [ { "Effect": "Allow", "Action": "*", "Resource": "*" } ]\n}';

/** Two-hop chain: IAM user ci-deployer → DeployRole → OpsAdminRole, which removes a bucket's default encryption. */
const twoHopChain = (t: Target) => {
  const user = {
    type: 'IAMUser',
    principalId: 'AIDACIDEPLOYEXAMPLE',
    arn: `arn:aws:iam::${t.accountId}:user/ci-deployer`,
    accountId: t.accountId,
    accessKeyId: 'AKIACIDEPLOYEXAMPLE',
    userName: 'ci-deployer',
  };
  const hop1 = assumeRole(t, 101, 40, user, 'DeployRole', 'ci-run-4821', 'ASIADEPLOYHOP1EXAMPL', CLI);
  const deploy = withSessionStart(
    sessionIdentity(t.accountId, 'DeployRole', 'ci-run-4821', 'ASIADEPLOYHOP1EXAMPL', 'AROADEPLOYROLEEXAMPL'),
    hop1,
  );
  const hop2 = assumeRole(t, 102, 38, deploy, 'OpsAdminRole', 'ops-break-glass', 'ASIAOPSADMINHOP2EXAM', CLI);
  const ops = withSessionStart(
    sessionIdentity(t.accountId, 'OpsAdminRole', 'ops-break-glass', 'ASIAOPSADMINHOP2EXAM', 'AROAOPSADMINEXAMPLE0'),
    hop2,
  );
  const bucket = { ARN: `arn:aws:s3:::${t.resourceId}`, accountId: t.accountId, type: 'AWS::S3::Bucket' };
  const s3 = (n: number, at: number, name: string, readOnly: boolean) =>
    record(t, n, at, ops, {
      source: 's3.amazonaws.com',
      name,
      readOnly,
      ip: '203.0.113.10',
      agent: CLI,
      requestParameters: { bucketName: t.resourceId, Host: `${t.resourceId}.s3.amazonaws.com` },
      resources: [bucket],
    });
  const change = s3(105, 30, 'DeleteBucketEncryption', false);
  return {
    events: [hop1, hop2, s3(103, 35, 'ListBuckets', true), s3(104, 33, 'GetBucketEncryption', true), change],
    items: [item(t, 'AWS::S3::Bucket', 28, [change.eventID], t.resourceId, bucket.ARN)],
  };
};

/** An Identity Center user in the console turns IMDSv2 off on an instance (no relatedEvents: found by resource name). */
const identityCenterChange = (t: Target) => {
  const role = 'aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_4f1e2d3c4b5a6978';
  const jane = {
    ...sessionIdentity(t.accountId, role, 'jane.doe@example.com', 'ASIASSOJANEEXAMPLE01', 'AROASSOADMINEXAMPLE0'),
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: 'AROASSOADMINEXAMPLE0',
        arn: `arn:aws:iam::${t.accountId}:role/${role}`,
        accountId: t.accountId,
        userName: role.split('/').pop(),
      },
      attributes: { creationDate: new Date(t.recordedMs - 90 * MINUTE).toISOString(), mfaAuthenticated: 'false' },
    },
  };
  const arn = `arn:aws:ec2:${t.region}:${t.accountId}:instance/${t.resourceId}`;
  const change = record(t, 201, 25, jane, {
    source: 'ec2.amazonaws.com',
    name: 'ModifyInstanceMetadataOptions',
    readOnly: false,
    ip: '198.51.100.24',
    agent: 'AWS Internal',
    sessionCredentialFromConsole: 'true',
    requestParameters: { instanceId: t.resourceId, httpTokens: 'optional', httpEndpoint: 'enabled' },
    responseElements: {
      instanceId: t.resourceId,
      instanceMetadataOptions: { state: 'pending', httpTokens: 'optional' },
    },
    resources: [{ ARN: arn, accountId: t.accountId, type: 'AWS::EC2::Instance' }],
  });
  return { events: [change], items: [item(t, 'AWS::EC2::Instance', 22, [], t.resourceId, arn)] };
};

/** contractor-bob escalates: denied AttachUserPolicy, CreatePolicyVersion (allow *), CreateAccessKey and MFA removal on another user. */
const privilegeEscalation = (t: Target) => {
  const bob = {
    type: 'IAMUser',
    principalId: 'AIDABOBCONTRACTOREXA',
    arn: `arn:aws:iam::${t.accountId}:user/contractor-bob`,
    accountId: t.accountId,
    accessKeyId: 'AKIABOBCONTRACTOREXA',
    userName: 'contractor-bob',
  };
  const iam = (n: number, at: number, name: string, readOnly: boolean, rest: Record<string, unknown>) =>
    record(t, n, at, bob, { source: 'iam.amazonaws.com', name, readOnly, ip: '192.0.2.77', agent: BOTO, ...rest });
  const victim = `arn:aws:iam::${t.accountId}:user/platform-admin`;
  const change = iam(305, 20, 'DeactivateMFADevice', false, {
    requestParameters: { userName: 'platform-admin', serialNumber: `arn:aws:iam::${t.accountId}:mfa/platform-admin` },
    resources: [{ ARN: victim, accountId: t.accountId, type: 'AWS::IAM::User' }],
  });
  return {
    events: [
      iam(301, 50, 'ListAttachedUserPolicies', true, { requestParameters: { userName: 'contractor-bob' } }),
      iam(302, 45, 'AttachUserPolicy', false, {
        errorCode: 'AccessDenied',
        errorMessage: `User: ${bob.arn} is not authorized to perform: iam:AttachUserPolicy on resource: user contractor-bob because no identity-based policy allows the iam:AttachUserPolicy action`,
      }),
      iam(303, 40, 'CreatePolicyVersion', false, {
        requestParameters: {
          policyArn: `arn:aws:iam::${t.accountId}:policy/bob-tools`,
          policyDocument: ADMIN_ALL,
          setAsDefault: true,
        },
        responseElements: {
          policyVersion: { versionId: 'v2', isDefaultVersion: true, createDate: 'Nov 20, 2026 1:40:53 AM' },
        },
      }),
      iam(304, 30, 'CreateAccessKey', false, {
        requestParameters: { userName: 'platform-admin' },
        responseElements: {
          accessKey: {
            accessKeyId: 'AKIAPLATFORMNEWKEY01',
            status: 'Active',
            userName: 'platform-admin',
            createDate: 'Nov 20, 2026 1:50:53 AM',
          },
        },
      }),
      change,
    ],
    items: [item(t, 'AWS::IAM::User', 18, [change.eventID], 'platform-admin', victim)],
  };
};

/**
 * Adds the demo's traced changes: in the management account, a privilege-escalation sequence by an IAM user
 * ending in the change of an IAM user; in the second account, a change through a two-hop role chain (S3 bucket) and
 * one by an Identity Center user (EC2 instance). Each targets a resource that turned NON_COMPLIANT in 2026-11-16..22;
 * existing `cloudTrailEvents` / `configurationItems` of those regions are replaced, nothing else changes.
 */
export const addTracedChanges = (scenario: Scenario): Scenario => {
  const [management, second] = scenario.organization.accounts;
  if (management === undefined || second === undefined) throw new Error('too few accounts');
  const parts = [
    privilegeEscalation(pickTarget(scenario, management.Id, 'us-east-1', 'AWS::IAM::User')),
    twoHopChain(pickTarget(scenario, second.Id, 'us-east-1', 'AWS::S3::Bucket')),
    identityCenterChange(pickTarget(scenario, second.Id, 'us-east-1', 'AWS::EC2::Instance')),
  ];
  const regions = [
    scenario.accounts[management.Id]?.regions['us-east-1'],
    scenario.accounts[second.Id]?.regions['us-east-1'],
  ];
  for (const region of regions) {
    if (region) {
      region.cloudTrailEvents = [];
      region.configurationItems = [];
    }
  }
  parts.forEach((part, index) => {
    const region = regions[index === 0 ? 0 : 1];
    region?.cloudTrailEvents?.push(...part.events);
    region?.configurationItems?.push(...part.items);
  });
  return scenario;
};
