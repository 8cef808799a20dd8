import type { Logger } from '@aws-lambda-powertools/logger';
import { JiraCloudTicketTracker } from '../../core/notify/adapters/jira-cloud-ticket-tracker';
import { JIRA_SECRET_SHAPE, JiraSecretSchema, parseSecret } from '../../core/notify/notify-secrets';
import type { NotifyTaskDeps } from '../../core/notify/notify-tasks';
import type { TicketTracker } from '../../core/notify/ticket-tracker.port';
import { ChannelPacer } from '../../core/platform/chat/channel-pacer';
import type { Env } from '../../core/platform/env';
import type { HttpCaller } from '../../core/platform/http/http-transport';
import type { RetryPolicy } from '../../core/platform/http/retry-policy';
import { realSleep, type Sleep } from '../../core/shared/sleep';
import type { Deps } from './deps';
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

/** The parts of {@link Deps} the notify functions use. */
export type NotifyBaseDeps = Pick<Deps, 'logger' | 'log' | 'clock' | 'store' | 'secrets'> & {
  env: Pick<Deps['env'], 'AWS_REGION'>;
};

/** Local and test overrides. Lambda passes none. */
export interface NotifyDepsOptions {
  /** @default - the global fetch */
  fetch?: typeof fetch;
  /** @default - a real timer */
  sleep?: Sleep;
  /** @default - DEFAULT_RETRY_POLICY (4 attempts) */
  retryPolicy?: Partial<RetryPolicy>;
}

/**
 * Builds the notify adapters from the settings. Each provider reads its secret when a task runs (the secret source
 * caches), never at cold start, and never puts the value anywhere but the adapter. One pacer per container keeps
 * posts ≤ 1/s per channel across warm invocations.
 */
export const createNotifyDeps = (base: NotifyBaseDeps, env: NotifyEnv, options: NotifyDepsOptions = {}): NotifyDeps => {
  const sleep = options.sleep ?? realSleep;
  const pacer = new ChannelPacer(base.clock, sleep);
  const http = (service: string): HttpCaller => ({
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    sleep,
    service,
    log: base.log,
    ...(options.retryPolicy ? { policy: options.retryPolicy } : {}),
  });
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
