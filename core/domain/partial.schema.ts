import { z } from 'zod';
import { ComplianceTypeSchema } from './compliance-type.schema';
import { AccountIdSchema } from './execution-input.schema';
import { LaceworkRecommendationSchema } from './lacework.schema';
import { ScanStatusSchema } from './scan-account.schema';

/** Where a per-account error happened. */
export const PhaseSchema = z.enum(['assume-role', 'config', 'lacework', 'scan']);
export type Phase = z.infer<typeof PhaseSchema>;

export const ScanErrorSchema = z.object({
  phase: PhaseSchema,
  region: z.string().optional(),
  rule: z.string().optional(),
  /** The error name or AWS error code, e.g. `AccessDenied`, `ThrottlingException`. */
  code: z.string(),
  message: z.string(),
});
export type ScanError = z.infer<typeof ScanErrorSchema>;

/** Per-rule counts in one account and region. Counts come from evaluation results, never from `CappedCount`. */
export const RuleResultSchema = z.object({
  ruleName: z.string(),
  /** Name with conformance-pack / Security Hub suffixes stripped, to line the same rule up across accounts. */
  normalizedName: z.string(),
  sourceIdentifier: z.string().optional(),
  /** The rule's rollup from DescribeComplianceByConfigRule; `NOT_EVALUATED` when Config returned none. */
  compliance: z.union([ComplianceTypeSchema, z.literal('NOT_EVALUATED')]),
  compliantCount: z.number().int().nonnegative(),
  nonCompliantCount: z.number().int().nonnegative(),
});
export type RuleResult = z.infer<typeof RuleResultSchema>;

export const NonCompliantResourceSchema = z.object({
  ruleName: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  complianceType: ComplianceTypeSchema,
  annotation: z.string().optional(),
  /** ISO 8601 `ResultRecordedTime`. */
  recordedTime: z.string().optional(),
});
export type NonCompliantResource = z.infer<typeof NonCompliantResourceSchema>;

/**
 * `enabled`: recorder on and recording; `recorder-stopped`: a recorder exists but is not recording;
 * `not-enabled`: no recorder (NoAvailableConfigurationRecorderException or an empty list); `error`: the region failed.
 */
export const ConfigStatusSchema = z.enum(['enabled', 'recorder-stopped', 'not-enabled', 'error']);
export type ConfigStatus = z.infer<typeof ConfigStatusSchema>;

export const RegionResultSchema = z.object({
  region: z.string(),
  configStatus: ConfigStatusSchema,
  rules: z.array(RuleResultSchema),
  nonCompliant: z.array(NonCompliantResourceSchema),
});
export type RegionResult = z.infer<typeof RegionResultSchema>;

/**
 * One Lacework framework's compliance report for the account (`GET /api/v2/Reports`), as **Scan account** found it:
 * `ok` with the recommendations the aggregation needs, `no-report` (Lacework has no report for the account: left out
 * of the framework aggregation, as the legacy tool did), or `error` (recorded, also in `errors`).
 */
export const LaceworkFrameworkResultSchema = z.object({
  reportName: z.string(),
  status: z.enum(['ok', 'no-report', 'error']),
  error: z.string().optional(),
  recommendations: z.array(
    LaceworkRecommendationSchema.pick({
      REC_ID: true,
      STATUS: true,
      ASSESSED_RESOURCE_COUNT: true,
      RESOURCE_COUNT: true,
    }),
  ),
});
export type LaceworkFrameworkResult = z.infer<typeof LaceworkFrameworkResultSchema>;

/**
 * `runs/<runId>/partials/<accountId>.json`, version 1: everything **Scan account** learned about one account.
 * `ok`: every region answered; `partial`: some region or rule failed; `failed`: nothing usable (e.g. role not assumable).
 * A region with Config not enabled is data, not a failure.
 */
export const AccountPartialSchema = z.object({
  schemaVersion: z.literal(1),
  runId: z.string(),
  accountId: AccountIdSchema,
  status: ScanStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string(),
  regions: z.array(RegionResultSchema),
  errors: z.array(ScanErrorSchema),
  /** Lacework compliance per configured framework; absent when no framework is configured for the run. */
  lacework: z.object({ frameworks: z.array(LaceworkFrameworkResultSchema) }).optional(),
});
export type AccountPartial = z.infer<typeof AccountPartialSchema>;
