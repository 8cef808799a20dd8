import { z } from 'zod';
import type { BuildReportsOutput } from '../domain/build-reports.schema';
import { type ReportSummary, ReportSummarySchema } from '../domain/report-summary.schema';
import type { ObjectStore } from '../platform/storage/object-store.port';
import type { Log } from '../shared/log.port';

/**
 * Fields newer report builds add to the Build reports output and summary.json, read leniently so notifications work
 * with or without them (and with older summaries). This schema is the one place naming them.
 * - `links`: presigned URLs of the workbook and the HTML summary, and when they expire;
 * - `changes`: against the previous run (`null` on a first run): `scoreChange` of the 0–1 score, the `new` and
 *   `resolved` non-compliant resource counts, the previous run's end date.
 */
export const ReportExtrasSchema = z.object({
  links: z
    .object({ workbook: z.url().optional(), summaryHtml: z.url().optional(), expiresAt: z.string().optional() })
    .optional()
    .catch(undefined),
  changes: z
    .object({
      previousEndDate: z.string().optional(),
      scoreChange: z.number().nullable().optional(),
      new: z.number().int().nonnegative().optional(),
      resolved: z.number().int().nonnegative().optional(),
    })
    .nullable()
    .optional()
    .catch(undefined),
});
export type ReportExtras = z.infer<typeof ReportExtrasSchema>;

/** summary.json as notifications read it: the accounts and rules, plus the optional extras. */
export type NotifySummary = Pick<ReportSummary, 'accounts' | 'rules'> & ReportExtras;

/** Changes since the previous run, as far as the report says. */
export interface RunChanges {
  previousEndDate?: string;
  scoreChange?: number | null;
  /** Net change of non-compliant resources: new − resolved. */
  nonCompliant?: number;
  new?: number;
  resolved?: number;
}

/** The headline facts of one run, whichever fields the report build provided. */
export interface ReportFacts {
  startDate: string;
  endDate: string;
  totals: BuildReportsOutput['totals'];
  failedAccountCount: number;
  failedAccounts: BuildReportsOutput['failedAccounts'];
  /** Absent on a first run or when the report build does not compare runs. */
  changes?: RunChanges;
  links: NonNullable<ReportExtras['links']>;
  /** Up to 5 accounts with the most non-compliant resources (summary.json only). */
  worstAccounts: { accountId: string; accountName: string; nonCompliant: number; score: number | null }[];
  /** Up to 5 rules with the most non-compliant resources (summary.json only). */
  worstRules: { rule: string; nonCompliant: number; accountsWithViolations: number }[];
}

/** How many accounts and rules the "worst" lists show. */
export const WORST_COUNT = 5;

const extrasOf = (value: unknown): ReportExtras => {
  const parsed = ReportExtrasSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
};

const toRunChanges = (changes: ReportExtras['changes']): RunChanges | undefined => {
  if (changes === null || changes === undefined) return undefined;
  const net = changes.new !== undefined && changes.resolved !== undefined ? changes.new - changes.resolved : undefined;
  return { ...changes, ...(net !== undefined ? { nonCompliant: net } : {}) };
};

/** Combines the Build reports output (always there) and summary.json (when readable) into the message facts. */
export const reportFacts = (
  run: { startDate: string; endDate: string },
  reports: BuildReportsOutput,
  summary?: NotifySummary,
): ReportFacts => {
  const fromOutput = extrasOf(reports);
  const worstAccounts = (summary?.accounts ?? [])
    .filter((a) => a.status !== 'failed' && a.nonCompliant > 0)
    .sort((a, b) => b.nonCompliant - a.nonCompliant || a.accountId.localeCompare(b.accountId))
    .slice(0, WORST_COUNT)
    .map(({ accountId, accountName, nonCompliant, score }) => ({ accountId, accountName, nonCompliant, score }));
  const worstRules = (summary?.rules ?? [])
    .filter((r) => r.nonCompliant > 0)
    .sort((a, b) => b.nonCompliant - a.nonCompliant || a.rule.localeCompare(b.rule))
    .slice(0, WORST_COUNT)
    .map(({ rule, nonCompliant, accountsWithViolations }) => ({ rule, nonCompliant, accountsWithViolations }));
  const changes = toRunChanges(summary?.changes ?? fromOutput.changes);
  return {
    startDate: run.startDate,
    endDate: run.endDate,
    totals: reports.totals,
    failedAccountCount: reports.failedAccountCount,
    failedAccounts: reports.failedAccounts,
    ...(changes ? { changes } : {}),
    links: { ...summary?.links, ...fromOutput.links },
    worstAccounts,
    worstRules,
  };
};

/**
 * Reads summary.json for a notification. A missing or unreadable summary is not worth failing the notification for:
 * it logs a warning and returns `undefined` (the message then shows the totals of the Build reports output).
 */
export const readNotifySummary = async (
  store: ObjectStore,
  key: string,
  log: Log,
): Promise<NotifySummary | undefined> => {
  try {
    const text = await store.getText(key);
    if (text === undefined) {
      log.warn('summary.json not found; notifying with the totals only', { key });
      return undefined;
    }
    const raw: unknown = JSON.parse(text);
    const base = ReportSummarySchema.safeParse(raw);
    if (!base.success) {
      log.warn('summary.json does not match its schema; notifying with the totals only', { key });
      return undefined;
    }
    return { accounts: base.data.accounts, rules: base.data.rules, ...extrasOf(raw) };
  } catch (error) {
    log.warn('summary.json unreadable; notifying with the totals only', { key, reason: (error as Error).message });
    return undefined;
  }
};

/** A 0–1 score as a percentage with one decimal (`87.5 %`), or `n/a`. */
export const formatScore = (score: number | null | undefined): string =>
  score === null || score === undefined ? 'n/a' : `${(score * 100).toFixed(1)} %`;

/** A signed change with an arrow: `▲ 5`, `▼ 1.2 pts`, `no change`. `points` formats a 0–1 score change. */
export const formatChange = (delta: number, unit: 'count' | 'points'): string => {
  const value = unit === 'points' ? Math.round(delta * 1000) / 10 : delta;
  if (value === 0) return 'no change';
  const magnitude = unit === 'points' ? `${Math.abs(value).toFixed(1)} pts` : `${Math.abs(value)}`;
  return `${value > 0 ? '▲' : '▼'} ${magnitude}`;
};
