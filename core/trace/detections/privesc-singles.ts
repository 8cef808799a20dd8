import { lastSegment, param, rawParam } from '../analysis/call-facts';
import type { CloudTrailRecord } from '../analysis/cloudtrail-record.schema';
import { adminGrant, parsePolicyDocument } from '../analysis/policy-document';

/**
 * A single-event row of the privilege-escalation catalogue. The catalogue's rows are numbered 1–20 by `pattern` (drawn
 * from Rhino Security Labs' AWS IAM privilege-escalation methods and Datadog's pathfinding.cloud paths): the single
 * events here, the ordered sequences in `privesc-sequences.ts`.
 * - `tier: 'escalation'` (rows 1–9 and 13): High when it succeeds on a privileged target, Medium otherwise or denied;
 * - `tier: 'related'` (single steps of rows 10, 12, 14–18, 20): Medium when it succeeds, Low when denied.
 * `applies` sees `requestParameters` only when the record has them; a denied call with `null` parameters matches as an
 * attempt. It returns `false` (no match), or the detail text ('' for none). `privileged` decides High vs Medium.
 */
export interface SingleRule {
  pattern: number;
  slug: string;
  title: string;
  eventSource: string;
  /** Normalised event names (see `normalizedEventName`). */
  eventNames: readonly string[];
  tier: 'escalation' | 'related';
  applies?: (record: CloudTrailRecord) => string | false;
  privileged?: (record: CloudTrailRecord) => boolean;
}

const ADMIN_POLICY = /\/(AdministratorAccess|IAMFullAccess)$/;

const policyDetail = (record: CloudTrailRecord): string =>
  adminGrant(parsePolicyDocument(rawParam(record, 'policyDocument'))) ?? 'policy is not administrative';

const isAdminDocument = (record: CloudTrailRecord): boolean =>
  adminGrant(parsePolicyDocument(rawParam(record, 'policyDocument'))) !== undefined;

/** The caller's own user name, to tell "for another user" apart. */
const callerName = (record: CloudTrailRecord): string | undefined =>
  record.userIdentity.userName ?? record.userIdentity.sessionContext?.sessionIssuer?.userName;

const forAnotherUser = (record: CloudTrailRecord): string | false => {
  const target = param(record, 'userName');
  return target !== undefined && target !== callerName(record) ? `for user ${target}` : false;
};

const hasParam =
  (...keys: string[]) =>
  (record: CloudTrailRecord): string | false => {
    const key = keys.find((k) => rawParam(record, k) !== undefined && rawParam(record, k) !== null);
    return key === undefined ? false : `${key} ${String(param(record, key) ?? 'set')}`;
  };

const IAM = 'iam.amazonaws.com';

/** Single-event rows of the catalogue. */
export const SINGLE_RULES: readonly SingleRule[] = [
  {
    pattern: 1,
    slug: 'new-default-policy-version',
    title: 'New default policy version',
    eventSource: IAM,
    eventNames: ['CreatePolicyVersion'],
    tier: 'escalation',
    applies: (r) =>
      rawParam(r, 'setAsDefault') === true || rawParam(r, 'setAsDefault') === 'true' ? policyDetail(r) : false,
    privileged: isAdminDocument,
  },
  {
    pattern: 2,
    slug: 'roll-back-policy-version',
    title: 'Default policy version rolled back',
    eventSource: IAM,
    eventNames: ['SetDefaultPolicyVersion'],
    tier: 'escalation',
    applies: (r) => `${param(r, 'policyArn') ?? '?'} → ${param(r, 'versionId') ?? '?'}`,
  },
  {
    pattern: 3,
    slug: 'attach-managed-policy',
    title: 'Powerful managed policy attached',
    eventSource: IAM,
    eventNames: ['AttachUserPolicy', 'AttachGroupPolicy', 'AttachRolePolicy'],
    tier: 'escalation',
    applies: (r) => {
      const arn = param(r, 'policyArn');
      return arn !== undefined && /FullAccess$|\/AdministratorAccess$/.test(arn) ? (lastSegment(arn) ?? arn) : false;
    },
    privileged: (r) => ADMIN_POLICY.test(param(r, 'policyArn') ?? ''),
  },
  {
    pattern: 4,
    slug: 'inline-policy',
    title: 'Inline policy written',
    eventSource: IAM,
    eventNames: ['PutUserPolicy', 'PutGroupPolicy', 'PutRolePolicy'],
    tier: 'escalation',
    applies: policyDetail,
    privileged: isAdminDocument,
  },
  {
    pattern: 5,
    slug: 'join-group',
    title: 'User added to a group',
    eventSource: IAM,
    eventNames: ['AddUserToGroup'],
    tier: 'escalation',
    applies: (r) => `${param(r, 'userName') ?? '?'} → ${param(r, 'groupName') ?? '?'}`,
    privileged: (r) => /admin|power|iam/i.test(param(r, 'groupName') ?? ''),
  },
  {
    pattern: 7,
    slug: 'access-key-for-another-user',
    title: 'Access key created for another user',
    eventSource: IAM,
    eventNames: ['CreateAccessKey'],
    tier: 'escalation',
    applies: forAnotherUser,
  },
  {
    pattern: 8,
    slug: 'login-profile-for-another-user',
    title: 'Console password set for another user',
    eventSource: IAM,
    eventNames: ['CreateLoginProfile', 'UpdateLoginProfile'],
    tier: 'escalation',
    applies: forAnotherUser,
  },
  {
    pattern: 9,
    slug: 'permissions-boundary-change',
    title: 'Permissions boundary removed or replaced',
    eventSource: IAM,
    eventNames: [
      'DeleteUserPermissionsBoundary',
      'DeleteRolePermissionsBoundary',
      'PutUserPermissionsBoundary',
      'PutRolePermissionsBoundary',
    ],
    tier: 'escalation',
  },
  {
    pattern: 10,
    slug: 'pass-role-to-ec2',
    title: 'Instance profile passed to EC2',
    eventSource: 'ec2.amazonaws.com',
    eventNames: [
      'RunInstances',
      'RequestSpotInstances',
      'AssociateIamInstanceProfile',
      'ReplaceIamInstanceProfileAssociation',
    ],
    tier: 'related',
    applies: hasParam('iamInstanceProfile', 'IamInstanceProfile', 'launchSpecification'),
  },
  {
    pattern: 12,
    slug: 'pass-role-to-lambda',
    title: 'Role passed to a new Lambda function (invoke not observable)',
    eventSource: 'lambda.amazonaws.com',
    eventNames: ['CreateFunction'],
    tier: 'related',
    applies: hasParam('role'),
  },
  {
    pattern: 13,
    slug: 'hijack-lambda',
    title: 'Existing Lambda function code or configuration changed',
    eventSource: 'lambda.amazonaws.com',
    eventNames: ['UpdateFunctionCode', 'UpdateFunctionConfiguration'],
    tier: 'escalation',
    applies: (r) =>
      r.eventName.startsWith('UpdateFunctionCode') ? 'code replaced' : hasParam('layers', 'environment')(r),
  },
  {
    pattern: 14,
    slug: 'glue-dev-endpoint',
    title: 'Glue development endpoint with a role or new key',
    eventSource: 'glue.amazonaws.com',
    eventNames: ['CreateDevEndpoint', 'UpdateDevEndpoint'],
    tier: 'related',
    applies: hasParam('roleArn', 'publicKey', 'addPublicKeys'),
  },
  {
    pattern: 15,
    slug: 'cloudformation-role',
    title: 'CloudFormation stack run with a passed role',
    eventSource: 'cloudformation.amazonaws.com',
    eventNames: ['CreateStack', 'UpdateStack', 'CreateStackSet'],
    tier: 'related',
    applies: hasParam('roleARN', 'administrationRoleARN'),
  },
  {
    pattern: 16,
    slug: 'ecs-execute-command',
    title: 'Command executed in an ECS task',
    eventSource: 'ecs.amazonaws.com',
    eventNames: ['ExecuteCommand'],
    tier: 'related',
  },
  {
    pattern: 17,
    slug: 'compute-service-with-role',
    title: 'Compute service job started with a role',
    eventSource: 'sagemaker.amazonaws.com',
    eventNames: [
      'CreateTrainingJob',
      'CreateProcessingJob',
      'CreateNotebookInstanceLifecycleConfig',
      'UpdateNotebookInstanceLifecycleConfig',
    ],
    tier: 'related',
  },
  {
    pattern: 17,
    slug: 'apprunner-service',
    title: 'App Runner service created or updated',
    eventSource: 'apprunner.amazonaws.com',
    eventNames: ['CreateService', 'UpdateService'],
    tier: 'related',
  },
  {
    pattern: 18,
    slug: 'remote-execution',
    title: 'Remote command or session on a host',
    eventSource: 'ssm.amazonaws.com',
    eventNames: ['SendCommand', 'StartSession'],
    tier: 'related',
  },
  {
    pattern: 18,
    slug: 'instance-ssh-key',
    title: 'SSH key pushed to an instance',
    eventSource: 'ec2-instance-connect.amazonaws.com',
    eventNames: ['SendSSHPublicKey', 'SendSerialConsoleSSHPublicKey'],
    tier: 'related',
  },
  {
    pattern: 20,
    slug: 'identity-center-assignment',
    title: 'Identity Center assignment or permission set changed',
    eventSource: 'sso.amazonaws.com',
    eventNames: ['CreateAccountAssignment', 'PutInlinePolicyToPermissionSet', 'AttachManagedPolicyToPermissionSet'],
    tier: 'related',
  },
  {
    pattern: 20,
    slug: 'identity-center-group-member',
    title: 'Member added to an Identity Center group',
    eventSource: 'sso-directory.amazonaws.com',
    eventNames: ['AddMemberToGroup'],
    tier: 'related',
  },
];
