import type { Logger } from '@aws-lambda-powertools/logger';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoComplianceEventStore } from '../../core/events/adapters/dynamo-compliance-event-store';
import type { ComplianceEventStore } from '../../core/events/event-store.port';
import type { EventsEnv } from '../../core/events/events-env';
import { createSeverityResolver, type SeverityResolver } from '../../core/events/severity-resolver';
import { createAwsClientFactory } from '../../core/platform/aws/aws-clients';
import { createDocumentClient } from '../../core/platform/aws/dynamo-client';
import { ChannelPacer } from '../../core/platform/chat/channel-pacer';
import type { ChatNotifier } from '../../core/platform/chat/chat-notifier.port';
import { type Clock, systemClock } from '../../core/platform/clock.port';
import type { RetryPolicy } from '../../core/platform/http/retry-policy';
import type { SecretSource } from '../../core/platform/secrets/secret-source.port';
import { SecretsManagerSecretSource } from '../../core/platform/secrets/secrets-manager-secret-source';
import type { ObjectStore } from '../../core/platform/storage/object-store.port';
import { S3ObjectStore } from '../../core/platform/storage/s3-object-store';
import type { Log } from '../../core/shared/log';
import { realSleep, type Sleep } from '../../core/shared/sleep';
import { createLogger, toLog } from './logger';
import { slackChatFromSecret } from './slack-chat';

/** What the compliance-events handlers need, built once per container (or per local run). */
export interface EventsDeps {
  env: EventsEnv;
  logger: Logger;
  log: Log;
  clock: Clock;
  store: ComplianceEventStore;
  severity: SeverityResolver;
  /** The Slack channel when SLACK_SECRET_NAME is set; the secret is read on first use. */
  chat?: () => Promise<ChatNotifier>;
  /** The weekly report bucket (reconciliation); absent when REPORT_BUCKET is unset. */
  reports?: ObjectStore;
}

/** Local and test overrides; Lambda passes none. */
export interface EventsDepsOverrides {
  logger?: Logger;
  clock?: Clock;
  secrets?: SecretSource;
  store?: ComplianceEventStore;
  /** Static credentials for a local DynamoDB endpoint. */
  dynamoCredentials?: { accessKeyId: string; secretAccessKey: string };
  fetch?: typeof fetch;
  sleep?: Sleep;
  retryPolicy?: Partial<RetryPolicy>;
  reports?: ObjectStore;
}

/**
 * The composition root of the events functions: DynamoDB DocumentClient and store, severity table with the configured
 * overrides, Slack (webhook or bot, as the secret says) behind one pacer per container, S3 for the weekly partials.
 */
export const createEventsDeps = (env: EventsEnv, overrides: EventsDepsOverrides = {}): EventsDeps => {
  const logger = overrides.logger ?? createLogger(env.POWERTOOLS_SERVICE_NAME);
  const log = toLog(logger);
  const clock = overrides.clock ?? systemClock;
  const store =
    overrides.store ??
    new DynamoComplianceEventStore(
      createDocumentClient({
        region: env.AWS_REGION,
        maxAttempts: env.AWS_MAX_ATTEMPTS,
        ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
        ...(overrides.dynamoCredentials ? { credentials: overrides.dynamoCredentials } : {}),
      }),
      env.EVENTS_TABLE_NAME,
      clock,
    );
  const secrets =
    overrides.secrets ??
    new SecretsManagerSecretSource(
      new SecretsManagerClient({ region: env.AWS_REGION, maxAttempts: env.AWS_MAX_ATTEMPTS }),
    );
  const sleep = overrides.sleep ?? realSleep;
  const pacer = new ChannelPacer(clock, sleep);
  const http = {
    fetch: overrides.fetch ?? ((input: Parameters<typeof fetch>[0], init?: RequestInit) => fetch(input, init)),
    sleep,
    service: 'slack',
    log,
    ...(overrides.retryPolicy ? { policy: overrides.retryPolicy } : {}),
  };
  const slackSecret = env.SLACK_SECRET_NAME;
  const chat =
    slackSecret === undefined
      ? undefined
      : slackChatFromSecret({ secrets, secretName: slackSecret, apiBaseUrl: env.SLACK_API_BASE_URL, http, pacer });
  const reports =
    overrides.reports ??
    (env.REPORT_BUCKET
      ? new S3ObjectStore(
          createAwsClientFactory({ region: env.AWS_REGION, maxAttempts: env.AWS_MAX_ATTEMPTS }).s3(),
          env.REPORT_BUCKET,
        )
      : undefined);
  return {
    env,
    logger,
    log,
    clock,
    store,
    severity: createSeverityResolver(env.EVENTS_SEVERITY_OVERRIDES),
    ...(chat ? { chat } : {}),
    ...(reports ? { reports } : {}),
  };
};
