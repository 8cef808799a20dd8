import { z } from 'zod';
import { LaceworkScenarioSchema } from './lacework-scenario.schema';

/** The ExternalId every member role of a scenario requires unless the scenario names another. */
export const DEFAULT_EXTERNAL_ID = 'compliance-report-sandbox';
/** The member role name unless the scenario names another. */
export const DEFAULT_MEMBER_ROLE_NAME = 'ComplianceReader';

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

const preview = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** A timestamp as the AWS JSON protocols carry it: ISO 8601 text or epoch seconds. */
export const AwsTimestampSchema = z.union([z.iso.datetime({ offset: true }), z.number().nonnegative()], {
  error: (issue) =>
    `expected an ISO 8601 date-time (e.g. "2026-11-20T08:00:00Z") or epoch seconds, received ${preview(issue.input)}`,
});
export type AwsTimestamp = z.infer<typeof AwsTimestampSchema>;

const AccountIdSchema = z.string().regex(ACCOUNT_ID, 'expected a 12-digit AWS account id, e.g. "111111111111"');

/** An Organizations `Account` exactly as `ListAccounts` returns it (unknown AWS fields pass through). */
export const OrganizationAccountSchema = z.looseObject({
  Id: AccountIdSchema,
  Arn: z.string().startsWith('arn:aws:organizations::'),
  Email: z.string().includes('@'),
  Name: z.string().min(1),
  Status: z.enum(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE']).optional(),
  State: z.enum(['PENDING_ACTIVATION', 'ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE', 'CLOSED']).optional(),
  JoinedMethod: z.enum(['INVITED', 'CREATED']),
  JoinedTimestamp: AwsTimestampSchema,
});
export type OrganizationAccount = z.infer<typeof OrganizationAccountSchema>;

/** A Config `ConfigRule` as `DescribeConfigRules` returns it (unknown AWS fields pass through). */
export const ConfigRuleSchema = z.looseObject({
  ConfigRuleName: z.string().min(1).max(128),
  ConfigRuleArn: z.string().startsWith('arn:aws:config:'),
  ConfigRuleId: z.string().min(1),
  Source: z.looseObject({
    Owner: z.enum(['AWS', 'CUSTOM_LAMBDA', 'CUSTOM_POLICY']),
    SourceIdentifier: z.string().optional(),
  }),
  ConfigRuleState: z.enum(['ACTIVE', 'DELETING', 'DELETING_RESULTS', 'EVALUATING']).optional(),
});
export type ConfigRule = z.infer<typeof ConfigRuleSchema>;

/** A Config `EvaluationResult` as `GetComplianceDetailsByConfigRule` returns it (unknown AWS fields pass through). */
export const EvaluationResultSchema = z.looseObject({
  EvaluationResultIdentifier: z.looseObject({
    EvaluationResultQualifier: z.looseObject({
      ConfigRuleName: z.string().min(1),
      ResourceType: z.string().min(1),
      ResourceId: z.string().min(1),
    }),
    OrderingTimestamp: AwsTimestampSchema.optional(),
  }),
  ComplianceType: z.enum(['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'], {
    error: (issue) =>
      `expected "COMPLIANT", "NON_COMPLIANT" or "NOT_APPLICABLE" (an EvaluationResult is never INSUFFICIENT_DATA), received ${preview(issue.input)}`,
  }),
  ResultRecordedTime: AwsTimestampSchema,
  ConfigRuleInvokedTime: AwsTimestampSchema,
  Annotation: z.string().max(256).optional(),
});
export type EvaluationResult = z.infer<typeof EvaluationResultSchema>;

/**
 * A full CloudTrail record, as it appears (JSON-encoded) in LookupEvents' `CloudTrailEvent` string. Only the fields
 * LookupEvents indexes are checked; everything else (messy identities, null `requestParameters`) passes through.
 */
export const CloudTrailRecordSchema = z.looseObject({
  eventID: z.string().min(1),
  eventTime: z.iso.datetime({ offset: true }),
  eventName: z.string().min(1),
  eventSource: z.string().min(1),
  readOnly: z.boolean().optional(),
});
export type CloudTrailRecord = z.infer<typeof CloudTrailRecordSchema>;

/** A Config `ConfigurationItem` as `GetResourceConfigHistory` returns it (camelCase; unknown fields pass through). */
export const ConfigurationItemSchema = z.looseObject({
  resourceType: z.string().min(1),
  resourceId: z.string().min(1),
  resourceName: z.string().optional(),
  configurationItemCaptureTime: AwsTimestampSchema,
  configurationItemStatus: z.string().optional(),
  /** CloudTrail event ids of the changes this item records. */
  relatedEvents: z.array(z.string()).optional(),
});
export type ConfigurationItem = z.infer<typeof ConfigurationItemSchema>;

/** One region of one member account: the recorder, the rules and their evaluation results. */
export const RegionScenarioSchema = z.strictObject({
  recorder: z.union([z.boolean(), z.literal('stopped')], {
    error: (issue) =>
      `expected true (recording), "stopped" (recorder exists, not recording) or false (no recorder), received ${preview(issue.input)}`,
  }),
  configRules: z.array(ConfigRuleSchema).default([]),
  evaluations: z.array(EvaluationResultSchema).default([]),
  /** CloudTrail management events that LookupEvents answers from (any order; served newest first). */
  cloudTrailEvents: z.array(CloudTrailRecordSchema).optional(),
  /** Configuration items that GetResourceConfigHistory answers from. */
  configurationItems: z.array(ConfigurationItemSchema).optional(),
});
export type RegionScenario = z.infer<typeof RegionScenarioSchema>;

/** One member account: whether its role can be assumed, and its regions. */
export const AccountScenarioSchema = z.strictObject({
  assumeRole: z.enum(['ok', 'AccessDenied'], {
    error: (issue) => `expected "ok" or "AccessDenied", received ${preview(issue.input)}`,
  }),
  regions: z.record(z.string().regex(REGION, 'expected a region name such as "us-east-1"'), RegionScenarioSchema),
});
export type AccountScenario = z.infer<typeof AccountScenarioSchema>;

/**
 * Kinds of hostile Config answers (`faults.configCorruptResponses`): `missing-fields` (evaluations without
 * ResourceId), `wrong-types` (ResultRecordedTime as text), `unexpected-enum` (ComplianceType `MOSTLY_COMPLIANT`),
 * `not-json` (an HTML body with status 200), `huge-page` (the real page plus 10 MB in an unknown field),
 * `huge-annotation` (each annotation 100 KB).
 */
export const CONFIG_CORRUPTIONS = [
  'missing-fields',
  'wrong-types',
  'unexpected-enum',
  'not-json',
  'huge-page',
  'huge-annotation',
] as const;
export type ConfigCorruption = (typeof CONFIG_CORRUPTIONS)[number];

/** Which accounts a fault applies to: every account (`"*"`) or a list of ids. */
export const AccountSelectorSchema = z.union([z.literal('*'), z.array(AccountIdSchema)]);
export type AccountSelector = z.infer<typeof AccountSelectorSchema>;

/** Injected faults; all optional. */
export const FaultsSchema = z.strictObject({
  /** Delay before every answer (STS, Organizations, Config), in milliseconds. */
  latencyMs: z.number().int().nonnegative().max(60_000).optional(),
  /** The first `firstCallsPerRegion` Config calls per account+region answer ThrottlingException, then succeed. */
  configThrottling: z
    .strictObject({ accounts: AccountSelectorSchema, firstCallsPerRegion: z.number().int().nonnegative() })
    .optional(),
  /** A token bucket per account+region; an empty bucket answers ThrottlingException. */
  configRateLimit: z
    .strictObject({ ratePerSecond: z.number().positive(), burst: z.number().int().positive() })
    .optional(),
  /**
   * Token buckets per calling (hub) account on STS and Organizations: an empty bucket answers `Throttling` (STS) or
   * `TooManyRequestsException` (Organizations), as AWS does (sandbox/servers/hub-rate-limits.ts).
   */
  hubRateLimit: z
    .strictObject({
      sts: z.strictObject({ ratePerSecond: z.number().positive(), burst: z.number().int().positive() }).optional(),
      organizations: z
        .strictObject({ ratePerSecond: z.number().positive(), burst: z.number().int().positive() })
        .optional(),
    })
    .optional(),
  /** Organizations `ListAccounts` first answers one empty page that carries a NextToken. */
  emptyFirstPage: z.boolean().optional(),
  /** Seed of the rate faults below: the same seed throttles the same requests, whatever the call order. @default 0 */
  faultSeed: z.number().int().optional(),
  /** Share (0–1) of Config calls that answer ThrottlingException; drawn per request and attempt from `faultSeed`. */
  configThrottleRate: z.number().min(0).max(1).optional(),
  /** Share (0–1) of Config calls that answer HTTP 500 InternalFailure (the SDK retries it); drawn like the above. */
  configServerErrorRate: z.number().min(0).max(1).optional(),
  /** Rules deleted between list and detail: listed, but GetComplianceDetailsByConfigRule answers NoSuchConfigRule. */
  deletedRules: z.array(z.strictObject({ account: AccountIdSchema, region: z.string(), rule: z.string() })).optional(),
  /** Hostile GetComplianceDetailsByConfigRule answers for an account (every region); see `CONFIG_CORRUPTIONS`. */
  configCorruptResponses: z
    .array(z.strictObject({ account: AccountIdSchema, kind: z.enum(CONFIG_CORRUPTIONS) }))
    .optional(),
});
export type Faults = z.infer<typeof FaultsSchema>;

/**
 * A sandbox scenario: the organization, and for each member account the answers its STS, Config and Organizations
 * APIs give. Records use the real AWS API shapes (PascalCase fields), so a record can be pasted from a real response.
 * Every answer of the sandbox is derived from these records; nothing else is invented.
 *
 * Top-level and structural keys are strict (a typo is an error); unknown fields inside AWS records pass through.
 * Checks across fields: each key of `accounts` is an account of `organization.accounts`, and each evaluation's
 * `ConfigRuleName` names a rule of the same region. An organization account missing from `accounts` has no member
 * role (AssumeRole answers AccessDenied); a region missing from an account has no recorder.
 *
 * - `externalId` (default `compliance-report-sandbox`): the ExternalId every member role requires.
 * - `memberRoleName` (default `ComplianceReader`): AssumeRole accepts only `arn:aws:iam::<id>:role/<memberRoleName>`.
 * - `accounts.<id>.assumeRole`: `"ok"` or `"AccessDenied"`.
 * - `accounts.<id>.regions.<region>.recorder`: `true` (recording), `"stopped"` (a recorder that is not recording:
 *   status says `recording: false`, compliance APIs still answer stale data) or `false` (no recorder: the compliance
 *   APIs answer `NoAvailableConfigurationRecorderException`).
 * - timestamps: ISO 8601 text or epoch seconds; the sandbox answers epoch seconds like AWS.
 * - `faults`: see {@link FaultsSchema}.
 * - `lacework` (optional): the Lacework account the sandbox's Lacework API v2 server answers from; see
 *   {@link LaceworkScenarioSchema}. Without it the Lacework server has no data (empty lists, 404s) and a local run
 *   reports no framework.
 *
 * @example
 * ```json
 * { "name": "tiny",
 *   "organization": { "accounts": [ { "Id": "111111111111", "Arn": "arn:aws:organizations::111111111111:account/o-abc1234567/111111111111",
 *       "Email": "aws+prod-payments@example.com", "Name": "prod-payments", "Status": "ACTIVE", "State": "ACTIVE",
 *       "JoinedMethod": "CREATED", "JoinedTimestamp": "2024-03-01T10:00:00Z" } ] },
 *   "accounts": { "111111111111": { "assumeRole": "ok", "regions": { "us-east-1": { "recorder": true,
 *       "configRules": [ { "ConfigRuleName": "s3-bucket-versioning-enabled", "ConfigRuleId": "config-rule-a1b2c3",
 *         "ConfigRuleArn": "arn:aws:config:us-east-1:111111111111:config-rule/config-rule-a1b2c3",
 *         "Source": { "Owner": "AWS", "SourceIdentifier": "S3_BUCKET_VERSIONING_ENABLED" }, "ConfigRuleState": "ACTIVE" } ],
 *       "evaluations": [ { "EvaluationResultIdentifier": { "EvaluationResultQualifier": {
 *           "ConfigRuleName": "s3-bucket-versioning-enabled", "ResourceType": "AWS::S3::Bucket", "ResourceId": "payments-logs" },
 *           "OrderingTimestamp": "2026-11-20T08:00:00Z" },
 *         "ComplianceType": "NON_COMPLIANT", "ResultRecordedTime": "2026-11-20T08:00:05Z",
 *         "ConfigRuleInvokedTime": "2026-11-20T08:00:01Z", "Annotation": "Versioning is not enabled." } ] } } } },
 *   "faults": { "configThrottling": { "accounts": "*", "firstCallsPerRegion": 2 } } }
 * ```
 */
export const ScenarioSchema = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    externalId: z.string().min(2).max(1224).default(DEFAULT_EXTERNAL_ID),
    memberRoleName: z
      .string()
      .regex(/^[\w+=,.@-]{1,64}$/, 'expected an IAM role name, e.g. "ComplianceReader"')
      .default(DEFAULT_MEMBER_ROLE_NAME),
    organization: z.strictObject({ accounts: z.array(OrganizationAccountSchema) }),
    accounts: z.record(AccountIdSchema, AccountScenarioSchema),
    faults: FaultsSchema.optional(),
    lacework: LaceworkScenarioSchema.optional(),
  })
  .superRefine((scenario, ctx) => {
    const known = new Set<string>();
    scenario.organization.accounts.forEach((account, index) => {
      if (known.has(account.Id)) {
        ctx.addIssue({
          code: 'custom',
          input: account.Id,
          path: ['organization', 'accounts', index, 'Id'],
          message: `duplicate account ${account.Id}; each organization account appears once`,
        });
      }
      known.add(account.Id);
    });
    for (const [accountId, account] of Object.entries(scenario.accounts)) {
      if (!known.has(accountId)) {
        ctx.addIssue({
          code: 'custom',
          input: accountId,
          path: ['accounts', accountId],
          message: `account ${accountId} is not in organization.accounts; add it there or remove it here`,
        });
      }
      for (const [region, data] of Object.entries(account.regions)) {
        const rules = new Set(data.configRules.map((rule) => rule.ConfigRuleName));
        data.evaluations.forEach((evaluation, index) => {
          const ruleName = evaluation.EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName;
          if (!rules.has(ruleName)) {
            ctx.addIssue({
              code: 'custom',
              input: ruleName,
              path: [
                'accounts',
                accountId,
                'regions',
                region,
                'evaluations',
                index,
                'EvaluationResultIdentifier',
                'EvaluationResultQualifier',
                'ConfigRuleName',
              ],
              message: `evaluation names rule "${ruleName}", which is not in configRules of ${region}; add the rule or fix the name`,
            });
          }
        });
      }
    }
  });

/** A validated scenario (defaults applied). */
export type Scenario = z.output<typeof ScenarioSchema>;
/** A scenario as written in a file (defaults optional). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
