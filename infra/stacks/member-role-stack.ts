import { CfnParameter, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

export interface MemberRoleStackProps extends StackProps {
  /** Name of the role; the hub's Scan account function assumes `arn:aws:iam::<member>:role/<memberRoleName>`. */
  readonly memberRoleName: string;
  /** `sts:ExternalId` the hub must present. */
  readonly externalId: string;
}

/** Read actions the scan and Trace changes need in each region of a member account, and nothing else. */
export const MEMBER_ROLE_ACTIONS = [
  'config:DescribeConfigRules',
  'config:DescribeComplianceByConfigRule',
  'config:GetComplianceDetailsByConfigRule',
  'config:DescribeConfigurationRecorderStatus',
  'config:DescribeConfigurationRecorders',
  'config:GetResourceConfigHistory',
  'cloudtrail:LookupEvents',
] as const;

/**
 * The member-account role template, deployed to every member account by a service-managed StackSet (this stack's
 * template is the StackSet template; it is not deployed to the hub). The trusted hub role is a parameter
 * (`HubRoleArn`, the Scan account function's role ARN), so one template serves every account.
 */
export class MemberRoleStack extends Stack {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: MemberRoleStackProps) {
    super(scope, id, props);
    const hubRoleArn = new CfnParameter(this, 'HubRoleArn', {
      type: 'String',
      description: 'ARN of the hub Scan account function role allowed to assume this role',
      allowedPattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/.+$',
      constraintDescription: 'an IAM role ARN such as arn:aws:iam::111111111111:role/ComplianceReport-ScanAccountRole',
    });

    this.role = new iam.Role(this, 'MemberRole', {
      roleName: props.memberRoleName,
      description: 'Read-only AWS Config access for the weekly compliance report (hub Scan account function)',
      assumedBy: new iam.ArnPrincipal(hubRoleArn.valueAsString).withConditions({
        StringEquals: { 'sts:ExternalId': props.externalId },
      }),
      maxSessionDuration: Duration.hours(1),
      inlinePolicies: {
        ConfigRead: new iam.PolicyDocument({
          statements: [new iam.PolicyStatement({ actions: [...MEMBER_ROLE_ACTIONS], resources: ['*'] })],
        }),
      },
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'read-only AWS Config describe/get calls over every rule and recorder of the account; rule names differ per account and the recorder APIs take no resource',
    });
  }
}
