import { z } from 'zod';
import { ConfigError } from '../shared/errors';
import { parseWith } from '../shared/validation';

const csv = (fallback = '') =>
  z
    .string()
    .default(fallback)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    );

/**
 * Lambda environment, parsed once at cold start by {@link loadEnv}; a bad value fails the cold start with the name
 * of the variable. Every value here is stage config, not a secret (secrets are read from Secrets Manager at run time).
 */
export const EnvSchema = z.object({
  POWERTOOLS_SERVICE_NAME: z.string().min(1).default('aws-config-compliance'),
  REPORT_BUCKET: z.string().min(3),
  MEMBER_ROLE_NAME: z.string().min(1),
  MEMBER_EXTERNAL_ID: z.string().min(2).max(1224),
  REGIONS: csv().pipe(z.array(z.string()).min(1, 'REGIONS needs at least one region, e.g. us-east-1,eu-west-1')),
  FRAMEWORKS: csv(),
  REPORT_TIME_ZONE: z.string().min(1).default('Asia/Hong_Kong'),
  INCLUDE_ACCOUNTS: csv(),
  EXCLUDE_ACCOUNTS: csv(),
  REGION_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  RULE_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  AWS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(10),
  /**
   * Client-side pacing of each member account+region's Config calls (requests per second); unset: none (the SDK's
   * adaptive retry only). AWS publishes no Config read rate; pacing below it avoids the 500 ms throttle backoffs.
   */
  CONFIG_MAX_REQUESTS_PER_SECOND: z.coerce.number().positive().max(1000).optional(),
  /** Secrets Manager secret holding the Lacework API key JSON; unset: Lacework is not configured. */
  LACEWORK_SECRET_NAME: z.string().min(1).optional(),
  /**
   * Local only (the sandbox's Lacework server, e.g. `http://127.0.0.1:4567`); unset in AWS, where the API is
   * `https://<account>.lacework.net` from the API key's `account`.
   */
  LACEWORK_API_BASE_URL: z.url().optional(),
  /** Only this framework's compliance alerts (the legacy `-r` filter); unset: every compliance alert. */
  LACEWORK_ALERTS_FRAMEWORK: z.string().min(1).optional(),
  /** Hours a cached Lacework policy stays fresh in `cache/lacework/policies/`. */
  LACEWORK_POLICY_CACHE_TTL_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  /** Secrets Manager secret with the Slack webhook URL or bot token; unset: no Slack post. */
  SLACK_SECRET_NAME: z.string().min(1).optional(),
  /** Slack Web API base for `chat.postMessage` (a bot-token secret); the sandbox's loopback URL locally. */
  SLACK_API_BASE_URL: z.url().default('https://slack.com/api'),
  /** Secrets Manager secret with the Jira base URL, email and API token; unset: no Jira ticket. */
  JIRA_SECRET_NAME: z.string().min(1).optional(),
  JIRA_PROJECT_KEY: z.string().min(1).optional(),
  JIRA_ISSUE_TYPE: z.string().min(1).default('Task'),
  /** Expiry of the report links (presigned URLs) for Slack and Jira: at most 7 days. */
  LINK_EXPIRY_SECONDS: z.coerce.number().int().min(60).max(604_800).default(604_800),
  /** Resources whose change is traced per account (most severe first); the rest are counted "not traced". */
  TRACE_LIMIT: z.coerce.number().int().min(0).max(500).default(50),
  /** Region of the hub (Organizations is global, served from us-east-1). */
  AWS_REGION: z.string().default('us-east-1'),
});

export type Env = z.output<typeof EnvSchema>;

/** Cross-field rules, checked by {@link loadEnv} after the fields themselves. */
const checkEnv = (env: Env): Env => {
  if (env.JIRA_SECRET_NAME && !env.JIRA_PROJECT_KEY) {
    throw new ConfigError('invalid environment: JIRA_PROJECT_KEY is required when JIRA_SECRET_NAME is set (e.g. SEC)');
  }
  return env;
};

/** Parses the environment (default `process.env`) into a typed object; throws ConfigError naming the bad variable. */
export const loadEnv = (env: Record<string, string | undefined> = process.env): Env =>
  checkEnv(parseWith(EnvSchema, env, 'environment', ConfigError));
