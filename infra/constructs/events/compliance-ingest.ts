import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ReportFunction } from '../report-function';
import { COMPLIANCE_CHANGE_PATTERN } from './compliance-change-pattern';

export interface ComplianceIngestProps {
  /** The hub bus the member accounts forward to. */
  readonly bus: events.IEventBus;
  /** The ingest function (entry `lambdas/events-ingest/index.ts`). */
  readonly ingest: ReportFunction;
  /**
   * How long EventBridge keeps trying to deliver an event to the function.
   * @default Duration.hours(6)
   */
  readonly maxEventAge?: Duration;
  /**
   * Delivery attempts after the first.
   * @default 8
   */
  readonly retryAttempts?: number;
}

/**
 * Compliance changes on the hub bus → the ingest function, with nothing lost silently. EventBridge retries delivery
 * (explicit policy, not the 24 h / 185 defaults) and then dead-letters the event; Lambda retries a failed invocation
 * twice and then sends the invocation record (with the event as `requestPayload`) to the same queue. An alarm fires on
 * the first message, so an operator can redrive, or replay the window from the archive.
 */
export class ComplianceIngest extends Construct {
  readonly rule: events.Rule;
  readonly deadLetterQueue: sqs.Queue;
  readonly deadLetterAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ComplianceIngestProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'this queue is itself the dead-letter queue (of the ingest rule target and the ingest function on-failure destination); nothing consumes it but an operator redrive',
    });
    props.ingest.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new destinations.SqsDestination(this.deadLetterQueue),
    });
    this.rule = new events.Rule(this, 'Rule', {
      eventBus: props.bus,
      description: 'AWS Config compliance changes from the organization accounts → the ingest function',
      eventPattern: COMPLIANCE_CHANGE_PATTERN,
      targets: [
        new targets.LambdaFunction(props.ingest.function, {
          deadLetterQueue: this.deadLetterQueue,
          maxEventAge: props.maxEventAge ?? Duration.hours(6),
          retryAttempts: props.retryAttempts ?? 8,
        }),
      ],
    });
    this.deadLetterAlarm = new cloudwatch.Alarm(this, 'DeadLetterAlarm', {
      alarmDescription:
        'Compliance events were dead-lettered: redrive the queue, or replay the window from the hub bus archive',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
