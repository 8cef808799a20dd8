import { z } from 'zod';
import { ConfigError } from '../shared/errors';

/** The Slack secret: an incoming webhook, or a bot token and the channel to post in. */
export const SlackSecretSchema = z.union([
  z.object({ webhookUrl: z.url({ protocol: /^https?$/ }) }),
  z.object({ botToken: z.string().min(1), channel: z.string().min(1) }),
]);
export type SlackSecret = z.infer<typeof SlackSecretSchema>;

/** The Jira secret: the site, and the email and API token of the account that opens tickets (Basic auth). */
export const JiraSecretSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  email: z.string().min(3),
  apiToken: z.string().min(1),
});
export type JiraSecret = z.infer<typeof JiraSecretSchema>;

/**
 * Parses a secret's JSON text. Neither JSON.parse's message (which quotes the text) nor zod's (which may quote
 * values) is kept: the error names the secret, the expected shape and the keys found, never a value.
 */
export const parseSecret = <S extends z.ZodType>(
  schema: S,
  text: string,
  secretName: string,
  expected: string,
): z.output<S> => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError(`secret ${secretName} is not JSON; store ${expected}`);
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const keys = raw !== null && typeof raw === 'object' ? Object.keys(raw).join(', ') || 'none' : typeof raw;
  const paths = [...new Set(result.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ');
  throw new ConfigError(
    `secret ${secretName} has the wrong shape (keys found: ${keys}; bad: ${paths}); store ${expected}`,
  );
};

/** What the Slack secret must hold, for messages. */
export const SLACK_SECRET_SHAPE =
  '{"webhookUrl":"https://hooks.slack.com/services/…"} or {"botToken":"xoxb-…","channel":"#…"}';
/** What the Jira secret must hold, for messages. */
export const JIRA_SECRET_SHAPE = '{"baseUrl":"https://<site>.atlassian.net","email":"…","apiToken":"…"}';
