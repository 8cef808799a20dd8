import type { Logger } from '@aws-lambda-powertools/logger';
import { DynamoComplianceEventStore } from '../../core/events/adapters/dynamo-compliance-event-store';
import type { ComplianceEventStore } from '../../core/events/event-store.port';
import type { EventsEnv } from '../../core/events/events-env';
import { createSeverityResolver, type SeverityResolver } from '../../core/events/severity-resolver';
import type { ChatNotifier } from '../../core/platform/chat/chat-notifier.port';
import type { Clock } from '../../core/platform/clock.port';
import type { ObjectStore } from '../../core/platform/storage/object-store.port';
import type { Log } from '../../core/shared/log.port';
import { createPlatform, type PlatformOverrides } from './platform';
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

/**
 * Local and test overrides; Lambda passes none. `hubCredentials` are the static credentials of a local DynamoDB
 * endpoint (DYNAMODB_ENDPOINT).
 */
export interface EventsDepsOverrides extends PlatformOverrides {
  store?: ComplianceEventStore;
  reports?: ObjectStore;
}

/**
 * The composition root of the events functions: on the platform, the DynamoDB store, severity table with the
 * configured overrides, Slack (webhook or bot, as the secret says) behind the platform's one pacer per container, S3
 * for the weekly partials.
 */
export const createEventsDeps = (env: EventsEnv, overrides: EventsDepsOverrides = {}): EventsDeps => {
  const { store: eventStore, reports: reportStore, ...platformOverrides } = overrides;
  const {
    logger,
    log,
    clock,
    clients,
    secrets,
    store: reportBucket,
    http,
    pacer,
  } = createPlatform(env, platformOverrides);
  const store = eventStore ?? new DynamoComplianceEventStore(clients.dynamoDocument(), env.EVENTS_TABLE_NAME, clock);
  const slackSecret = env.SLACK_SECRET_NAME;
  const chat =
    slackSecret === undefined
      ? undefined
      : slackChatFromSecret({
          secrets,
          secretName: slackSecret,
          apiBaseUrl: env.SLACK_API_BASE_URL,
          http: http('slack'),
          pacer,
        });
  const reports = reportStore ?? reportBucket;
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
