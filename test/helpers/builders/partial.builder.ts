import type {
  AccountPartial,
  NonCompliantResource,
  RegionResult,
  RuleResult,
  ScanError,
} from '../../../core/domain/partial.schema';
import type { ScanSummary } from '../../../core/domain/scan-account.schema';
import { FIXED_NOW } from './fixed-clock';

/** A rule result: `required-tags` with 3 compliant and 1 non-compliant resources unless overridden. */
export const aRule = (overrides: Partial<RuleResult> = {}): RuleResult => ({
  ruleName: 'required-tags',
  normalizedName: overrides.ruleName ?? 'required-tags',
  compliance: 'NON_COMPLIANT',
  compliantCount: 3,
  nonCompliantCount: 1,
  ...overrides,
});

/** A non-compliant resource of `required-tags`. */
export const aResource = (overrides: Partial<NonCompliantResource> = {}): NonCompliantResource => ({
  ruleName: 'required-tags',
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'bucket-a',
  complianceType: 'NON_COMPLIANT',
  annotation: 'missing tag owner',
  recordedTime: '2026-11-08T10:00:00.000Z',
  ...overrides,
});

/** A region with Config enabled, one rule and one non-compliant resource. */
export const aRegion = (overrides: Partial<RegionResult> = {}): RegionResult => ({
  region: 'us-east-1',
  configStatus: 'enabled',
  rules: [aRule()],
  nonCompliant: [aResource()],
  ...overrides,
});

/** A scan error. */
export const aScanError = (overrides: Partial<ScanError> = {}): ScanError => ({
  phase: 'assume-role',
  code: 'AccessDenied',
  message: 'not authorized to perform sts:AssumeRole',
  ...overrides,
});

/** An `ok` partial of account 111111111111 in run `run-1`, with one region (see {@link aRegion}). */
export const aPartial = (overrides: Partial<AccountPartial> = {}): AccountPartial => ({
  schemaVersion: 1,
  runId: 'run-1',
  accountId: '111111111111',
  status: 'ok',
  startedAt: FIXED_NOW.toISOString(),
  finishedAt: FIXED_NOW.toISOString(),
  regions: [aRegion()],
  errors: [],
  ...overrides,
});

/** A `failed` partial: the member role could not be assumed. */
export const aRoleNotAssumablePartial = (overrides: Partial<AccountPartial> = {}): AccountPartial =>
  aPartial({ status: 'failed', regions: [], errors: [aScanError()], ...overrides });

/** A map summary (what Scan account returns). */
export const aScanSummary = (overrides: Partial<ScanSummary> = {}): ScanSummary => ({
  accountId: '111111111111',
  status: 'ok',
  errors: [],
  ...overrides,
});
