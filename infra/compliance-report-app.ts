import type { App } from 'aws-cdk-lib';
import { loadStageConfig, type StageConfig, type StageConfigInput } from './config/stages';
import { MemberRoleStack } from './stacks/member-role-stack';
import { StatefulStack } from './stacks/stateful-stack';
import { StatelessStack } from './stacks/stateless-stack';

export interface ComplianceReportStacks {
  readonly config: StageConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly memberRole: MemberRoleStack;
}

/**
 * Adds the stage's three stacks to `app`: `ComplianceReport-<stage>-Stateful` (bucket),
 * `ComplianceReport-<stage>-Stateless` (functions, workflow, schedule, alarm) and
 * `ComplianceReport-<stage>-MemberRole` (the StackSet template for member accounts).
 * Shared by `infra/app.ts` and the infra tests, so both synthesise the same app.
 */
export const addComplianceReportStacks = (
  app: App,
  stage: string,
  overrides: Partial<StageConfigInput> = {},
): ComplianceReportStacks => {
  const config = loadStageConfig(stage, overrides);
  const prefix = `ComplianceReport-${stage}`;
  const tags = { project: 'compliance-report', stage };
  const env = config.env;

  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    env,
    tags,
    config,
    description: 'Compliance report: report bucket and its access logs (retained)',
  });
  const stateless = new StatelessStack(app, `${prefix}-Stateless`, {
    env,
    tags,
    config,
    reportBucket: stateful.bucketExports,
    description: 'Compliance report: functions, Step Functions workflow, weekly schedule and alarm',
  });
  stateless.addStackDependency(stateful, 'imports the report bucket');
  const memberRole = new MemberRoleStack(app, `${prefix}-MemberRole`, {
    tags,
    memberRoleName: config.memberRoleName,
    externalId: config.externalId,
    description: 'Compliance report: read-only AWS Config role for member accounts (StackSet template)',
  });
  return { config, stateful, stateless, memberRole };
};
