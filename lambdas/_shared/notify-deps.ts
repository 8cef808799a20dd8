import type { Logger } from '@aws-lambda-powertools/logger';
import { JiraCloudTicketTracker } from '../../core/notify/jira/adapters/jira-cloud-ticket-tracker';
import { JIRA_SECRET_SHAPE, JiraSecretSchema, parseSecret } from '../../core/notify/notify-secrets';
import type { NotifyTaskDeps } from '../../core/notify/notify-tasks';
import type { TicketTracker } from '../../core/notify/ticket-tracker.port';
import type { Env } from '../../core/platform/env';
import type { ObjectStore } from '../../core/platform/storage/object-store.port';
import type { Platform } from './platform';
import { slackChatFromSecret } from './slack-chat';

/** The notify functions' settings: names of secrets only (the values are read at run time). */
export type NotifyEnv = Pick<
  Env,
  'SLACK_SECRET_NAME' | 'SLACK_API_BASE_URL' | 'JIRA_SECRET_NAME' | 'JIRA_PROJECT_KEY' | 'JIRA_ISSUE_TYPE'
>;

/** What the notify handlers get: the task deps plus the Powertools logger for the middy stack. */
export interface NotifyDeps extends NotifyTaskDeps {
  logger: Logger;
}

/**
 * The parts of the platform the notify functions use (the weekly report's `Deps` has them all): the report bucket,
 * the secrets, and the HTTP and pacing seams (their fetch, sleep and retry policy are the platform's overrides).
 */
export type NotifyBaseDeps = Pick<Platform, 'logger' | 'log' | 'clock' | 'secrets' | 'pacer' | 'http'> & {
  store: ObjectStore;
  env: Pick<Env, 'AWS_REGION'>;
};

/**
 * Builds the notify adapters from the settings on the platform. Each provider reads its secret when a task runs (the
 * secret source caches), never at cold start, and never puts the value anywhere but the adapter. The platform's one
 * pacer per container keeps posts ≤ 1/s per channel across warm invocations.
 */
export const createNotifyDeps = (base: NotifyBaseDeps, env: NotifyEnv): NotifyDeps => {
  const { pacer, http } = base;
  const { SLACK_SECRET_NAME: slackSecret, JIRA_SECRET_NAME: jiraSecret, JIRA_PROJECT_KEY: projectKey } = env;
  const chat =
    slackSecret === undefined
      ? undefined
      : slackChatFromSecret({
          secrets: base.secrets,
          secretName: slackSecret,
          apiBaseUrl: env.SLACK_API_BASE_URL,
          http: http('slack'),
          pacer,
        });
  const tickets =
    jiraSecret === undefined || projectKey === undefined
      ? undefined
      : async (): Promise<TicketTracker> => {
          const secret = parseSecret(
            JiraSecretSchema,
            await base.secrets.getSecret(jiraSecret),
            jiraSecret,
            JIRA_SECRET_SHAPE,
          );
          return new JiraCloudTicketTracker({
            ...secret,
            projectKey,
            issueType: env.JIRA_ISSUE_TYPE,
            http: http('jira'),
          });
        };
  return {
    logger: base.logger,
    log: base.log,
    clock: base.clock,
    store: base.store,
    region: base.env.AWS_REGION,
    ...(chat ? { chat } : {}),
    ...(tickets ? { tickets } : {}),
  };
};
