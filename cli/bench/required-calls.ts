import { EVALUATIONS_PAGE_SIZE } from '../../core/scan/adapters/aws-config-compliance-source';
import type { Scenario } from '../../sandbox';
import { CONFIG_RULES_PAGE_SIZE } from '../../sandbox/servers/config-api';
import { LIST_ACCOUNTS_MAX_RESULTS } from '../../sandbox/servers/organizations-api';

/** The calls a correct scan of a scenario needs at least, by kind and per account+region. */
export interface RequiredCalls {
  byKind: Record<string, number>;
  total: number;
  /** Config calls per `<accountId>/<region>` (each has its own Config token bucket). */
  perRegion: Map<string, number>;
}

const pages = (items: number, size: number): number => Math.max(1, Math.ceil(items / size));

/**
 * Counts, from the scenario's own records, the API calls the scan makes when nothing is throttled: ListAccounts pages,
 * one AssumeRole per ACTIVE account, and per scanned region one DescribeConfigurationRecorderStatus, then (recording
 * regions) DescribeConfigRules and DescribeComplianceByConfigRule pages of 25 rules and, per NON_COMPLIANT rule, pages
 * of 100 NON_COMPLIANT + COMPLIANT results, per COMPLIANT rule pages of its COMPLIANT results. Reads each region once
 * (they are built lazily), so it takes about a second per million evaluations.
 */
export const requiredCalls = (scenario: Scenario, regions: readonly string[]): RequiredCalls => {
  const byKind: Record<string, number> = {};
  const add = (kind: string, n: number) => {
    byKind[kind] = (byKind[kind] ?? 0) + n;
  };
  const perRegion = new Map<string, number>();
  const orgSize = scenario.organization.accounts.length;
  add(
    'organizations.ListAccounts',
    pages(orgSize, LIST_ACCOUNTS_MAX_RESULTS) + (scenario.faults?.emptyFirstPage ? 1 : 0),
  );
  for (const account of scenario.organization.accounts) {
    if ((account.State ?? account.Status) !== 'ACTIVE') continue;
    add('sts.AssumeRole', 1);
    const member = scenario.accounts[account.Id];
    if (member === undefined || member.assumeRole !== 'ok') continue;
    for (const region of regions) {
      const data = member.regions[region];
      let calls = 1;
      add('config.DescribeConfigurationRecorderStatus', 1);
      if (data !== undefined && data.recorder === true) {
        const rulePages = pages(data.configRules.length, CONFIG_RULES_PAGE_SIZE);
        add('config.DescribeConfigRules', rulePages);
        add('config.DescribeComplianceByConfigRule', rulePages);
        calls += 2 * rulePages;
        const counts = new Map<string, { nc: number; c: number }>();
        for (const e of data.evaluations) {
          const name = e.EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName;
          const entry = counts.get(name) ?? { nc: 0, c: 0 };
          if (e.ComplianceType === 'NON_COMPLIANT') entry.nc += 1;
          if (e.ComplianceType === 'COMPLIANT') entry.c += 1;
          counts.set(name, entry);
        }
        for (const { nc, c } of counts.values()) {
          const detailPages =
            nc > 0 ? pages(nc + c, EVALUATIONS_PAGE_SIZE) : c > 0 ? pages(c, EVALUATIONS_PAGE_SIZE) : 0;
          add('config.GetComplianceDetailsByConfigRule', detailPages);
          calls += detailPages;
        }
      }
      perRegion.set(`${account.Id}/${region}`, calls);
    }
  }
  return { byKind, total: Object.values(byKind).reduce((a, b) => a + b, 0), perRegion };
};
