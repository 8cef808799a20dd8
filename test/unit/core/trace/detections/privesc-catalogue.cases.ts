import type { CloudTrailRecord } from '../../../../../core/trace/analysis/cloudtrail-record.schema';
import { call } from '../trail-builder';

/** A catalogue case: the records of one successful match, with the step a denied attempt replaces (the last one). */
export interface CatalogueCase {
  id: string;
  build: () => CloudTrailRecord[];
  /** Severity when it succeeds / when the last step is denied. */
  succeeded: string;
  denied: string;
}

const IAM = 'iam.amazonaws.com';
const ADMIN_TABS =
  '{\n\t"Version":\t"2012-10-17",\n\t"Statement":\t[{\n\t\t"Effect":\t"Allow",\n\t\t"Action":\t"*",\n\t\t"Resource":\t"*"\n\t}]\n}';
const ADMIN_URL = encodeURIComponent(
  '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["iam:*"],"Resource":"*"}}',
);
const OPEN_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::777788889999:root' }, Action: 'sts:AssumeRole' }],
});
const ROLE = 'arn:aws:iam::111122223333:role/OpsRole';
const sts = (roleArn: string, at: number) =>
  call('sts.amazonaws.com', 'AssumeRole', { roleArn, roleSessionName: 's1' }, { at, readOnly: true });

/** One successful and one denied case per row of the privilege-escalation catalogue. */
export const CATALOGUE_CASES: CatalogueCase[] = [
  {
    id: 'privesc-01-new-default-policy-version',
    succeeded: 'High',
    denied: 'Medium',
    build: () => [
      call(IAM, 'CreatePolicyVersion', {
        policyArn: 'arn:aws:iam::111122223333:policy/ops',
        policyDocument: ADMIN_TABS,
        setAsDefault: true,
      }),
    ],
  },
  {
    id: 'privesc-02-roll-back-policy-version',
    succeeded: 'High',
    denied: 'Medium',
    build: () => [
      call(IAM, 'SetDefaultPolicyVersion', { policyArn: 'arn:aws:iam::111122223333:policy/ops', versionId: 'v1' }),
    ],
  },
  {
    id: 'privesc-03-attach-managed-policy',
    succeeded: 'High',
    denied: 'Medium',
    build: () => [
      call(IAM, 'AttachUserPolicy', { userName: 'alice', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }),
    ],
  },
  {
    id: 'privesc-04-inline-policy',
    succeeded: 'High',
    denied: 'Medium',
    build: () => [call(IAM, 'PutRolePolicy', { roleName: 'OpsRole', policyName: 'p', policyDocument: ADMIN_URL })],
  },
  {
    id: 'privesc-05-join-group',
    succeeded: 'High',
    denied: 'Medium',
    build: () => [call(IAM, 'AddUserToGroup', { userName: 'alice', groupName: 'Admins' })],
  },
  {
    id: 'privesc-07-access-key-for-another-user',
    succeeded: 'High',
    denied: 'Medium',
    build: () => [call(IAM, 'CreateAccessKey', { userName: 'bob' })],
  },
  {
    id: 'privesc-08-login-profile-for-another-user',
    succeeded: 'High',
    denied: 'Medium',
    build: () => [call(IAM, 'CreateLoginProfile', { userName: 'bob', passwordResetRequired: false })],
  },
  {
    id: 'privesc-09-permissions-boundary-change',
    succeeded: 'High',
    denied: 'Medium',
    build: () => [call(IAM, 'DeleteRolePermissionsBoundary', { roleName: 'OpsRole' })],
  },
  {
    id: 'privesc-10-pass-role-to-ec2',
    succeeded: 'Medium',
    denied: 'Low',
    build: () => [
      call('ec2.amazonaws.com', 'RunInstances', {
        instanceType: 't3.micro',
        iamInstanceProfile: { name: 'admin-profile' },
      }),
    ],
  },
  {
    id: 'privesc-12-pass-role-to-lambda',
    succeeded: 'Medium',
    denied: 'Low',
    build: () => [call('lambda.amazonaws.com', 'CreateFunction20150331', { functionName: 'fn', role: ROLE })],
  },
  {
    id: 'privesc-13-hijack-lambda',
    succeeded: 'High',
    denied: 'Medium',
    build: () => [call('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2', { functionName: 'fn', publish: true })],
  },
  {
    id: 'privesc-14-glue-dev-endpoint',
    succeeded: 'Medium',
    denied: 'Low',
    build: () => [call('glue.amazonaws.com', 'CreateDevEndpoint', { endpointName: 'e', roleArn: ROLE })],
  },
  {
    id: 'privesc-15-cloudformation-role',
    succeeded: 'Medium',
    denied: 'Low',
    build: () => [call('cloudformation.amazonaws.com', 'CreateStack', { stackName: 's', roleARN: ROLE })],
  },
  {
    id: 'privesc-16-ecs-execute-command',
    succeeded: 'Medium',
    denied: 'Low',
    build: () => [call('ecs.amazonaws.com', 'ExecuteCommand', { cluster: 'c', task: 't', interactive: true })],
  },
  {
    id: 'privesc-17-compute-service-with-role',
    succeeded: 'Medium',
    denied: 'Low',
    build: () => [call('sagemaker.amazonaws.com', 'CreateTrainingJob', { trainingJobName: 'j', roleArn: ROLE })],
  },
  {
    id: 'privesc-17-apprunner-service',
    succeeded: 'Medium',
    denied: 'Low',
    build: () => [call('apprunner.amazonaws.com', 'CreateService', { serviceName: 'svc' })],
  },
  {
    id: 'privesc-18-remote-execution',
    succeeded: 'Medium',
    denied: 'Low',
    build: () => [
      call('ssm.amazonaws.com', 'SendCommand', { documentName: 'AWS-RunShellScript', instanceIds: ['i-0abc'] }),
    ],
  },
  {
    id: 'privesc-18-instance-ssh-key',
    succeeded: 'Medium',
    denied: 'Low',
    build: () => [
      call('ec2-instance-connect.amazonaws.com', 'SendSSHPublicKey', {
        instanceId: 'i-0abc',
        instanceOSUser: 'ec2-user',
      }),
    ],
  },
  {
    id: 'privesc-20-identity-center-assignment',
    succeeded: 'Medium',
    denied: 'Low',
    build: () => [
      call('sso.amazonaws.com', 'CreateAccountAssignment', {
        instanceArn: 'arn:aws:sso:::instance/ssoins-1',
        permissionSetArn: 'ps',
        principalId: 'u',
      }),
    ],
  },
  {
    id: 'privesc-20-identity-center-group-member',
    succeeded: 'Medium',
    denied: 'Low',
    build: () => [call('sso-directory.amazonaws.com', 'AddMemberToGroup', { groupId: 'g', member: { memberId: 'u' } })],
  },
  // Sequences: all steps by the same origin, in order.
  {
    id: 'privesc-06-trust-policy-backdoor',
    succeeded: 'Critical',
    denied: 'Medium',
    build: () => [
      call(IAM, 'UpdateAssumeRolePolicy', { roleName: 'OpsRole', policyDocument: OPEN_TRUST }, { at: 0 }),
      sts(ROLE, 5),
    ],
  },
  {
    id: 'privesc-10-launch-template-swap',
    succeeded: 'Critical',
    denied: 'Medium',
    build: () => [
      call(
        'ec2.amazonaws.com',
        'CreateLaunchTemplateVersion',
        { CreateLaunchTemplateVersionRequest: { LaunchTemplateId: 'lt-1' } },
        { at: 0 },
      ),
      call(
        'ec2.amazonaws.com',
        'ModifyLaunchTemplate',
        { ModifyLaunchTemplateRequest: { LaunchTemplateId: 'lt-1', DefaultVersion: '2' } },
        { at: 3 },
      ),
    ],
  },
  {
    id: 'privesc-11-ec2-user-data-swap',
    succeeded: 'Critical',
    denied: 'Medium',
    build: () => ec2UserDataSwap([0, 2, 4]),
  },
  {
    id: 'privesc-12-pass-role-to-lambda-and-run',
    succeeded: 'Critical',
    denied: 'Medium',
    build: () => [
      call('lambda.amazonaws.com', 'CreateFunction20150331', { functionName: 'fn', role: ROLE }, { at: 0 }),
      call(
        'lambda.amazonaws.com',
        'AddPermission20150331v2',
        { functionName: 'arn:aws:lambda:us-east-1:111122223333:function:fn', principal: '*' },
        { at: 2 },
      ),
    ],
  },
  {
    id: 'privesc-14-glue-job-run',
    succeeded: 'Critical',
    denied: 'Medium',
    build: () => [
      call('glue.amazonaws.com', 'CreateJob', { name: 'etl', role: ROLE }, { at: 0 }),
      call('glue.amazonaws.com', 'StartJobRun', { jobName: 'etl' }, { at: 1 }),
    ],
  },
  {
    id: 'privesc-14-glue-interactive-session',
    succeeded: 'Critical',
    denied: 'Medium',
    build: () => [
      call('glue.amazonaws.com', 'CreateSession', { id: 'sess-1', role: ROLE }, { at: 0 }),
      call('glue.amazonaws.com', 'RunStatement', { sessionId: 'sess-1', code: 'print(1)' }, { at: 1 }),
    ],
  },
  {
    id: 'privesc-15-cloudformation-change-set',
    succeeded: 'Critical',
    denied: 'Medium',
    build: () => [
      call('cloudformation.amazonaws.com', 'CreateChangeSet', { stackName: 'app', changeSetName: 'cs' }, { at: 0 }),
      call(
        'cloudformation.amazonaws.com',
        'ExecuteChangeSet',
        { stackName: 'arn:aws:cloudformation:us-east-1:111122223333:stack/app', changeSetName: 'cs' },
        { at: 1 },
      ),
    ],
  },
  {
    id: 'privesc-16-ecs-task-with-role',
    succeeded: 'Critical',
    denied: 'Medium',
    build: () => [
      call('ecs.amazonaws.com', 'RegisterTaskDefinition', { family: 'web', taskRoleArn: ROLE }, { at: 0 }),
      call('ecs.amazonaws.com', 'RunTask', { cluster: 'c', taskDefinition: 'web:3' }, { at: 1 }),
    ],
  },
  {
    id: 'privesc-17-codebuild-project-run',
    succeeded: 'Critical',
    denied: 'Medium',
    build: () => [
      call('codebuild.amazonaws.com', 'CreateProject', { name: 'p', serviceRole: ROLE }, { at: 0 }),
      call('codebuild.amazonaws.com', 'StartBuild', { projectName: 'p' }, { at: 1 }),
    ],
  },
  {
    id: 'privesc-17-sagemaker-notebook',
    succeeded: 'Critical',
    denied: 'Medium',
    build: () => [
      call(
        'sagemaker.amazonaws.com',
        'CreateNotebookInstance',
        { notebookInstanceName: 'nb', roleArn: ROLE },
        { at: 0 },
      ),
      call('sagemaker.amazonaws.com', 'CreatePresignedNotebookInstanceUrl', { notebookInstanceName: 'nb' }, { at: 9 }),
    ],
  },
  {
    id: 'privesc-19-cli-to-console',
    succeeded: 'Critical',
    denied: 'Medium',
    build: () => [
      call('sts.amazonaws.com', 'GetFederationToken', { name: 'aws_consoler' }, { at: 0, readOnly: true }),
      call('signin.amazonaws.com', 'GetSigninToken', null, { at: 1 }),
      call('signin.amazonaws.com', 'ConsoleLogin', null, { at: 2 }),
    ],
  },
  {
    id: 'privesc-19-assume-role-fan-out',
    succeeded: 'High',
    denied: 'Medium',
    build: () => ['A', 'B', 'C', 'D', 'E'].map((n, i) => sts(`arn:aws:iam::111122223333:role/Role${n}`, i)),
  },
  {
    id: 'privesc-20-eks-access-entry',
    succeeded: 'Critical',
    denied: 'Medium',
    build: () => [
      call('eks.amazonaws.com', 'CreateAccessEntry', { name: 'prod', principalArn: ROLE }, { at: 0 }),
      call(
        'eks.amazonaws.com',
        'AssociateAccessPolicy',
        { name: 'prod', policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy' },
        { at: 1 },
      ),
    ],
  },
];

/** Stop → ModifyInstanceAttribute (userData) → Start on one instance, at the given minutes. */
export const ec2UserDataSwap = (minutes: [number, number, number]): CloudTrailRecord[] => {
  const items = { items: [{ instanceId: 'i-0abc' }] };
  return [
    call('ec2.amazonaws.com', 'StopInstances', { instancesSet: items, force: false }, { at: minutes[0] }),
    call(
      'ec2.amazonaws.com',
      'ModifyInstanceAttribute',
      { instanceId: 'i-0abc', userData: '<sensitiveDataRemoved>' },
      { at: minutes[1] },
    ),
    call('ec2.amazonaws.com', 'StartInstances', { instancesSet: items }, { at: minutes[2] }),
  ];
};
