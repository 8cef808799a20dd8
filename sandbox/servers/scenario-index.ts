import type { AccountScenario, ConfigRule, EvaluationResult, OrganizationAccount, Scenario } from '../scenario.schema';

/** One account and region of the scenario, indexed for the Config API. */
export interface IndexedRegion {
  recorder: boolean | 'stopped';
  rules: readonly ConfigRule[];
  ruleByName: ReadonlyMap<string, ConfigRule>;
  /** Evaluation results by rule name, in scenario order (every rule has an entry, maybe empty). */
  evaluationsByRule: ReadonlyMap<string, readonly EvaluationResult[]>;
}

/** Regions kept indexed at once (most recently read): a generated 5,000-account organization builds its records lazily. */
const REGION_CACHE_LIMIT = 2000;

const NO_REGION: IndexedRegion = {
  recorder: false,
  rules: [],
  ruleByName: new Map(),
  evaluationsByRule: new Map(),
};

/** Read-only lookups over a scenario, built once when the sandbox starts. */
export class ScenarioIndex {
  readonly organizationAccounts: readonly OrganizationAccount[];
  /** The management (hub) account: the first account of the organization. */
  readonly managementAccount: OrganizationAccount | undefined;
  /** Every region named anywhere in the scenario, sorted. */
  readonly regions: readonly string[];
  private readonly orgById: ReadonlyMap<string, OrganizationAccount>;
  private readonly regionCache = new Map<string, IndexedRegion>();

  constructor(readonly scenario: Scenario) {
    this.organizationAccounts = scenario.organization.accounts;
    this.managementAccount = scenario.organization.accounts[0];
    this.orgById = new Map(scenario.organization.accounts.map((account) => [account.Id, account]));
    const regions = new Set<string>();
    for (const account of Object.values(scenario.accounts)) {
      for (const region of Object.keys(account.regions)) regions.add(region);
    }
    this.regions = [...regions].sort();
  }

  /** The organization's record of an account. */
  organizationAccount(accountId: string): OrganizationAccount | undefined {
    return this.orgById.get(accountId);
  }

  /** The scenario's member-side record of an account (undefined: no member role deployed). */
  account(accountId: string): AccountScenario | undefined {
    return this.scenario.accounts[accountId];
  }

  /** An account's region; a region the scenario does not name has no recorder and no rules. */
  region(accountId: string, region: string): IndexedRegion {
    const key = `${accountId}/${region}`;
    const cached = this.regionCache.get(key);
    if (cached !== undefined) {
      this.regionCache.delete(key);
      this.regionCache.set(key, cached);
      return cached;
    }
    const data = this.scenario.accounts[accountId]?.regions[region];
    if (data === undefined) return NO_REGION;
    const evaluationsByRule = new Map<string, EvaluationResult[]>(data.configRules.map((r) => [r.ConfigRuleName, []]));
    for (const evaluation of data.evaluations) {
      evaluationsByRule
        .get(evaluation.EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName)
        ?.push(evaluation);
    }
    const indexed: IndexedRegion = {
      recorder: data.recorder,
      rules: data.configRules,
      ruleByName: new Map(data.configRules.map((rule) => [rule.ConfigRuleName, rule])),
      evaluationsByRule,
    };
    this.regionCache.set(key, indexed);
    if (this.regionCache.size > REGION_CACHE_LIMIT)
      this.regionCache.delete(this.regionCache.keys().next().value as string);
    return indexed;
  }
}
