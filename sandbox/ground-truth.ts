import type { OrganizationAccount, Scenario } from './scenario.schema';

/** Which part of the scenario a report covered. */
export interface ExpectedTotalsOptions {
  /**
   * Regions the run scanned.
   * @default - every region named in the scenario
   */
  regions?: readonly string[];
  /**
   * Accounts the run was limited to (include filter).
   * @default - every ACTIVE account of the organization
   */
  accountIds?: readonly string[];
}

/** Counts of one rule in one region of one account. */
export interface ExpectedRuleCounts {
  region: string;
  ruleName: string;
  /** The rollup AWS would report: NON_COMPLIANT if any result is, else COMPLIANT if any is, else INSUFFICIENT_DATA. */
  compliance: 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA';
  compliant: number;
  nonCompliant: number;
}

/** One NON_COMPLIANT evaluation result. */
export interface ExpectedNonCompliantRow {
  accountId: string;
  region: string;
  ruleName: string;
  resourceType: string;
  resourceId: string;
  annotation?: string;
}

/** What a correct report says about one ACTIVE account. */
export interface AccountExpectation {
  accountId: string;
  name: string;
  /** `failed`: the member role cannot be assumed (scenario `AccessDenied`, or the account has no scenario entry). */
  status: 'ok' | 'failed';
  /** Scanned regions whose recorder is `false`, `"stopped"` or absent (Config not enabled). Empty when failed. */
  configDisabledRegions: string[];
  /** Scanned regions whose recorder is `true`. */
  enabledRegions: string[];
  compliant: number;
  nonCompliant: number;
  rules: ExpectedRuleCounts[];
  nonCompliantRows: ExpectedNonCompliantRow[];
}

/** The expected report totals over a scenario. */
export interface ExpectedTotals {
  regions: string[];
  /** ACTIVE accounts in organization order (after the `accountIds` filter). */
  accounts: AccountExpectation[];
  /** Organization accounts left out because they are not ACTIVE (e.g. SUSPENDED). */
  excludedAccountIds: string[];
  totals: {
    accounts: number;
    ok: number;
    failed: number;
    configDisabledRegions: number;
    rules: number;
    compliant: number;
    nonCompliant: number;
  };
}

const isActive = (account: OrganizationAccount): boolean =>
  account.State !== undefined ? account.State === 'ACTIVE' : account.Status === 'ACTIVE';

const expectAccount = (scenario: Scenario, account: OrganizationAccount, regions: string[]): AccountExpectation => {
  const member = scenario.accounts[account.Id];
  const base = { accountId: account.Id, name: account.Name, compliant: 0, nonCompliant: 0 };
  if (member === undefined || member.assumeRole !== 'ok') {
    return {
      ...base,
      status: 'failed',
      configDisabledRegions: [],
      enabledRegions: [],
      rules: [],
      nonCompliantRows: [],
    };
  }
  const expectation: AccountExpectation = {
    ...base,
    status: 'ok',
    configDisabledRegions: [],
    enabledRegions: [],
    rules: [],
    nonCompliantRows: [],
  };
  for (const region of regions) {
    const data = member.regions[region];
    if (data === undefined || data.recorder !== true) {
      expectation.configDisabledRegions.push(region);
      continue;
    }
    expectation.enabledRegions.push(region);
    const deleted = new Set(
      (scenario.faults?.deletedRules ?? [])
        .filter((d) => d.account === account.Id && d.region === region)
        .map((d) => d.rule),
    );
    for (const rule of data.configRules) {
      if (deleted.has(rule.ConfigRuleName)) continue;
      const counts: ExpectedRuleCounts = {
        region,
        ruleName: rule.ConfigRuleName,
        compliance: 'INSUFFICIENT_DATA',
        compliant: 0,
        nonCompliant: 0,
      };
      for (const evaluation of data.evaluations) {
        const qualifier = evaluation.EvaluationResultIdentifier.EvaluationResultQualifier;
        if (qualifier.ConfigRuleName !== rule.ConfigRuleName) continue;
        if (evaluation.ComplianceType === 'COMPLIANT') counts.compliant += 1;
        if (evaluation.ComplianceType !== 'NON_COMPLIANT') continue;
        counts.nonCompliant += 1;
        expectation.nonCompliantRows.push({
          accountId: account.Id,
          region,
          ruleName: rule.ConfigRuleName,
          resourceType: qualifier.ResourceType,
          resourceId: qualifier.ResourceId,
          ...(evaluation.Annotation === undefined ? {} : { annotation: evaluation.Annotation }),
        });
      }
      if (counts.nonCompliant > 0) counts.compliance = 'NON_COMPLIANT';
      else if (counts.compliant > 0) counts.compliance = 'COMPLIANT';
      expectation.compliant += counts.compliant;
      expectation.nonCompliant += counts.nonCompliant;
      expectation.rules.push(counts);
    }
  }
  return expectation;
};

/**
 * The totals a correct report must show for a scenario, computed straight from the scenario records (independently
 * of `core`), so tests can compare a run's report with it.
 *
 * Definitions: accounts are the organization's ACTIVE ones (`State`, else `Status`); an account whose role cannot be
 * assumed is `failed` and contributes no counts; a region counts only when its recorder is `true` (a `"stopped"`
 * recorder counts as Config not enabled, like `false` or a missing region, even though its stale results are still
 * served); `compliant` and `nonCompliant` count EvaluationResults with ComplianceType COMPLIANT and NON_COMPLIANT;
 * a rule in `faults.deletedRules` was deleted before its results were read, so it has no counts and no rule entry
 * (use the fault on rules that have results: a rule without any is never read in detail).
 *
 * @example expectedTotals(loadScenario('sandbox/scenarios/demo.json'), { regions: ['us-east-1'] }).totals.nonCompliant
 */
export const expectedTotals = (scenario: Scenario, options: ExpectedTotalsOptions = {}): ExpectedTotals => {
  const scenarioRegions = new Set(Object.values(scenario.accounts).flatMap((account) => Object.keys(account.regions)));
  const regions = [...(options.regions ?? scenarioRegions)].sort();
  const wanted = options.accountIds === undefined ? undefined : new Set(options.accountIds);
  const inScope = scenario.organization.accounts.filter((account) => wanted === undefined || wanted.has(account.Id));
  const accounts = inScope.filter(isActive).map((account) => expectAccount(scenario, account, regions));
  const sum = (pick: (a: AccountExpectation) => number): number => accounts.reduce((total, a) => total + pick(a), 0);
  return {
    regions,
    accounts,
    excludedAccountIds: inScope.filter((account) => !isActive(account)).map((account) => account.Id),
    totals: {
      accounts: accounts.length,
      ok: accounts.filter((a) => a.status === 'ok').length,
      failed: accounts.filter((a) => a.status === 'failed').length,
      configDisabledRegions: sum((a) => a.configDisabledRegions.length),
      rules: sum((a) => a.rules.length),
      compliant: sum((a) => a.compliant),
      nonCompliant: sum((a) => a.nonCompliant),
    },
  };
};
