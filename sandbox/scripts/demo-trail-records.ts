// The building blocks of the demo's traced changes: CloudTrail records and configuration items in the real shapes.
import type { CloudTrailRecord, ConfigurationItem, Scenario } from '../scenario.schema';

const WEEK = { from: Date.parse('2026-11-16T00:00:00Z'), to: Date.parse('2026-11-23T00:00:00Z') };
/** One minute in milliseconds. */
export const MINUTE = 60_000;
/** The user agent of the AWS CLI. */
export const CLI = 'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.ubuntu.22 prompt/off command/s3api';
/** The user agent of boto3. */
export const BOTO = 'Boto3/1.34.50 md/Botocore#1.34.50 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.12.2';

/** A CloudTrail `userIdentity`. */
export type Identity = Record<string, unknown>;
/** The resource a traced change targets, and when Config recorded it NON_COMPLIANT. */
export interface Target {
  accountId: string;
  region: string;
  resourceId: string;
  recordedMs: number;
}

/** The first NON_COMPLIANT evaluation of a resource type recorded in the default week (2026-11-16..22). */
export const pickTarget = (scenario: Scenario, accountId: string, region: string, resourceType: string): Target => {
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
export const record = (
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

/** The identity of a session of `role` (an assumed role), before its creation date is known. */
export const sessionIdentity = (
  accountId: string,
  role: string,
  session: string,
  key: string,
  roleId: string,
): Identity => ({
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

/** The AssumeRole record by which `caller` starts `session` of `role` with access key `key`. */
export const assumeRole = (
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

/** `identity` with the session's creation date set to the time of the AssumeRole record `at`. */
export const withSessionStart = (identity: Identity, at: CloudTrailRecord): Identity => {
  const context = identity.sessionContext as { attributes: Record<string, string> };
  return {
    ...identity,
    sessionContext: { ...context, attributes: { ...context.attributes, creationDate: at.eventTime } },
  };
};

/** A configuration item of the target, `minutesBefore` its NON_COMPLIANT evaluation, naming `related` events. */
export const item = (
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
