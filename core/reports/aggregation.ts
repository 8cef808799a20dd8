import type { Account } from '../domain/account.schema';
import type { AccountPartial, ConfigStatus } from '../domain/partial.schema';
import { formatScanError } from './account-outcomes';
import {
  type AccountScore,
  type FailedAccount,
  MAX_RAW_NAMES,
  RESOURCE_COLUMNS,
  type ReportTotals,
  type ResourceRow,
  type RuleTotals,
  scoreOf,
} from './report-model';

/** Statuses that mean "AWS Config is not recording here" (an `error` region is a failure, not a disabled one). */
const CONFIG_DISABLED: ReadonlySet<ConfigStatus> = new Set(['not-enabled', 'recorder-stopped']);

/** Code-unit order (not locale order): the same bytes sort the same way on every machine. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares rows column by column in the CSV's column order. */
export const compareRows = (a: ResourceRow, b: ResourceRow): number => {
  for (const { key } of RESOURCE_COLUMNS) {
    const order = compareText(a[key], b[key]);
    if (order !== 0) return order;
  }
  return 0;
};

/** Everything the writers need, all small: one entry per account and per rule. */
export interface AggregateResult {
  /** Scanned accounts (ok / partial), in account id order. */
  accounts: AccountScore[];
  /** Failed accounts, in account id order. */
  failed: FailedAccount[];
  /** Per normalized rule, most non-compliant resources first, then by name. */
  rules: RuleTotals[];
  totals: ReportTotals;
  /** Non-compliant resource rows handed out by {@link ReportAggregator.addScanned}. */
  rowCount: number;
}

/**
 * Folds accounts into run aggregates one at a time, so a run of thousands of accounts keeps only one partial in
 * memory. Feed accounts in id order: {@link addScanned} returns that account's rows sorted by the remaining columns,
 * so appending them account after account yields rows in global column order.
 */
export class ReportAggregator {
  private readonly scanned: AccountScore[] = [];
  private readonly failed: FailedAccount[] = [];
  private readonly rules = new Map<string, RuleTotals>();
  private rowCount = 0;

  /** Adds an account with data and returns its non-compliant resource rows, sorted. */
  addScanned(account: Pick<Account, 'id' | 'name'>, partial: AccountPartial): ResourceRow[] {
    let compliant = 0;
    let nonCompliant = 0;
    let rules = 0;
    const perRule = new Map<string, { raw: Set<string>; compliant: number; nonCompliant: number }>();
    const rows: ResourceRow[] = [];
    for (const region of partial.regions) {
      for (const rule of region.rules) {
        rules += 1;
        compliant += rule.compliantCount;
        nonCompliant += rule.nonCompliantCount;
        const entry = perRule.get(rule.normalizedName) ?? { raw: new Set(), compliant: 0, nonCompliant: 0 };
        entry.raw.add(rule.ruleName);
        entry.compliant += rule.compliantCount;
        entry.nonCompliant += rule.nonCompliantCount;
        perRule.set(rule.normalizedName, entry);
      }
      for (const resource of region.nonCompliant) {
        rows.push({
          accountId: account.id,
          accountName: account.name,
          region: region.region,
          ruleName: resource.ruleName,
          resourceType: resource.resourceType,
          resourceId: resource.resourceId,
          complianceType: resource.complianceType,
          annotation: resource.annotation ?? '',
          recordedTime: resource.recordedTime ?? '',
        });
      }
    }
    for (const [name, entry] of perRule) this.addRule(name, entry);
    this.scanned.push({
      accountId: account.id,
      accountName: account.name,
      status: partial.status,
      regions: partial.regions.length,
      configDisabledRegions: partial.regions.filter((r) => CONFIG_DISABLED.has(r.configStatus)).map((r) => r.region),
      rules,
      compliant,
      nonCompliant,
      score: scoreOf(compliant, nonCompliant),
      errors: partial.errors.map(formatScanError),
    });
    this.rowCount += rows.length;
    return rows.sort(compareRows);
  }

  /** Adds an account with no usable data. */
  addFailed(failure: FailedAccount): void {
    this.failed.push(failure);
  }

  /** The aggregates so far. */
  result(): AggregateResult {
    const compliant = this.scanned.reduce((sum, a) => sum + a.compliant, 0);
    const nonCompliant = this.scanned.reduce((sum, a) => sum + a.nonCompliant, 0);
    const rules = [...this.rules.values()].sort(
      (a, b) => b.nonCompliant - a.nonCompliant || compareText(a.rule, b.rule),
    );
    return {
      accounts: [...this.scanned],
      failed: [...this.failed],
      rules,
      rowCount: this.rowCount,
      totals: {
        accounts: this.scanned.length + this.failed.length,
        scanned: this.scanned.length,
        failed: this.failed.length,
        compliant,
        nonCompliant,
        score: scoreOf(compliant, nonCompliant),
        configDisabledRegions: this.scanned.reduce((sum, a) => sum + a.configDisabledRegions.length, 0),
      },
    };
  }

  private addRule(name: string, entry: { raw: Set<string>; compliant: number; nonCompliant: number }): void {
    const totals = this.rules.get(name) ?? {
      rule: name,
      rawNames: [],
      compliant: 0,
      nonCompliant: 0,
      accountsWithViolations: 0,
      accountsEvaluated: 0,
    };
    for (const raw of entry.raw) {
      if (totals.rawNames.length < MAX_RAW_NAMES && !totals.rawNames.includes(raw)) totals.rawNames.push(raw);
    }
    totals.compliant += entry.compliant;
    totals.nonCompliant += entry.nonCompliant;
    totals.accountsEvaluated += 1;
    if (entry.nonCompliant > 0) totals.accountsWithViolations += 1;
    this.rules.set(name, totals);
  }
}
