import {
  actions,
  BLOCK_KIT_LIMITS,
  context,
  divider,
  escapeMrkdwn,
  fields,
  header,
  limitBlocks,
  linkButton,
  section,
  truncate,
} from '../../platform/chat/block-kit';
import type { ChatBlock, ChatMessage } from '../../platform/chat/chat-notifier.port';
import { formatChange, formatScore, type ReportFacts } from '../report-facts';

/** Where the reports are, for links: presigned links come from the facts, the rest from here. */
export interface SummaryLocation {
  runId: string;
  bucket: string;
  workbookKey: string;
  consoleUrl: string;
}

/** How many failed accounts the message lists (the workbook lists them all). */
export const FAILED_ACCOUNTS_SHOWN = 5;

const withChange = (value: string, delta: number | null | undefined, unit: 'count' | 'points'): string =>
  delta === undefined || delta === null ? value : `${value} (${formatChange(delta, unit)} since last run)`;

const headlineFields = (facts: ReportFacts): string[] => {
  const { totals, changes } = facts;
  const out = [
    `*Accounts scanned*\n${totals.scanned} of ${totals.accounts}`,
    `*Accounts failed*\n${facts.failedAccountCount}`,
    `*Non-compliant resources*\n${withChange(String(totals.nonCompliant), changes?.nonCompliant, 'count')}`,
    `*Compliance score*\n${withChange(formatScore(totals.score), changes?.scoreChange, 'points')}`,
  ];
  if (changes?.new !== undefined) out.push(`*New non-compliant*\n${changes.new}`);
  if (changes?.resolved !== undefined) out.push(`*Resolved*\n${changes.resolved}`);
  return out;
};

const worstAccountsBlock = (facts: ReportFacts): ChatBlock[] => {
  if (facts.worstAccounts.length === 0) return [];
  const lines = facts.worstAccounts.map(
    (a, i) =>
      `${i + 1}. ${escapeMrkdwn(a.accountName)} (\`${a.accountId}\`): ${a.nonCompliant} non-compliant, score ${formatScore(a.score)}`,
  );
  return [section(`*Worst accounts*\n${lines.join('\n')}`)];
};

const worstRulesBlock = (facts: ReportFacts): ChatBlock[] => {
  if (facts.worstRules.length === 0) return [];
  const lines = facts.worstRules.map(
    (r, i) =>
      `${i + 1}. \`${escapeMrkdwn(truncate(r.rule, 200))}\`: ${r.nonCompliant} non-compliant in ${r.accountsWithViolations} accounts`,
  );
  return [section(`*Worst rules*\n${lines.join('\n')}`)];
};

const failedAccountsBlock = (facts: ReportFacts): ChatBlock[] => {
  if (facts.failedAccountCount === 0) return [];
  const shown = facts.failedAccounts.slice(0, FAILED_ACCOUNTS_SHOWN);
  const lines = shown.map(
    (f) => `• ${escapeMrkdwn(f.accountName)} (\`${f.accountId}\`, ${f.phase}): ${escapeMrkdwn(truncate(f.error, 300))}`,
  );
  const more = facts.failedAccountCount - shown.length;
  if (more > 0) lines.push(`…and ${more} more (see the workbook's Failed accounts tab)`);
  return [section(`*Failed accounts*\n${lines.join('\n')}`)];
};

/** The plain-text fallback: the headline in one line. */
export const summaryFallbackText = (facts: ReportFacts): string =>
  truncate(
    `Compliance report ${facts.startDate} to ${facts.endDate}: ${facts.totals.scanned} of ${facts.totals.accounts} accounts scanned, ` +
      `${facts.failedAccountCount} failed, ${facts.totals.nonCompliant} non-compliant resources, score ${formatScore(facts.totals.score)}`,
    BLOCK_KIT_LIMITS.fallbackText,
  );

/**
 * The weekly summary as a Block Kit message: header with the date range, headline fields (with changes since the
 * last run and new/resolved counts when the report provides them), worst 5 accounts and rules, failed accounts,
 * link buttons (workbook, HTML summary, execution) and a context line. Within every Block Kit limit.
 */
export const buildSlackSummaryMessage = (facts: ReportFacts, where: SummaryLocation): ChatMessage => {
  const { links } = facts;
  const footer = [`Run \`${escapeMrkdwn(where.runId)}\``];
  if (links.workbook === undefined) footer.push(`Workbook: \`s3://${where.bucket}/${where.workbookKey}\``);
  if (links.expiresAt !== undefined) footer.push(`Links expire ${escapeMrkdwn(links.expiresAt)}`);
  const blocks: ChatBlock[] = [
    header(`AWS Config compliance report: ${facts.startDate} to ${facts.endDate}`),
    fields(headlineFields(facts)),
    ...worstAccountsBlock(facts),
    ...worstRulesBlock(facts),
    ...failedAccountsBlock(facts),
    divider(),
    ...actions([
      links.workbook === undefined
        ? undefined
        : linkButton('Workbook (.xlsx)', links.workbook, 'open-workbook', 'primary'),
      links.summaryHtml === undefined ? undefined : linkButton('HTML summary', links.summaryHtml, 'open-summary'),
      linkButton('Execution in Step Functions', where.consoleUrl, 'open-execution'),
    ]),
    context(footer),
  ];
  return { text: summaryFallbackText(facts), blocks: limitBlocks(blocks) };
};
