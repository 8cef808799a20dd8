import { Match, Template } from 'aws-cdk-lib/assertions';
import { EVENTS_TABLE, EVENTS_TABLE_INDEXES } from '../../../core/events/table-design';
import { buildTestApp } from './app-fixture';

const { events } = buildTestApp('dev', {
  slackSecretName: 'compliance/slack',
  events: {
    enabled: true,
    organizationId: 'o-a1b2c3d4e5',
    digestSchedule: { hour: '8', minute: '30' },
    historyTtlDays: 180,
    severityOverrides: { 'encrypted-volumes': 'Critical' },
  },
});
if (!events) throw new Error('the events stacks are missing from the test app');
const template = Template.fromStack(events.hub);

const functionLogicalId = (name: string): string => {
  const [id] = Object.keys(
    template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp(name) } }),
  );
  if (!id) throw new Error(`no function described "${name}"`);
  return id;
};

describe('EventsStack', () => {
  describe('hub bus', () => {
    it('admits events:PutEvents only from principals of the organization', () => {
      template.hasResourceProperties('AWS::Events::EventBusPolicy', {
        EventBusName: { Ref: Match.stringLikeRegexp('^HubBus') },
        Statement: {
          Sid: 'cdk-OrganizationAccountsPutEvents',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 'events:PutEvents',
          Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubBus'), 'Arn'] },
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        },
      });
      template.resourceCountIs('AWS::Events::EventBusPolicy', 1);
    });

    it('archives the compliance changes for replay', () => {
      template.hasResourceProperties('AWS::Events::Archive', {
        SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^HubBus'), 'Arn'] },
        EventPattern: { source: ['aws.config'], 'detail-type': ['Config Rules Compliance Change'] },
        RetentionDays: 30,
      });
    });
  });

  describe('ingest rule', () => {
    it('sends the compliance changes on the hub bus to the ingest function with a retry policy and a DLQ', () => {
      template.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: { Ref: Match.stringLikeRegexp('^HubBus') },
        EventPattern: { source: ['aws.config'], 'detail-type': ['Config Rules Compliance Change'] },
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [functionLogicalId('ingest'), 'Arn'] },
            RetryPolicy: { MaximumEventAgeInSeconds: 6 * 3600, MaximumRetryAttempts: 8 },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IngestDeadLetterQueue'), 'Arn'] } },
          }),
        ],
      });
    });

    it('encrypts the dead-letter queue and refuses requests without TLS', () => {
      template.hasResourceProperties('AWS::SQS::Queue', {
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1_209_600,
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });

    it('sends failed invocations to the same queue after two Lambda retries', () => {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionLogicalId('ingest') },
        MaximumRetryAttempts: 2,
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IngestDeadLetterQueue'), 'Arn'] } },
        },
      });
    });
  });

  describe('events table', () => {
    it('is on-demand, encrypted (AWS managed key), with point-in-time recovery and TTL on expiresAt', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: EVENTS_TABLE.ttlAttribute, Enabled: true },
        DeletionProtectionEnabled: true,
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
      });
      template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    });

    it('has the GSIs of the table design, projecting every attribute', () => {
      // Act
      const [table] = Object.values(template.findResources('AWS::DynamoDB::Table'));

      // Assert
      const indexes = table?.Properties.GlobalSecondaryIndexes as Record<string, unknown>[];
      expect(indexes).toEqual(
        EVENTS_TABLE_INDEXES.map((i) => ({
          IndexName: i.indexName,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      );
    });
  });

  describe('schedules', () => {
    it('runs the digest daily at the stage time in its explicit time zone', () => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(30 8 * * ? *)',
        ScheduleExpressionTimezone: 'Asia/Hong_Kong',
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionLogicalId('digest'), 'Arn'] },
          Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
          RetryPolicy: { MaximumEventAgeInSeconds: 3600, MaximumRetryAttempts: 2 },
        }),
      });
    });

    it('runs the reconciliation nightly before the digest', () => {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(0 2 * * ? *)',
        ScheduleExpressionTimezone: 'Asia/Hong_Kong',
        Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [functionLogicalId('reconciliation'), 'Arn'] } }),
      });
    });
  });

  describe('query API', () => {
    it('requires IAM authorisation on every method', () => {
      const methods = Object.values(template.findResources('AWS::ApiGateway::Method'));

      expect(methods.map((m) => [m.Properties.HttpMethod, m.Properties.AuthorizationType])).toEqual([
        ['GET', 'AWS_IAM'],
        ['GET', 'AWS_IAM'],
      ]);
    });

    it('logs access as JSON and throttles the stage', () => {
      template.hasResourceProperties('AWS::ApiGateway::Stage', {
        StageName: 'v1',
        TracingEnabled: true,
        AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId"') },
        MethodSettings: [
          Match.objectLike({ LoggingLevel: 'ERROR', ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 }),
        ],
      });
    });
  });

  describe('functions', () => {
    it('grants the query API read-only access to the table', () => {
      // Act
      const policies = Object.entries(template.findResources('AWS::IAM::Policy'))
        .filter(([id]) => id.startsWith('FunctionsApiRole'))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]);

      // Assert
      const actions = policies.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
      expect(actions.some((a) => a.startsWith('dynamodb:Query'))).toBe(true);
      expect(actions.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]);
    });

    it('runs the four functions on Node.js 24 arm64', () => {
      for (const name of ['ingest', 'digest', 'reconciliation', 'query API']) {
        template.hasResourceProperties('AWS::Lambda::Function', {
          Description: Match.stringLikeRegexp(name),
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
        });
      }
    });
  });
});
