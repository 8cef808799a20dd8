import type { NonCompliantResource, RegionResult, RuleResult, ScanError } from '../domain/partial.schema';
import { normalizeRuleName } from '../domain/rule-name';
import { ConfigNotEnabledError, ExternalServiceError, NotFoundError } from '../shared/errors';
import type { Log } from '../shared/log.port';
import { mapWithConcurrency } from '../shared/map-with-concurrency';
import type { ComplianceSource, ConfigRuleInfo } from './compliance-source.port';

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

/**
 * Scans AWS Config in one account and region for **Scan account** (see its steps). Expected outcomes become data:
 * no recorder → `not-enabled`, stopped recorder → `recorder-stopped`, a deleted rule is skipped, any other
 * non-retryable failure → `error` plus a {@link ScanError}. Throttling and retryable 5xx propagate.
 */
export const scanRegion = async (
  source: ComplianceSource,
  region: string,
  deps: { log: Log; ruleConcurrency: number },
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
