import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { EventsEnvSchema } from '../../../core/events/events-env';
import type { StageConfig } from '../../config/stages';
import { acknowledgeIam5, nagRef } from '../../nag/nag-findings';
import { ReportFunction } from '../report-function';

/** Handler entry files of the compliance events functions (each exports `handler`). */
export const EVENTS_LAMBDA_ENTRIES = {
  ingest: 'lambdas/events-ingest/index.ts',
  digest: 'lambdas/events-digest/index.ts',
  reconcile: 'lambdas/events-reconcile/index.ts',
  api: 'lambdas/events-api/index.ts',
} as const;

export type EventsFunctionKey = keyof typeof EVENTS_LAMBDA_ENTRIES;

export interface EventsFunctionsProps {
  readonly config: StageConfig;
  readonly table: dynamodb.ITable;
  /** The weekly report bucket: reconciliation compares the latest states with the weekly scan's partials. */
  readonly reportBucket: s3.IBucket;
}

/**
 * The settings of the events functions (core/events/events-env.ts), validated at synth against `EventsEnvSchema`
 * (the table name is a token until deploy, so a stand-in name is validated).
 */
export const eventsEnvironment = (config: StageConfig, table: dynamodb.ITable, reportBucket: s3.IBucket) => {
  const events = config.events;
  const environment: Record<string, string> = {
    POWERTOOLS_SERVICE_NAME: `${config.serviceName}-events`,
    EVENTS_TABLE_NAME: table.tableName,
    EVENTS_HISTORY_TTL_DAYS: String(events.historyTtlDays),
    EVENTS_TIME_ZONE: events.digestSchedule.timeZone,
    EVENTS_SEVERITY_OVERRIDES: JSON.stringify(events.severityOverrides),
    EVENTS_ALERT_SEVERITIES: events.alertSeverities.join(','),
    REPORT_BUCKET: reportBucket.bucketName,
    ...(config.slackSecretName ? { SLACK_SECRET_NAME: config.slackSecretName } : {}),
  };
  const parsed = EventsEnvSchema.safeParse({ ...environment, EVENTS_TABLE_NAME: 'table-name-at-deploy' });
  if (!parsed.success) throw new Error(`invalid compliance events environment: ${parsed.error.message}`);
  return environment;
};

/**
 * The four compliance events functions, each with only what it needs: ingest and digest read and write the table and
 * read the Slack secret; reconciliation reads and writes the table and reads the report bucket; the query API reads
 * the table.
 */
export class EventsFunctions extends Construct {
  readonly functions: Record<EventsFunctionKey, ReportFunction>;

  constructor(scope: Construct, id: string, props: EventsFunctionsProps) {
    super(scope, id);
    const { config, table, reportBucket } = props;
    const environment = eventsEnvironment(config, table, reportBucket);
    const make = (key: EventsFunctionKey, description: string, memorySize: number, timeout: Duration) =>
      new ReportFunction(this, key.charAt(0).toUpperCase() + key.slice(1), {
        entry: EVENTS_LAMBDA_ENTRIES[key],
        description,
        environment,
        envSchema: EventsEnvSchema,
        memorySize,
        timeout,
        logRetention: config.logRetentionDays,
        logLevel: config.logLevel,
      });
    const ingest = make('ingest', 'Compliance events: ingest one Config compliance change', 256, Duration.seconds(30));
    const digest = make('digest', 'Compliance events: daily digest to Slack', 512, Duration.minutes(5));
    const reconcile = make('reconcile', 'Compliance events: nightly reconciliation', 1024, Duration.minutes(15));
    const api = make('api', 'Compliance events: query API', 512, Duration.seconds(28));

    const indexes = `Resource::${nagRef(this, table.tableArn)}/index/*`;
    for (const fn of [ingest, digest, reconcile]) {
      table.grantReadWriteData(fn.function);
      acknowledgeIam5(
        fn.role,
        [indexes],
        'queries the events table GSIs (by rule, resource and status; core/events/table-design.ts), all under the table ARN',
      );
    }
    table.grantReadData(api.function);
    acknowledgeIam5(
      api.role,
      [indexes],
      'queries the events table GSIs (by rule, resource and status) for GET /events; read-only grant',
    );
    reconcile.bindReportBucket(reportBucket, 'read');
    if (config.slackSecretName) {
      const secret = secretsmanager.Secret.fromSecretNameV2(this, 'SlackSecret', config.slackSecretName);
      for (const fn of [ingest, digest]) {
        secret.grantRead(fn.function);
        acknowledgeIam5(
          fn.role,
          [`Resource::${nagRef(this, `${secret.secretArn}-??????`)}`],
          `reads the ${config.slackSecretName} secret at run time; a secret named without its ARN suffix is matched with -?????? (CDK fromSecretNameV2)`,
        );
      }
    }
    this.functions = { ingest, digest, reconcile, api };
  }
}
