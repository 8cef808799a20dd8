import { ConfigNotEnabledError } from '../adapters/config-not-enabled.error';
import { keys } from '../domain/keys';
import {
  type AccountPartial,
  AccountPartialSchema,
  type NonCompliantResource,
  type RegionResult,
  type RuleResult,
  type ScanAccountInput,
  type ScanCounts,
  type ScanError,
  type ScanSummary,
} from '../domain/partial.schema';
import { normalizeRuleName } from '../domain/rule-name';
import { ExternalServiceError, MemberRoleNotAssumableError, NotFoundError } from '../errors';
import type { Log } from '../log';
import type { Clock } from '../ports/clock.port';
import type { ComplianceSource, ComplianceSourceFactory, ConfigRuleInfo } from '../ports/compliance-source.port';
import type { MemberAccess } from '../ports/member-access.port';
import type { ObjectStore } from '../ports/object-store.port';
import { parseWith } from '../validation';
import { mapWithConcurrency } from './map-with-concurrency';

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
}

/** STS limits RoleSessionName to 64 characters. */
const sessionNameFor = (runId: string): string => `compliance-report-${runId}`.slice(0, 64);

/** Throttling and 5xx go back to the workflow: the state's Retry backs off, then the map's Catch records the account. */
const isRetryable = (err: unknown): boolean => err instanceof ExternalServiceError && err.retryable;

const errorCode = (err: unknown): string => {
  if (err instanceof ExternalServiceError && err.cause instanceof Error) return err.cause.name;
  return err instanceof Error ? err.name : 'UnknownError';
};

const compareRows = (a: NonCompliantResource, b: NonCompliantResource): number =>
  a.ruleName.localeCompare(b.ruleName) ||
  a.resourceType.localeCompare(b.resourceType) ||
  a.resourceId.localeCompare(b.resourceId);

interface RuleScan {
  result: RuleResult;
  rows: NonCompliantResource[];
}

/** Counts (and for NON_COMPLIANT rules, collects) one rule's evaluations; undefined when the rule was deleted meanwhile. */
const scanRule = async (
  source: ComplianceSource,
  rule: ConfigRuleInfo,
  rollup: RuleResult['compliance'],
  log: Log,
): Promise<RuleScan | undefined> => {
  const result: RuleResult = {
    ruleName: rule.ruleName,
    normalizedName: normalizeRuleName(rule.ruleName),
    ...(rule.sourceIdentifier ? { sourceIdentifier: rule.sourceIdentifier } : {}),
    compliance: rollup,
    compliantCount: 0,
    nonCompliantCount: 0,
  };
  const rows: NonCompliantResource[] = [];
  if (rollup !== 'NON_COMPLIANT' && rollup !== 'COMPLIANT') return { result, rows };
  const types = rollup === 'NON_COMPLIANT' ? (['NON_COMPLIANT', 'COMPLIANT'] as const) : (['COMPLIANT'] as const);
  try {
    for await (const e of source.listEvaluations(rule.ruleName, types)) {
      if (e.complianceType === 'COMPLIANT') result.compliantCount++;
      if (e.complianceType !== 'NON_COMPLIANT') continue;
      result.nonCompliantCount++;
      rows.push({
        ruleName: rule.ruleName,
        resourceType: e.resourceType,
        resourceId: e.resourceId,
        complianceType: e.complianceType,
        ...(e.annotation ? { annotation: e.annotation } : {}),
        ...(e.recordedTime ? { recordedTime: e.recordedTime.toISOString() } : {}),
      });
    }
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    log.debug('config rule deleted during the scan; skipping it', { rule: rule.ruleName });
    return undefined;
  }
  return { result, rows };
};

const emptyRegion = (region: string, configStatus: RegionResult['configStatus']): RegionResult => ({
  region,
  configStatus,
  rules: [],
  nonCompliant: [],
});

/** Scans one region; expected failures become data, retryable ones propagate. */
const scanRegion = async (
  source: ComplianceSource,
  region: string,
  deps: Pick<ScanAccountDeps, 'log' | 'ruleConcurrency'>,
): Promise<{ result: RegionResult; error?: ScanError }> => {
  try {
    const recorder = await source.recorderState();
    if (recorder === 'none') return { result: emptyRegion(region, 'not-enabled') };
    if (recorder === 'stopped') return { result: emptyRegion(region, 'recorder-stopped') };

    const rules: ConfigRuleInfo[] = [];
    for await (const rule of source.listConfigRules()) rules.push(rule);
    const rollups = new Map<string, RuleResult['compliance']>();
    for await (const r of source.listRuleCompliance()) rollups.set(r.ruleName, r.complianceType);

    const scans = await mapWithConcurrency(rules, deps.ruleConcurrency, (rule) =>
      scanRule(source, rule, rollups.get(rule.ruleName) ?? 'NOT_EVALUATED', deps.log),
    );
    const kept = scans.filter((s): s is RuleScan => s !== undefined);
    return {
      result: {
        region,
        configStatus: 'enabled',
        rules: kept.map((s) => s.result).sort((a, b) => a.ruleName.localeCompare(b.ruleName)),
        nonCompliant: kept.flatMap((s) => s.rows).sort(compareRows),
      },
    };
  } catch (err) {
    if (err instanceof ConfigNotEnabledError) return { result: emptyRegion(region, 'not-enabled') };
    if (isRetryable(err)) throw err;
    const message = err instanceof Error ? err.message : String(err);
    deps.log.warn('config scan failed in a region', { region, code: errorCode(err), message });
    return { result: emptyRegion(region, 'error'), error: { phase: 'config', region, code: errorCode(err), message } };
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
 *    (MemberRoleNotAssumableError) is recorded: a `failed` partial is still written and returned, not thrown.
 * 2. Per region (at most `regionConcurrency` at once): recorder none → `not-enabled`, stopped → `recorder-stopped`;
 *    otherwise list rules and their rollups, then per rule (at most `ruleConcurrency` at once) read evaluations:
 *    NON_COMPLIANT rules keep their non-compliant rows and count compliant ones, COMPLIANT rules are counted only,
 *    rules without results get zero counts. A rule deleted meanwhile is skipped.
 * 3. Throttling and retryable 5xx are rethrown for the workflow's Retry; any other region failure marks the region
 *    `error` and the account `partial`.
 * 4. Write `runs/<runId>/partials/<accountId>.json` (schema version 1, rows sorted by rule, type, id) and return the
 *    counts and the partial's key.
 */
export const scanAccount = async (input: ScanAccountInput, deps: ScanAccountDeps): Promise<ScanSummary> => {
  const { accountId, runId, regions } = input;
  const startedAt = deps.clock.now();
  const errors: ScanError[] = [];
  let regionResults: RegionResult[] = [];
  try {
    const credentials = await deps.access.assume(accountId, sessionNameFor(runId));
    const scanned = await mapWithConcurrency(regions, deps.regionConcurrency, (region) =>
      scanRegion(deps.complianceSourceFor({ accountId, region, credentials }), region, deps),
    );
    regionResults = scanned.map((s) => s.result);
    errors.push(...scanned.flatMap((s) => (s.error ? [s.error] : [])));
  } catch (err) {
    if (!(err instanceof MemberRoleNotAssumableError)) throw err;
    deps.log.warn('member role not assumable; recording the account as failed', { accountId, code: err.code });
    errors.push({ phase: 'assume-role', code: err.code, message: err.message });
  }

  const assumeFailed = errors.some((e) => e.phase === 'assume-role');
  const status = assumeFailed ? 'failed' : errors.length > 0 ? 'partial' : 'ok';
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
  };
  const partialKey = keys.partial(runId, accountId);
  const body = parseWith(AccountPartialSchema, partial, `partial ${partialKey}`);
  await deps.store.put(partialKey, JSON.stringify(body), 'application/json');

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
