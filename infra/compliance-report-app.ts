import type { App } from 'aws-cdk-lib';
import { loadStageConfig, type StageConfig, type StageConfigInput } from './config/stages';
import { EventsMemberStack } from './stacks/events-member-stack';
import { EventsStack } from './stacks/events-stack';
import { MemberRoleStack } from './stacks/member-role-stack';
import { StatefulStack } from './stacks/stateful-stack';
import { StatelessStack } from './stacks/stateless-stack';

export interface ComplianceReportStacks {
  readonly config: StageConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  readonly memberRole: MemberRoleStack;
  /** The compliance events hub and member template; absent when `events.enabled` is false. */
  readonly events?: { readonly hub: EventsStack; readonly member: EventsMemberStack };
}

/**
 * Adds the stage's stacks to `app`: `ComplianceReport-<stage>-Stateful` (bucket),
 * `ComplianceReport-<stage>-Stateless` (functions, workflow, schedule, alarm) and
 * `ComplianceReport-<stage>-MemberRole` (the StackSet template for member accounts), and with `events.enabled`
 * `ComplianceReport-<stage>-Events` (compliance events hub) and `-EventsMember` (its StackSet template).
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
  if (!config.events.enabled) return { config, stateful, stateless, memberRole };

  const hub = new EventsStack(app, `${prefix}-Events`, {
    env,
    tags,
    config,
    reportBucket: stateful.bucketExports,
    busName: `compliance-events-${stage}`,
    description: 'Compliance events: organization hub bus, ingest, events table, digest, reconciliation and query API',
  });
  hub.addStackDependency(stateful, 'imports the report bucket (reconciliation reads the weekly scan)');
  const member = new EventsMemberStack(app, `${prefix}-EventsMember`, {
    tags,
    description: 'Compliance events: forwards AWS Config compliance changes to the hub bus (StackSet template)',
  });
  return { config, stateful, stateless, memberRole, events: { hub, member } };
};
