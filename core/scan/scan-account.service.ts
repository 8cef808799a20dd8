import { keys } from '../domain/keys';
import { type AccountPartial, AccountPartialSchema, type RegionResult, type ScanError } from '../domain/partial.schema';
import type { ScanAccountInput, ScanCounts, ScanSummary } from '../domain/scan-account.schema';
import { type LaceworkApi, laceworkScanErrors, scanLaceworkFrameworks } from '../lacework';
import type { MemberAccess, MemberCredentials } from '../platform/aws/member-access.port';
import type { Clock } from '../platform/clock.port';
import type { ObjectStore } from '../platform/storage/object-store.port';
import { describeError } from '../shared/describe-error';
import { MemberRoleNotAssumableError } from '../shared/errors';
import type { Log } from '../shared/log.port';
import { mapWithConcurrency } from '../shared/map-with-concurrency';
import { parseWith } from '../shared/validation';
import type { ComplianceSourceFactory } from './compliance-source.port';
import { scanRegion } from './scan-region';

/** Ports and limits of {@link scanAccount}. */
export interface ScanAccountDeps {
  access: MemberAccess;
  complianceSourceFor: ComplianceSourceFactory;
  store: ObjectStore;
  clock: Clock;
  log: Log;
  /** Regions scanned at once in one account. */
  regionConcurrency: number;
  /** Rules whose details are read at once in one region (Config throttles bursts of detail calls). */
  ruleConcurrency: number;
  /** Lacework API v2, when Lacework is configured (resolved once per container); absent: no Lacework part. */
  lacework?: () => Promise<LaceworkApi | undefined>;
}

/** The account's Lacework framework reports, or undefined when no framework is asked for or Lacework is off. */
const scanLacework = async (
  { accountId, frameworks = [] }: ScanAccountInput,
  deps: Pick<ScanAccountDeps, 'lacework' | 'log'>,
) => {
  if (frameworks.length === 0 || !deps.lacework) return undefined;
  let api: LaceworkApi | undefined;
  try {
    api = await deps.lacework();
  } catch (error) {
    // The key could not be read (secret missing, malformed): every framework fails, the Config scan goes on.
    const reason = describeError(error);
    return [...new Set(frameworks)].map((reportName) => ({
      reportName,
      status: 'error' as const,
      error: reason,
      recommendations: [],
    }));
  }
  return api ? scanLaceworkFrameworks(accountId, frameworks, api, deps.log) : undefined;
};

/** STS limits RoleSessionName to 64 characters. */
const sessionNameFor = (runId: string): string => `compliance-report-${runId}`.slice(0, 64);

/** The member session, or undefined with the refusal recorded in `errors` and `refusal` (anything else is thrown). */
const assumeOrRecord = async (
  { accountId, runId }: ScanAccountInput,
  deps: Pick<ScanAccountDeps, 'access' | 'log'>,
  errors: ScanError[],
  refusal: { error?: MemberRoleNotAssumableError },
): Promise<MemberCredentials | undefined> => {
  try {
    return await deps.access.assume(accountId, sessionNameFor(runId));
  } catch (err) {
    if (!(err instanceof MemberRoleNotAssumableError)) throw err;
    deps.log.warn('member role not assumable; recording the account as failed', { accountId, code: err.code });
    errors.push({ phase: 'assume-role', code: err.code, message: err.message });
    refusal.error = err;
    return undefined;
  }
};

const countsOf = (regions: RegionResult[]): ScanCounts => {
  const rules = regions.flatMap((r) => r.rules);
  return {
    regions: regions.length,
    configDisabledRegions: regions.filter(
      (r) => r.configStatus === 'not-enabled' || r.configStatus === 'recorder-stopped',
    ).length,
    rules: rules.length,
    compliant: rules.reduce((n, r) => n + r.compliantCount, 0),
    nonCompliant: rules.reduce((n, r) => n + r.nonCompliantCount, 0),
  };
};

/**
 * **Scan account**: AWS Config compliance of one member account, written as a partial; returns a small summary.
 *
 * 1. Assume the member role (session `compliance-report-<runId>`, ≤ 64 chars). A refusal
 *    (MemberRoleNotAssumableError) is recorded in a `failed` partial, then rethrown once the partial is written, so
 *    the account's child execution fails with `MemberRoleNotAssumable` and the message naming the account and the fix.
 * 2. Per region (at most `regionConcurrency` at once): recorder none → `not-enabled`, stopped → `recorder-stopped`;
 *    otherwise list rules and their rollups, then per rule (at most `ruleConcurrency` at once) read evaluations:
 *    NON_COMPLIANT rules keep their non-compliant rows and count compliant ones, COMPLIANT rules are counted only,
 *    rules without results get zero counts. A rule deleted meanwhile is skipped.
 * 3. Throttling and retryable 5xx are rethrown for the workflow's Retry; any other region failure marks the region
 *    `error` and the account `partial`.
 * 4. Meanwhile, when frameworks are given and Lacework is configured, each framework's Lacework compliance report for
 *    the account (independent of the member role). A Lacework failure is recorded (phase `lacework`), never thrown.
 * 5. Write `runs/<runId>/partials/<accountId>.json` (schema version 1, rows sorted by rule, type, id) and return the
 *    counts and the partial's key.
 */
export const scanAccount = async (input: ScanAccountInput, deps: ScanAccountDeps): Promise<ScanSummary> => {
  const { accountId, runId, regions } = input;
  const startedAt = deps.clock.now();
  const errors: ScanError[] = [];
  let regionResults: RegionResult[] = [];
  const lacework = scanLacework(input, deps);
  const refusal: { error?: MemberRoleNotAssumableError } = {};
  const credentials = await assumeOrRecord(input, deps, errors, refusal);
  if (credentials) {
    const scanned = await mapWithConcurrency(regions, deps.regionConcurrency, (region) =>
      scanRegion(deps.complianceSourceFor({ accountId, region, credentials }), region, deps),
    );
    regionResults = scanned.map((s) => s.result);
    errors.push(...scanned.flatMap((s) => (s.error ? [s.error] : [])));
  }

  const laceworkResults = await lacework;
  if (laceworkResults) errors.push(...laceworkScanErrors(laceworkResults));
  const status = credentials === undefined ? 'failed' : errors.length > 0 ? 'partial' : 'ok';
  const finishedAt = deps.clock.now();
  const partial: AccountPartial = {
    schemaVersion: 1,
    runId,
    accountId,
    status,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    regions: regionResults,
    errors,
    ...(laceworkResults ? { lacework: { frameworks: laceworkResults } } : {}),
  };
  const partialKey = keys.partial(runId, accountId);
  const body = parseWith(AccountPartialSchema, partial, `partial ${partialKey}`);
  await deps.store.put(partialKey, JSON.stringify(body), 'application/json');

  if (refusal.error) throw refusal.error;

  const counts = countsOf(regionResults);
  deps.log.info('scanned account', {
    accountId,
    status,
    ...counts,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
  });
  return {
    accountId,
    status,
    counts,
    errors: errors.map((e) => `${e.phase}${e.region ? ` ${e.region}` : ''}: ${e.message}`),
    partialKey,
  };
};
