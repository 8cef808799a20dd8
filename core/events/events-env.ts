import { z } from 'zod';
import { SEVERITIES } from '../domain/severity';
import { ConfigError } from '../shared/errors';
import { parseWith } from '../shared/validation';

/** `{"rule-name": "High", …}`: local severity overrides keyed by normalised (or raw) rule name. */
const SeverityOverridesSchema = z
  .string()
  .default('{}')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'EVENTS_SEVERITY_OVERRIDES must be a JSON object' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1), z.enum(SEVERITIES)));

/** A valid IANA time zone (Intl knows it). */
const TimeZoneSchema = z
  .string()
  .min(1)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'an IANA time zone, e.g. Asia/Hong_Kong' },
  );

/**
 * Environment of the compliance-events functions (ingest, digest, reconcile), parsed at cold start. Settings only;
 * the Slack secret's value is read at run time by name.
 */
export const EventsEnvSchema = z.object({
  POWERTOOLS_SERVICE_NAME: z.string().min(1).default('compliance-events'),
  AWS_REGION: z.string().default('us-east-1'),
  AWS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** The events table (see core/events/table-design.ts). */
  EVENTS_TABLE_NAME: z.string().min(3),
  /** Days a history record is kept (TTL). */
  EVENTS_HISTORY_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
  /** Local days of the digest. */
  EVENTS_TIME_ZONE: TimeZoneSchema.default('Asia/Hong_Kong'),
  /** JSON map rule name → severity, over the shipped table. */
  EVENTS_SEVERITY_OVERRIDES: SeverityOverridesSchema,
  /** Severities alerted at once, comma-separated; the rest wait for the digest. */
  EVENTS_ALERT_SEVERITIES: z
    .string()
    .default('Critical,High')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(SEVERITIES)).min(1, 'name at least one severity, e.g. Critical,High')),
  /** Console links: standard partition host. */
  EVENTS_CONSOLE_DOMAIN: z.string().default('console.aws.amazon.com'),
  /** DynamoDB endpoint (dynalite locally); unset in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** The weekly report bucket (reconciliation reads the scan's partials); only the reconcile function needs it. */
  REPORT_BUCKET: z.string().min(3).optional(),
  /** Secrets Manager secret with the Slack webhook URL or bot token; unset: no Slack posts (logged). */
  SLACK_SECRET_NAME: z.string().min(1).optional(),
  SLACK_API_BASE_URL: z.url().default('https://slack.com/api'),
});

/** The parsed events environment. */
export type EventsEnv = z.output<typeof EventsEnvSchema>;

/** Parses the environment (default `process.env`); throws ConfigError naming the bad variable. */
export const loadEventsEnv = (env: Record<string, string | undefined> = process.env): EventsEnv =>
  parseWith(EventsEnvSchema, env, 'environment', ConfigError);
