import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildTestApp } from './app-fixture';

const { events } = buildTestApp('dev');
if (!events) throw new Error('the events stacks are missing from the dev app');
const template = Template.fromStack(events.member);

describe('EventsMemberStack', () => {
  it('takes the hub bus ARN as a validated parameter', () => {
    template.hasParameter('HubEventBusArn', {
      Type: 'String',
      AllowedPattern: Match.stringLikeRegexp('event-bus'),
    });
  });

  it('forwards AWS Config compliance changes to the hub bus with its own role', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.config'], 'detail-type': ['Config Rules Compliance Change'] },
      Targets: [
        Match.objectLike({
          Arn: { Ref: 'HubEventBusArn' },
          RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ForwardRole'), 'Arn'] },
        }),
      ],
    });
  });

  it('lets the role put events on the hub bus and nothing else', () => {
    // Act
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement,
    );

    // Assert
    expect(statements).toEqual([{ Action: 'events:PutEvents', Effect: 'Allow', Resource: { Ref: 'HubEventBusArn' } }]);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'events.amazonaws.com' } })],
      },
    });
  });
});
