import { CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config/stages';
import { ComplianceIngest } from '../constructs/events/compliance-ingest';
import { EventsFunctions } from '../constructs/events/events-functions';
import { EventsQueryApi } from '../constructs/events/events-query-api';
import { EventsSchedules } from '../constructs/events/events-schedules';
import { EventsTable } from '../constructs/events/events-table';
import { HubEventBus } from '../constructs/events/hub-event-bus';
import type { ReportBucketExports } from './stateful-stack';

export interface EventsStackProps extends StackProps {
  /** Stage config with `events.enabled` and `events.organizationId` set. */
  readonly config: StageConfig;
  /** Export names of the report bucket in the stateful stack (add a stack dependency on it). */
  readonly reportBucket: ReportBucketExports;
  /** Name of the hub bus the member stacks forward to. */
  readonly busName: string;
}

/**
 * The hub side of the compliance events feature: the organization-only hub bus with its archive, the rule to the ingest
 * function (retry policy, dead-letter queue, alarm), the events table (retained), the daily digest and nightly
 * reconciliation schedules, and the IAM-authorised query API.
 */
export class EventsStack extends Stack {
  readonly hub: HubEventBus;
  readonly table: EventsTable;
  readonly functions: EventsFunctions['functions'];
  readonly ingest: ComplianceIngest;
  readonly schedules: EventsSchedules;
  readonly queryApi: EventsQueryApi;

  constructor(scope: Construct, id: string, props: EventsStackProps) {
    super(scope, id, props);
    const { config } = props;
    const events = config.events;
    if (!events.organizationId) {
      throw new Error(`${id}: events.organizationId is required; set it in infra/config/stages.ts`);
    }
    const reportBucket = s3.Bucket.fromBucketAttributes(this, 'ReportBucket', {
      bucketName: Fn.importValue(props.reportBucket.bucketName),
      bucketArn: Fn.importValue(props.reportBucket.bucketArn),
    });

    this.hub = new HubEventBus(this, 'Hub', {
      busName: props.busName,
      organizationId: events.organizationId,
      archiveRetentionDays: events.archiveRetentionDays,
    });
    this.table = new EventsTable(this, 'Events');
    this.functions = new EventsFunctions(this, 'Functions', {
      config,
      table: this.table.table,
      reportBucket,
    }).functions;
    this.ingest = new ComplianceIngest(this, 'Ingest', { bus: this.hub.bus, ingest: this.functions.ingest });
    this.schedules = new EventsSchedules(this, 'Schedules', {
      digest: this.functions.digest.function,
      reconcile: this.functions.reconcile.function,
      digestTime: events.digestSchedule,
      reconcileTime: events.reconcileSchedule,
      timeZone: events.digestSchedule.timeZone,
    });
    this.queryApi = new EventsQueryApi(this, 'Query', {
      handler: this.functions.api.function,
      rateLimit: events.apiThrottle.rateLimit,
      burstLimit: events.apiThrottle.burstLimit,
      logRetention: config.logRetentionDays,
    });

    new CfnOutput(this, 'HubEventBusArn', {
      value: this.hub.bus.eventBusArn,
      description: 'HubEventBusArn parameter of the member events StackSet (ComplianceReport-<stage>-EventsMember)',
    });
    new CfnOutput(this, 'QueryApiUrl', {
      value: this.queryApi.api.url,
      description: 'Query API base URL (SigV4, service execute-api): GET events, GET accounts/{id}/compliance',
    });
    new CfnOutput(this, 'EventsTableName', { value: this.table.table.tableName });
  }
}
