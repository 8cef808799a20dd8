// Regenerates sandbox/scenarios/demo.json: `npx tsx sandbox/scripts/make-demo.ts`.
// The demo is the generator's output for a fixed seed, plus three hand-placed cases: one SUSPENDED account (must be
// left out of reports), one account whose member role answers AccessDenied, and one with Config off in eu-west-1.
// The Lacework section is generated last (its own PRNG), after the suspension, so the AWS part does not change.
// Traced changes (issue 9) are added last by `addTracedChanges`: CloudTrail records and configuration items for a few
// resources that turned NON_COMPLIANT in the default week. The generator has changed since demo.json was written, so
// `npx tsx sandbox/scripts/make-demo.ts --traces-only` re-adds them to the committed demo.json and leaves every other
// record as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateScenario } from '../generator/generate-scenario';
import { generateLaceworkSection } from '../generator/lacework';
import { LaceworkScenarioSchema } from '../lacework-scenario.schema';
import type { CloudTrailRecord, ConfigurationItem, Scenario } from '../scenario.schema';
import { formatScenario as format } from './format-scenario';

const SEED = 20261122;
const OUTPUT = join(__dirname, '..', 'scenarios', 'demo.json');

const WEEK = { from: Date.parse('2026-11-16T00:00:00Z'), to: Date.parse('2026-11-23T00:00:00Z') };
const MINUTE = 60_000;
const CLI = 'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.ubuntu.22 prompt/off command/s3api';
const BOTO = 'Boto3/1.34.50 md/Botocore#1.34.50 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.12.2';
const ADMIN_ALL =
  '{\n\t"Version": "2012-10-17",\n\t"Statement": [ { "Effect": "Allow", "Action": "*", "Resource": "*" } ]\n}';

type Identity = Record<string, unknown>;
interface Target {
  accountId: string;
  region: string;
  resourceId: string;
  recordedMs: number;
}

/** The first NON_COMPLIANT evaluation of a resource type recorded in the default week (2026-11-16..22). */
const pickTarget = (scenario: Scenario, accountId: string, region: string, resourceType: string): Target => {
  const evaluation = scenario.accounts[accountId]?.regions[region]?.evaluations.find((e) => {
    const recorded = Date.parse(String(e.ResultRecordedTime));
    const qualifier = e.EvaluationResultIdentifier.EvaluationResultQualifier;
    return (
      e.ComplianceType === 'NON_COMPLIANT' &&
      qualifier.ResourceType === resourceType &&
      recorded >= WEEK.from &&
      recorded < WEEK.to
    );
  });
  if (evaluation === undefined) throw new Error(`no ${resourceType} turned NON_COMPLIANT in ${accountId}/${region}`);
  const resourceId = evaluation.EvaluationResultIdentifier.EvaluationResultQualifier.ResourceId;
  return { accountId, region, resourceId, recordedMs: Date.parse(String(evaluation.ResultRecordedTime)) };
};

/** A CloudTrail record in the real shape; `n` makes the event and request ids unique and stable. */
const record = (
  target: Target,
  n: number,
  minutesBefore: number,
  identity: Identity,
  call: { source: string; name: string; readOnly: boolean; ip: string; agent: string } & Record<string, unknown>,
): CloudTrailRecord => {
  const { source, name, readOnly, ip, agent, ...rest } = call;
  const hex = n.toString(16).padStart(12, '0');
  return {
    eventVersion: '1.09',
    userIdentity: identity,
    eventTime: new Date(target.recordedMs - minutesBefore * MINUTE).toISOString().replace('.000Z', 'Z'),
    eventSource: source,
    eventName: name,
    awsRegion: source === 'iam.amazonaws.com' ? 'us-east-1' : target.region,
    sourceIPAddress: ip,
    userAgent: agent,
    requestParameters: null,
    responseElements: null,
    requestID: `7d3c9a10-5b2e-4f61-9c0d-${hex}`,
    eventID: `e1a7c0de-2026-4b11-8a22-${hex}`,
    readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: target.accountId,
    eventCategory: 'Management',
    ...rest,
  };
};

const sessionIdentity = (accountId: string, role: string, session: string, key: string, roleId: string): Identity => ({
  type: 'AssumedRole',
  principalId: `${roleId}:${session}`,
  arn: `arn:aws:sts::${accountId}:assumed-role/${role.split('/').pop()}/${session}`,
  accountId,
  accessKeyId: key,
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: roleId,
      arn: `arn:aws:iam::${accountId}:role/${role}`,
      accountId,
      userName: role.split('/').pop(),
    },
    attributes: { creationDate: '', mfaAuthenticated: 'false' },
  },
});

const assumeRole = (
  target: Target,
  n: number,
  at: number,
  caller: Identity,
  role: string,
  session: string,
  key: string,
  agent: string,
) =>
  record(target, n, at, caller, {
    source: 'sts.amazonaws.com',
    name: 'AssumeRole',
    readOnly: true,
    ip: '203.0.113.10',
    agent,
    requestParameters: {
      roleArn: `arn:aws:iam::${target.accountId}:role/${role}`,
      roleSessionName: session,
      durationSeconds: 3600,
    },
    responseElements: {
      credentials: {
        accessKeyId: key,
        sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
        expiration: 'Nov 18, 2026, 7:26:02 PM',
      },
      assumedRoleUser: {
        assumedRoleId: `AROA${role.length}EXAMPLE:${session}`,
        arn: `arn:aws:sts::${target.accountId}:assumed-role/${role}/${session}`,
      },
    },
    resources: [
      { accountId: target.accountId, type: 'AWS::IAM::Role', ARN: `arn:aws:iam::${target.accountId}:role/${role}` },
    ],
  });

const withSessionStart = (identity: Identity, at: CloudTrailRecord): Identity => {
  const context = identity.sessionContext as { attributes: Record<string, string> };
  return {
    ...identity,
    sessionContext: { ...context, attributes: { ...context.attributes, creationDate: at.eventTime } },
  };
};

const item = (
  target: Target,
  type: string,
  minutesBefore: number,
  related: string[],
  name: string,
  arn: string,
): ConfigurationItem => ({
  version: '1.3',
  accountId: target.accountId,
  configurationItemCaptureTime: new Date(target.recordedMs - minutesBefore * MINUTE)
    .toISOString()
    .replace('.000Z', 'Z'),
  configurationItemStatus: 'OK',
  configurationStateId: String(target.recordedMs - minutesBefore * MINUTE),
  arn,
  resourceType: type,
  resourceId: target.resourceId,
  resourceName: name,
  awsRegion: target.region,
  relatedEvents: related,
});

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
 * Adds the demo's traced changes (issue 9): in the management account, a privilege-escalation sequence by an IAM user
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

/** Builds the demo organization. */
export const makeDemo = (): Scenario => {
  const scenario = generateScenario({
    accounts: 21,
    regions: ['us-east-1', 'eu-west-1'],
    rulesPerRegion: 7,
    seed: SEED,
  });
  const org = scenario.organization.accounts;
  const suspended = org[org.length - 1];
  const denied = org[6];
  const configOff = org[10];
  if (suspended === undefined || denied === undefined || configOff === undefined) throw new Error('too few accounts');
  suspended.Status = 'SUSPENDED';
  suspended.State = 'SUSPENDED';
  const deniedAccount = scenario.accounts[denied.Id];
  if (deniedAccount) deniedAccount.assumeRole = 'AccessDenied';
  const offAccount = scenario.accounts[configOff.Id];
  if (offAccount) offAccount.regions['eu-west-1'] = { recorder: false, configRules: [], evaluations: [] };
  const lacework = LaceworkScenarioSchema.parse(generateLaceworkSection(org, SEED));
  const withoutReport = org.filter((account) => account.State === 'ACTIVE' && !lacework.reports[account.Id]);
  return addTracedChanges({
    ...scenario,
    lacework,
    name: 'demo',
    description:
      `Demo organization (generateScenario seed ${SEED}, 7 rules per region, then hand-placed cases): ` +
      `${org.length - 1} ACTIVE accounts and 1 SUSPENDED (${suspended.Name}, must be excluded); ` +
      `${denied.Name} denies AssumeRole; ${configOff.Name} has no Config recorder in eu-west-1. ` +
      `Lacework: framework "${lacework.frameworks.join('", "')}" (${lacework.policies.length} policies), ` +
      `${lacework.alerts.length} alerts from 2026-10-01 to 2026-12-31; no compliance report for ` +
      `${withoutReport.map((account) => account.Name).join(' and ')}.`,
  });
};

if (require.main === module) {
  const demo = process.argv.includes('--traces-only')
    ? addTracedChanges(JSON.parse(readFileSync(OUTPUT, 'utf8')) as Scenario)
    : makeDemo();
  writeFileSync(OUTPUT, `${format(demo)}\n`);
  process.stdout.write(`wrote ${OUTPUT}\n`);
}
