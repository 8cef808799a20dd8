import { truncate } from '../../platform/chat/block-kit';
import { formatChange, formatScore, type ReportFacts } from '../report-facts';
import type { TicketDocument, TicketNode } from '../ticket-tracker.port';

/** Jira's limit on an issue summary (one line). */
export const JIRA_SUMMARY_MAX = 255;

const text = (value: string, marks?: TicketNode['marks']): TicketNode => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const strong = (value: string): TicketNode => text(value, [{ type: 'strong' }]);
const link = (label: string, href: string): TicketNode => text(label, [{ type: 'link', attrs: { href } }]);
const paragraph = (...content: TicketNode[]): TicketNode => ({ type: 'paragraph', content });
const heading = (level: number, value: string): TicketNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
const bulletList = (items: TicketNode[][]): TicketNode => ({
  type: 'bulletList',
  content: items.map((content) => ({ type: 'listItem', content: [paragraph(...content)] })),
});

/** The issue summary: one line with the date range. */
export const ticketSummary = (facts: Pick<ReportFacts, 'startDate' | 'endDate'>): string =>
  truncate(`AWS Config compliance report ${facts.startDate} to ${facts.endDate}`, JIRA_SUMMARY_MAX);

const change = (delta: number | null | undefined, unit: 'count' | 'points'): string =>
  delta === undefined || delta === null ? '' : ` (${formatChange(delta, unit)} since last run)`;

const headline = (facts: ReportFacts): TicketNode => {
  const { totals, changes } = facts;
  const items: TicketNode[][] = [
    [strong('Accounts scanned: '), text(`${totals.scanned} of ${totals.accounts}`)],
    [strong('Accounts failed: '), text(String(facts.failedAccountCount))],
    [strong('Non-compliant resources: '), text(`${totals.nonCompliant}${change(changes?.nonCompliant, 'count')}`)],
    [strong('Compliance score: '), text(`${formatScore(totals.score)}${change(changes?.scoreChange, 'points')}`)],
  ];
  if (changes?.new !== undefined) items.push([strong('New non-compliant: '), text(String(changes.new))]);
  if (changes?.resolved !== undefined) items.push([strong('Resolved: '), text(String(changes.resolved))]);
  return bulletList(items);
};

/** Where the reports are, for the Links section. */
export interface TicketLinks {
  runId: string;
  bucket: string;
  workbookKey: string;
  consoleUrl: string;
  /** The attached workbook's file name. */
  workbookFileName: string;
}

/**
 * The review ticket's description in Atlassian Document Format: the headline numbers (with changes when known), the
 * worst accounts and rules, failed accounts, and links (workbook attachment, presigned links when present, the
 * execution in the console).
 */
export const buildTicketDocument = (facts: ReportFacts, where: TicketLinks): TicketDocument => {
  const content: TicketNode[] = [
    paragraph(text(`Weekly AWS Config compliance report for ${facts.startDate} to ${facts.endDate}.`)),
    headline(facts),
  ];
  if (facts.worstAccounts.length > 0) {
    content.push(
      heading(3, 'Worst accounts'),
      bulletList(
        facts.worstAccounts.map((a) => [
          text(`${a.accountName} (${a.accountId}): ${a.nonCompliant} non-compliant, score ${formatScore(a.score)}`),
        ]),
      ),
    );
  }
  if (facts.worstRules.length > 0) {
    content.push(
      heading(3, 'Worst rules'),
      bulletList(
        facts.worstRules.map((r) => [
          text(`${r.rule}: ${r.nonCompliant} non-compliant in ${r.accountsWithViolations} accounts`),
        ]),
      ),
    );
  }
  if (facts.failedAccountCount > 0) {
    const shown = facts.failedAccounts.slice(0, 10);
    const items = shown.map((f) => [text(`${f.accountName} (${f.accountId}, ${f.phase}): ${truncate(f.error, 300)}`)]);
    if (facts.failedAccountCount > shown.length)
      items.push([text(`…and ${facts.failedAccountCount - shown.length} more`)]);
    content.push(heading(3, 'Failed accounts'), bulletList(items));
  }
  const links: TicketNode[][] = [
    [text(`Workbook: attached (${where.workbookFileName}); s3://${where.bucket}/${where.workbookKey}`)],
  ];
  if (facts.links.workbook) links.push([link('Workbook download', facts.links.workbook)]);
  if (facts.links.summaryHtml) links.push([link('HTML summary', facts.links.summaryHtml)]);
  if (facts.links.expiresAt) links.push([text(`Download links expire ${facts.links.expiresAt}`)]);
  links.push([link('Execution in the Step Functions console', where.consoleUrl)]);
  content.push(heading(3, 'Links'), bulletList(links), paragraph(text(`Run id: ${where.runId}`)));
  return { type: 'doc', version: 1, content };
};
