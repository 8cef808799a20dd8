import type { AccountPartial, RegionResult } from '../../../core/domain/partial.schema';
import { normalizeRuleName } from '../../../core/domain/rule-name';
import type { ExpectedTotals } from '../../../sandbox';
import { FIXED_NOW } from './fixed-clock';
import { aRoleNotAssumablePartial } from './partial.builder';
import { anAccount, aRun } from './run.builder';

/**
 * The partials a correct scan of a scenario would write, built from the sandbox's ground truth (no scan code), so
 * merger checks can run on a scenario's numbers in milliseconds. Failed accounts get a role-not-assumable partial.
 */
export const partialsFromGroundTruth = (expected: ExpectedTotals, runId: string): AccountPartial[] =>
  expected.accounts.map((account): AccountPartial => {
    if (account.status === 'failed') return aRoleNotAssumablePartial({ accountId: account.accountId, runId });
    const regions: RegionResult[] = [
      ...account.enabledRegions.map((region) => ({
        region,
        configStatus: 'enabled' as const,
        rules: account.rules
          .filter((r) => r.region === region)
          .map((r) => ({
            ruleName: r.ruleName,
            normalizedName: normalizeRuleName(r.ruleName),
            compliance: r.compliance,
            compliantCount: r.compliant,
            nonCompliantCount: r.nonCompliant,
          })),
        nonCompliant: account.nonCompliantRows
          .filter((row) => row.region === region)
          .map((row) => ({
            ruleName: row.ruleName,
            resourceType: row.resourceType,
            resourceId: row.resourceId,
            complianceType: 'NON_COMPLIANT' as const,
            ...(row.annotation !== undefined ? { annotation: row.annotation } : {}),
          })),
      })),
      ...account.configDisabledRegions.map((region) => ({
        region,
        configStatus: 'not-enabled' as const,
        rules: [],
        nonCompliant: [],
      })),
    ];
    return {
      schemaVersion: 1,
      runId,
      accountId: account.accountId,
      status: 'ok',
      startedAt: FIXED_NOW.toISOString(),
      finishedAt: FIXED_NOW.toISOString(),
      regions,
      errors: [],
    };
  });

/** The accounts (with names) and a run over the scenario's regions, for seedRun. */
export const scenarioRun = (expected: ExpectedTotals, runId: string, endDate = '2026-11-08') => ({
  accounts: expected.accounts.map((a) => anAccount(a.accountId, a.name)),
  run: aRun({ runId, endDate, regions: expected.regions }),
});
