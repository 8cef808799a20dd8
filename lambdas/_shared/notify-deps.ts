import type { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { JiraCloudTicketTracker } from '../../core/adapters/jira/jira-cloud-ticket-tracker';
import { SLACK_API_BASE_URL, SlackBotNotifier } from '../../core/adapters/slack/slack-bot-notifier';
import { SlackWebhookNotifier } from '../../core/adapters/slack/slack-webhook-notifier';
import { ConfigError } from '../../core/errors';
import { ChannelPacer } from '../../core/notify/channel-pacer';
import { type HttpCaller, type RetryPolicy, realSleep, type Sleep } from '../../core/notify/http-retry';
import {
  JIRA_SECRET_SHAPE,
  JiraSecretSchema,
  parseSecret,
  SLACK_SECRET_SHAPE,
  SlackSecretSchema,
} from '../../core/notify/notify-secrets';
import type { NotifyTaskDeps } from '../../core/notify/notify-tasks';
import type { ChatNotifier } from '../../core/ports/chat-notifier.port';
import type { TicketTracker } from '../../core/ports/ticket-tracker.port';
import { parseWith } from '../../core/validation';
import type { Deps } from './deps';

const optionalName = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());

/**
 * The notify functions' settings, parsed at cold start. Names of secrets only: the values are read at run time.
 * Unset `SLACK_SECRET_NAME` / `JIRA_SECRET_NAME` mean "not configured" (the tasks answer `not-configured`).
 */
export const NotifyEnvSchema = z
  .object({
    /** Secret JSON `{"webhookUrl"}` or `{"botToken","channel"}`. */
    SLACK_SECRET_NAME: optionalName,
    /** Slack Web API base for `chat.postMessage` (the sandbox's loopback URL locally). */
    SLACK_API_BASE_URL: z.url().default(SLACK_API_BASE_URL),
    /** Secret JSON `{"baseUrl","email","apiToken"}`. */
    JIRA_SECRET_NAME: optionalName,
    JIRA_PROJECT_KEY: optionalName,
    JIRA_ISSUE_TYPE: z.string().min(1).default('Task'),
  })
  .refine((env) => env.JIRA_SECRET_NAME === undefined || env.JIRA_PROJECT_KEY !== undefined, {
    message: 'JIRA_PROJECT_KEY is required when JIRA_SECRET_NAME is set (e.g. SEC)',
    path: ['JIRA_PROJECT_KEY'],
  });
export type NotifyEnv = z.output<typeof NotifyEnvSchema>;

/** Parses the notify settings (default `process.env`); throws ConfigError naming the bad variable. */
export const loadNotifyEnv = (env: Record<string, string | undefined> = process.env): NotifyEnv =>
  parseWith(NotifyEnvSchema, env, 'notify environment', ConfigError);

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
      : async (): Promise<ChatNotifier> => {
          const secret = parseSecret(
            SlackSecretSchema,
            await base.secrets.getSecret(slackSecret),
            slackSecret,
            SLACK_SECRET_SHAPE,
          );
          return 'webhookUrl' in secret
            ? new SlackWebhookNotifier({ webhookUrl: secret.webhookUrl, http: http('slack'), pacer })
            : new SlackBotNotifier({ ...secret, baseUrl: env.SLACK_API_BASE_URL, http: http('slack'), pacer });
        };
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
