import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { z } from 'zod';
import { AccountIdSchema, RegionSchema } from '../../core/domain/execution-input.schema';
import { SEVERITIES } from '../../core/domain/severity';

const RETENTION_DAYS = Object.values(RetentionDays).filter((v): v is number => typeof v === 'number');
const IAM_NAME = /^[\w+=,.@-]{1,64}$/;
const SEVERITY = z.enum(SEVERITIES);
const cronField = (what: string, example: string) =>
  z.string().regex(/^\d{1,2}$/, `expected ${what}, e.g. "${example}"`);

/**
 * Compliance events (Config compliance changes as they happen): the hub bus, ingest, alerts, digest, reconciliation and
 * query API. Disabled by default; an enabled stage must name its organization, whose accounts alone may put events on
 * the hub bus.
 */
export const EventsConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    /** AWS Organizations id (`aws:PrincipalOrgID` of the hub bus policy). */
    organizationId: z
      .string()
      .regex(/^o-[a-z0-9]{10,32}$/, 'expected an organization id such as o-a1b2c3d4e5')
      .optional(),
    /** When the daily digest runs, in `timeZone` (days are local days of that zone). */
    digestSchedule: z
      .strictObject({
        hour: cronField('an hour 0–23', '9').default('9'),
        minute: cronField('a minute 0–59', '0').default('0'),
        timeZone: z.string().min(1).default('Asia/Hong_Kong'),
      })
      .prefault({}),
    /** When the nightly reconciliation runs, in the digest's time zone (before the digest, so it is included). */
    reconcileSchedule: z
      .strictObject({
        hour: cronField('an hour 0–23', '2').default('2'),
        minute: cronField('a minute 0–59', '0').default('0'),
      })
      .prefault({}),
    /** Days the hub bus archive keeps compliance changes for replay. */
    archiveRetentionDays: z.number().int().min(1).max(3650).default(30),
    /** Days a history item is kept (DynamoDB TTL); latest states are kept. */
    historyTtlDays: z.number().int().min(1).max(3650).default(400),
    /** Severities alerted at once on a new or reopened violation; the rest wait for the digest. */
    alertSeverities: z.array(SEVERITY).default(['Critical', 'High']),
    /** Severity of a base rule name, over the shipped table (e.g. `{ "s3-bucket-versioning-enabled": "High" }`). */
    severityOverrides: z.record(z.string().min(1), SEVERITY).default({}),
    /** API Gateway stage throttling of the query API. */
    apiThrottle: z
      .strictObject({
        rateLimit: z.number().min(1).max(10_000).default(20),
        burstLimit: z.number().int().min(1).max(5_000).default(40),
      })
      .prefault({}),
  })
  .refine((e) => !e.enabled || e.organizationId !== undefined, {
    message: 'an enabled events config needs organizationId (o-xxxxxxxxxx)',
    path: ['organizationId'],
  });

/** The validated events settings of a stage. */
export type EventsConfig = z.output<typeof EventsConfigSchema>;

/**
 * Stage configuration, validated with zod at synth time. Strict: an unknown or misspelt field fails the synth rather
 * than being ignored. Every value is stage config, not a secret.
 */
export const StageConfigSchema = z.strictObject({
  /** Target account and region; omit for an environment-agnostic synth (no lookups are used). */
  env: z.strictObject({ account: AccountIdSchema, region: RegionSchema }).optional(),
  /** Whether the weekly schedule starts executions (a disabled schedule still deploys). */
  scheduleEnabled: z.boolean().default(true),
  /** When the weekly run starts, in `timeZone` (EventBridge Scheduler cron fields). */
  schedule: z
    .strictObject({
      minute: z
        .string()
        .regex(/^\d{1,2}$/, 'expected a minute 0–59, e.g. "0"')
        .default('0'),
      hour: z
        .string()
        .regex(/^\d{1,2}$/, 'expected an hour 0–23, e.g. "9"')
        .default('9'),
      weekDay: z.enum(['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']).default('MON'),
      timeZone: z.string().min(1).default('Asia/Hong_Kong'),
    })
    .prefault({}),
  /** Name of the read-only role in every member account (deployed by the member role StackSet). */
  memberRoleName: z
    .string()
    .regex(IAM_NAME, 'expected an IAM role name (1–64 of A-Za-z0-9+=,.@_-)')
    .default('ComplianceReader'),
  /** `sts:ExternalId` the member role requires; not a secret, but unique to this hub. */
  externalId: z.string().regex(/^[\w+=,.@:/-]{2,1224}$/, 'expected 2–1224 of A-Za-z0-9+=,.@:/_-'),
  regions: z.array(RegionSchema).min(1, 'list at least one region, e.g. ["us-east-1"]'),
  /** Lacework frameworks reported on (empty: none). */
  frameworks: z.array(z.string().min(1)).default([]),
  mapConcurrency: z.number().int().min(1).max(10_000).default(40),
  toleratedFailurePercentage: z.number().min(0).max(100).default(10),
  /** Days the reports (`reports/`) are kept. */
  reportRetentionDays: z.number().int().min(1).default(400),
  /** Days the run working files (`runs/`: accounts, partials, map results) are kept. */
  runsRetentionDays: z.number().int().min(1).default(30),
  logRetentionDays: z
    .number()
    .refine((v) => RETENTION_DAYS.includes(v), `expected a CloudWatch Logs retention: ${RETENTION_DAYS.join(', ')}`)
    .default(90),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  lambdaMemoryMb: z.number().int().min(128).max(10_240).default(512),
  buildReportsMemoryMb: z.number().int().min(1024).max(10_240).default(2048),
  scanTimeoutMinutes: z.number().int().min(1).max(15).default(10),
  includeAccounts: z.array(AccountIdSchema).default([]),
  excludeAccounts: z.array(AccountIdSchema).default([]),
  /** Secrets Manager secret (name) with the Lacework API key JSON; absent: no Lacework part. */
  laceworkSecretName: z.string().min(1).optional(),
  /** Keep only this framework's compliance alerts (the legacy tool's `-r`); absent: every compliance alert. */
  laceworkAlertsFramework: z.string().min(1).optional(),
  /** Secrets Manager secret (name) with `{ "webhookUrl" }` or `{ "botToken", "channel" }`; absent: no Slack post. */
  slackSecretName: z.string().min(1).optional(),
  /** Secrets Manager secret (name) with `{ "baseUrl", "email", "apiToken" }`; absent: no Jira ticket. */
  jiraSecretName: z.string().min(1).optional(),
  jiraProjectKey: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'expected a Jira project key such as SEC')
    .optional(),
  jiraIssueType: z.string().min(1).default('Task'),
  /** Days the report links in Slack and Jira stay valid (presigned URLs: at most 7). */
  linkExpiryDays: z.number().int().min(1).max(7, 'presigned URLs last at most 7 days').default(7),
  /** Resources Trace changes follows per account (CloudTrail allows ~2 lookups/s); 0 turns tracing off. */
  traceLimit: z.number().int().min(0).max(500).default(50),
  /** Client-side pacing of Config calls per member account and region (requests/s); absent: SDK adaptive retry only. */
  configRequestsPerSecond: z.number().positive().max(1000).optional(),
  /** Powertools `service` on every log line (the Datadog monitor keys on it). */
  serviceName: z.string().min(1).default('aws-config-compliance'),
  /** Compliance events; see {@link EventsConfigSchema}. */
  events: EventsConfigSchema.prefault({}),
});

/** What a stage declares (defaults may be left out). */
export type StageConfigInput = z.input<typeof StageConfigSchema>;
/** The validated stage config, every default applied. */
export type StageConfig = z.output<typeof StageConfigSchema>;

/** The stages of this app; `dev` is the default (`cdk synth -c stage=prod` for the other). */
export const STAGES = {
  dev: {
    scheduleEnabled: false,
    externalId: 'compliance-report-dev',
    regions: ['us-east-1', 'ap-east-1'],
    logRetentionDays: 30,
    reportRetentionDays: 90,
    // Placeholder organization id: replace with the real one (aws organizations describe-organization) before deploying.
    events: { enabled: true, organizationId: 'o-exampleorg1' },
  },
  prod: {
    scheduleEnabled: true,
    externalId: 'compliance-report-prod',
    regions: ['us-east-1', 'ap-east-1', 'ap-southeast-1'],
    logRetentionDays: 365,
    reportRetentionDays: 731,
  },
} as const satisfies Record<string, StageConfigInput>;

export type StageName = keyof typeof STAGES;
export const DEFAULT_STAGE: StageName = 'dev';

const isStageName = (name: string): name is StageName => Object.hasOwn(STAGES, name);

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key], data);

/**
 * The validated config of stage `name`, with `overrides` (tests, context) laid over the stage's own values.
 * Throws, naming every bad field, the value received and how to fix it.
 *
 * @example loadStageConfig('dev', { mapConcurrency: 10 })
 */
export const loadStageConfig = (name: string, overrides: Partial<StageConfigInput> = {}): StageConfig => {
  if (!isStageName(name)) {
    throw new Error(`unknown stage "${name}"; use one of ${Object.keys(STAGES).join(', ')} (cdk synth -c stage=dev)`);
  }
  const input = { ...STAGES[name], ...overrides };
  const result = StageConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join('.') || '(root)';
    return `${field}: got ${JSON.stringify(valueAt(input, issue.path))}; ${issue.message.toLowerCase()}`;
  });
  throw new Error(
    `invalid stage config "${name}": ${problems.join('; ')}; fix the value in infra/config/stages.ts (STAGES.${name})`,
  );
};
