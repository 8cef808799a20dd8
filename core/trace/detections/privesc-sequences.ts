import { lastSegment, param, rawParam } from '../analysis/call-facts';
import type { CloudTrailRecord } from '../analysis/cloudtrail-record.schema';
import { openTrust, parsePolicyDocument } from '../analysis/policy-document';

/** One step of a sequence: event names (normalised) of one service, with an optional extra condition. */
export interface SequenceStep {
  eventSource: string;
  eventNames: readonly string[];
  /** Extra condition on `requestParameters`; skipped for denied calls whose parameters were not recorded. */
  when?: (record: CloudTrailRecord) => boolean;
}

/**
 * An ORDERED sequence row of the privilege-escalation catalogue: every step must occur after the previous one, by the
 * same origin, within the window; when `link` is set, every step must share one link value (the same role, instance,
 * function, job…). Critical when all steps succeed, Medium when a step was denied.
 */
export interface SequenceRule {
  pattern: number;
  slug: string;
  title: string;
  steps: readonly SequenceStep[];
  /** The resource that ties the steps together; `undefined` means "not recorded" and does not block a denied step. */
  link?: (record: CloudTrailRecord) => readonly string[] | undefined;
}

const one = (value: string | undefined): string[] | undefined => (value === undefined ? undefined : [value]);

/** Instance ids of an EC2 call (`instancesSet.items[].instanceId` or `instanceId`). */
const instanceIds = (record: CloudTrailRecord): string[] | undefined => {
  const single = param(record, 'instanceId');
  if (single !== undefined) return [single];
  const items = (rawParam(record, 'instancesSet') as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items)) return undefined;
  return items
    .map((item) => (item as { instanceId?: unknown }).instanceId)
    .filter((id): id is string => typeof id === 'string');
};

const functionName = (r: CloudTrailRecord) => one(lastSegment(param(r, 'functionName'), ':'));
const roleName = (r: CloudTrailRecord) => one(param(r, 'roleName') ?? lastSegment(param(r, 'roleArn')));
const taskFamily = (r: CloudTrailRecord) =>
  one(param(r, 'family') ?? lastSegment(param(r, 'taskDefinition'))?.split(':')[0]);
const jobName = (r: CloudTrailRecord) => {
  const actions = rawParam(r, 'actions');
  const fromTrigger = Array.isArray(actions) ? (actions[0] as { jobName?: unknown } | undefined)?.jobName : undefined;
  return one(param(r, 'jobName') ?? param(r, 'name') ?? (typeof fromTrigger === 'string' ? fromTrigger : undefined));
};

const IAM = 'iam.amazonaws.com';
const STS = 'sts.amazonaws.com';
const EC2 = 'ec2.amazonaws.com';
const LAMBDA = 'lambda.amazonaws.com';
const GLUE = 'glue.amazonaws.com';

/** Sequence rows of the catalogue. */
export const SEQUENCE_RULES: readonly SequenceRule[] = [
  {
    pattern: 6,
    slug: 'trust-policy-backdoor',
    title: 'Trust policy opened, then the role assumed',
    steps: [
      {
        eventSource: IAM,
        eventNames: ['UpdateAssumeRolePolicy'],
        when: (r) =>
          openTrust(
            parsePolicyDocument(rawParam(r, 'policyDocument')),
            r.recipientAccountId ?? r.userIdentity.accountId,
          ) !== undefined,
      },
      { eventSource: STS, eventNames: ['AssumeRole'] },
    ],
    link: roleName,
  },
  {
    pattern: 10,
    slug: 'launch-template-swap',
    title: 'Launch template version created and made default',
    steps: [
      { eventSource: EC2, eventNames: ['CreateLaunchTemplateVersion'] },
      { eventSource: EC2, eventNames: ['ModifyLaunchTemplate'] },
    ],
  },
  {
    pattern: 11,
    slug: 'ec2-user-data-swap',
    title: 'Instance stopped, user data replaced, instance started',
    steps: [
      { eventSource: EC2, eventNames: ['StopInstances'] },
      { eventSource: EC2, eventNames: ['ModifyInstanceAttribute'], when: (r) => rawParam(r, 'userData') !== undefined },
      { eventSource: EC2, eventNames: ['StartInstances'] },
    ],
    link: instanceIds,
  },
  {
    pattern: 12,
    slug: 'pass-role-to-lambda-and-run',
    title: 'Lambda function created with a role, then invoked or exposed',
    steps: [
      { eventSource: LAMBDA, eventNames: ['CreateFunction'], when: (r) => param(r, 'role') !== undefined },
      { eventSource: LAMBDA, eventNames: ['Invoke', 'AddPermission', 'CreateEventSourceMapping'] },
    ],
    link: functionName,
  },
  {
    pattern: 14,
    slug: 'glue-job-run',
    title: 'Glue job created or changed, then run',
    steps: [
      { eventSource: GLUE, eventNames: ['CreateJob', 'UpdateJob'] },
      { eventSource: GLUE, eventNames: ['StartJobRun', 'CreateTrigger'] },
    ],
    link: jobName,
  },
  {
    pattern: 14,
    slug: 'glue-interactive-session',
    title: 'Glue interactive session created, then a statement run',
    steps: [
      { eventSource: GLUE, eventNames: ['CreateSession'] },
      { eventSource: GLUE, eventNames: ['RunStatement'] },
    ],
    link: (r) => one(param(r, 'id') ?? param(r, 'sessionId')),
  },
  {
    pattern: 15,
    slug: 'cloudformation-change-set',
    title: 'CloudFormation change set created, then executed',
    steps: [
      { eventSource: 'cloudformation.amazonaws.com', eventNames: ['CreateChangeSet'] },
      { eventSource: 'cloudformation.amazonaws.com', eventNames: ['ExecuteChangeSet'] },
    ],
    link: (r) => one(lastSegment(param(r, 'stackName'))),
  },
  {
    pattern: 16,
    slug: 'ecs-task-with-role',
    title: 'ECS task definition registered with a role, then run',
    steps: [
      {
        eventSource: 'ecs.amazonaws.com',
        eventNames: ['RegisterTaskDefinition'],
        when: (r) => param(r, 'taskRoleArn') !== undefined || param(r, 'executionRoleArn') !== undefined,
      },
      { eventSource: 'ecs.amazonaws.com', eventNames: ['RunTask', 'StartTask', 'CreateService'] },
    ],
    link: taskFamily,
  },
  {
    pattern: 17,
    slug: 'codebuild-project-run',
    title: 'CodeBuild project created, then built',
    steps: [
      { eventSource: 'codebuild.amazonaws.com', eventNames: ['CreateProject'] },
      { eventSource: 'codebuild.amazonaws.com', eventNames: ['StartBuild', 'StartBuildBatch'] },
    ],
    link: (r) => one(param(r, 'name') ?? param(r, 'projectName')),
  },
  {
    pattern: 17,
    slug: 'sagemaker-notebook',
    title: 'SageMaker notebook created, then opened',
    steps: [
      { eventSource: 'sagemaker.amazonaws.com', eventNames: ['CreateNotebookInstance'] },
      { eventSource: 'sagemaker.amazonaws.com', eventNames: ['CreatePresignedNotebookInstanceUrl'] },
    ],
    link: (r) => one(param(r, 'notebookInstanceName')),
  },
  {
    pattern: 19,
    slug: 'cli-to-console',
    title: 'Federation token turned into a console session',
    steps: [
      { eventSource: STS, eventNames: ['GetFederationToken'] },
      { eventSource: 'signin.amazonaws.com', eventNames: ['GetSigninToken'] },
      { eventSource: 'signin.amazonaws.com', eventNames: ['ConsoleLogin'] },
    ],
  },
  {
    pattern: 20,
    slug: 'eks-access-entry',
    title: 'EKS access entry created, then a policy associated',
    steps: [
      { eventSource: 'eks.amazonaws.com', eventNames: ['CreateAccessEntry'] },
      { eventSource: 'eks.amazonaws.com', eventNames: ['AssociateAccessPolicy'] },
    ],
    link: (r) => one(param(r, 'name') ?? param(r, 'clusterName')),
  },
];
