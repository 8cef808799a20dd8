import type { TracedChange, UntracedReason } from '../../domain/change-context.schema';
import {
  type ChangeColumns,
  chainText,
  changeColumnsOf,
  changedByOf,
  changeKeyOf,
  findingsOf,
  findingsText,
  interfaceText,
  NO_CHANGE_COLUMNS,
} from './change-columns';
import type { ChangeContextRead } from './change-context-reader';

/** How many traced resources summary.html investigates (the Change context tab lists them all). */
export const INVESTIGATION_LIMIT = 20;

/** One row of the **Change context** tab: a traced resource, or one tried but not traced (`status` is the reason). */
export interface ChangeContextRow {
  accountId: string;
  accountName: string;
  region: string;
  ruleName: string;
  resourceType: string;
  resourceId: string;
  status: 'traced' | UntracedReason;
  changedAt: string;
  eventName: string;
  actor: string;
  chain: string;
  interface: string;
  sourceIp: string;
  userAgent: string;
  findings: string;
  /** The worst finding's severity, empty without findings. */
  topSeverity: string;
  detail: string;
}

/** A traced resource summary.html investigates. */
export interface Investigation {
  accountId: string;
  accountName: string;
  change: TracedChange;
}

/** The run's change context totals (summary.json `changeContext`). */
export interface ChangeContextTotals {
  /** Accounts with a usable trace file. */
  accounts: number;
  traced: number;
  untraced: Partial<Record<UntracedReason, number>>;
  notTraced: number;
  findings: Record<string, number>;
  /** Unusable trace files and the Trace changes step's own errors, one line each. */
  errors: string[];
}

/** Everything the reports show of the run's change context. */
export interface ChangeContextReport {
  rows: ChangeContextRow[];
  investigations: Investigation[];
  /** Traced resources beyond {@link INVESTIGATION_LIMIT}. */
  moreInvestigations: number;
  totals: ChangeContextTotals;
}

const tracedRow = (account: { id: string; name: string }, t: TracedChange): ChangeContextRow => {
  const findings = findingsOf(t);
  return {
    accountId: account.id,
    accountName: account.name,
    region: t.region,
    ruleName: t.ruleName,
    resourceType: t.resourceType,
    resourceId: t.resourceId,
    status: 'traced',
    changedAt: t.event.eventTime,
    eventName: `${t.event.eventSource} ${t.event.eventName}`,
    actor: changedByOf(t),
    chain: chainText(t),
    interface: interfaceText(t),
    sourceIp: t.event.sourceIPAddress ?? '',
    userAgent: t.event.userAgent ?? '',
    findings: findingsText(findings),
    topSeverity: findings[0]?.severity ?? '',
    detail: t.analysisError ?? `found by ${t.foundBy}`,
  };
};

/**
 * Folds each account's trace file into the report, one account at a time (in the merger's single pass): returns the
 * account's lookup from a non-compliant row to its change columns, and keeps the tab rows, the first
 * {@link INVESTIGATION_LIMIT} traced resources and the totals.
 */
export class ChangeContextCollector {
  private readonly report: ChangeContextReport = {
    rows: [],
    investigations: [],
    moreInvestigations: 0,
    totals: { accounts: 0, traced: 0, untraced: {}, notTraced: 0, findings: {}, errors: [] },
  };

  constructor(private readonly limit = INVESTIGATION_LIMIT) {}

  /** Adds one account's trace file; the returned function gives a row's change columns (empty when not traced). */
  addAccount(
    account: { id: string; name: string },
    read: ChangeContextRead,
  ): (row: Parameters<typeof changeKeyOf>[0]) => ChangeColumns {
    const { totals } = this.report;
    if (read.kind === 'unusable') totals.errors.push(`${account.id}: ${read.error}`);
    if (read.kind !== 'ok') return () => NO_CHANGE_COLUMNS;
    const { context } = read;
    totals.accounts += 1;
    totals.notTraced += context.notTraced;
    for (const e of context.errors)
      totals.errors.push(`${account.id}${e.region ? ` ${e.region}` : ''}: ${e.code}: ${e.message}`);
    const columns = new Map<string, ChangeColumns>();
    for (const t of context.traced) {
      columns.set(changeKeyOf(t), changeColumnsOf(t));
      this.report.rows.push(tracedRow(account, t));
      totals.traced += 1;
      for (const f of t.activity?.findings ?? []) totals.findings[f.severity] = (totals.findings[f.severity] ?? 0) + 1;
      if (this.report.investigations.length < this.limit) {
        this.report.investigations.push({ accountId: account.id, accountName: account.name, change: t });
      } else this.report.moreInvestigations += 1;
    }
    for (const u of context.untraced) {
      totals.untraced[u.reason] = (totals.untraced[u.reason] ?? 0) + 1;
      this.report.rows.push({
        ...{ accountId: account.id, accountName: account.name, region: u.region, ruleName: u.ruleName },
        ...{ resourceType: u.resourceType, resourceId: u.resourceId, status: u.reason, changedAt: '', eventName: '' },
        ...{ actor: '', chain: '', interface: '', sourceIp: '', userAgent: '', findings: '', topSeverity: '' },
        detail: u.detail,
      });
    }
    return (row) => columns.get(changeKeyOf(row)) ?? NO_CHANGE_COLUMNS;
  }

  /** The report so far (call once the pass is done). */
  finish(): ChangeContextReport {
    return this.report;
  }
}
