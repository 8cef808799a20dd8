import { Template } from 'aws-cdk-lib/assertions';
import { MEMBER_ROLE_ACTIONS } from '../../../infra/stacks/member-role-stack';
import { buildTestApp } from './app-fixture';

const { memberRole } = buildTestApp('dev');
const template = Template.fromStack(memberRole);

describe('MemberRoleStack', () => {
  it('names the role after the stage memberRoleName with a one-hour session limit', () => {
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'ComplianceReader', MaxSessionDuration: 3600 });
  });

  it('trusts only the hub role given as a parameter, with the stage ExternalId', () => {
    // Act
    const [role] = Object.values(template.findResources('AWS::IAM::Role'));

    // Assert
    expect(role?.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { AWS: { Ref: 'HubRoleArn' } },
        Condition: { StringEquals: { 'sts:ExternalId': 'compliance-report-dev' } },
      },
    ]);
    template.hasParameter('HubRoleArn', { Type: 'String', AllowedPattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/.+$' });
  });

  it('allows only the read-only AWS Config and CloudTrail calls the scan and Trace changes make', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      Policies: [
        {
          PolicyName: 'ConfigRead',
          PolicyDocument: { Statement: [{ Action: [...MEMBER_ROLE_ACTIONS], Effect: 'Allow', Resource: '*' }] },
        },
      ],
    });
    for (const action of MEMBER_ROLE_ACTIONS)
      expect(action).toMatch(/^(config:(Describe|Get)\w+|cloudtrail:LookupEvents)$/);
  });
});
