import { BLOCK_KIT_LIMITS, context, escapeMrkdwn, header, section } from '../../platform/chat/block-kit';
import type { ChatBlock, ChatMessage } from '../../platform/chat/chat-notifier.port';
import type { HistoryItem } from '../model';
import { formatScore } from '../score';
import type { AccountDigest, Digest } from './digest-model';

/** Above this many listed items an account's lists are grouped by rule. */
const GROUP_ABOVE = 12;
/** Room kept under Slack's 3,000 characters per section for the "… more" line. */
const SECTION_BUDGET = BLOCK_KIT_LIMITS.sectionText - 100;

/** Adds lines while they fit `budget` characters; then one line saying how many were left out. */
export const fitLines = (lines: readonly string[], budget = SECTION_BUDGET): string => {
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > budget) break;
    kept.push(line);
    size += line.length + 1;
  }
  const left = lines.length - kept.length;
  return left > 0 ? [...kept, `… ${left} more lines`].join('\n') : kept.join('\n');
};

const resource = (i: { resourceType: string; resourceId: string }) => escapeMrkdwn(`${i.resourceType} ${i.resourceId}`);

const delta = (a: AccountDigest): string => {
  if (a.previousScore === undefined || a.previousScore === null || a.score.score === null) return '';
  const points = Number(((a.score.score - a.previousScore) * 100).toFixed(1));
  if (points === 0) return ' (= since yesterday)';
  return ` (${points > 0 ? '▲' : '▼'} ${Math.abs(points)} pts since yesterday)`;
};

const grouped = (title: string, items: readonly { normalizedRuleName: string; severity: string }[]): string[] => {
  if (items.length === 0) return [];
  const counts = new Map<string, number>();
  for (const i of items)
    counts.set(
      `${i.normalizedRuleName} (${i.severity})`,
      (counts.get(`${i.normalizedRuleName} (${i.severity})`) ?? 0) + 1,
    );
  const parts = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([rule, n]) => `${escapeMrkdwn(rule)} ×${n}`);
  return [`*${title}* (${items.length}): ${parts.join(', ')}`];
};

const listed = (title: string, items: readonly HistoryItem[], line: (i: HistoryItem) => string): string[] =>
  items.length === 0 ? [] : [`*${title}*`, ...items.map(line)];

/** The lines of one account: summary, then its lists (item by item, or grouped by rule when large). */
export const accountLines = (a: AccountDigest): string[] => {
  const summary = `*Account ${a.accountId}*: score ${formatScore(a.score.score)}${delta(a)} · ${a.opened.length} new · ${a.resolved.length} resolved · ${a.stillOpen.length} open`;
  const size = a.opened.length + a.resolved.length + a.reconciled.length + a.stillOpen.length;
  const top =
    a.topRules.length === 0
      ? []
      : [`*Top rules*: ${a.topRules.map((r) => `${escapeMrkdwn(r.rule)} (${r.count})`).join(', ')}`];
  if (size > GROUP_ABOVE) {
    return [
      summary,
      ...grouped('New', a.opened),
      ...grouped('Resolved', a.resolved),
      ...grouped('Reconciled', a.reconciled),
      ...grouped(
        'Still open',
        a.stillOpen.map((s) => s.state),
      ),
      ...(a.stillOpen[0] ? [`Oldest open: ${a.stillOpen[0].ageDays} d`] : []),
      ...top,
    ];
  }
  return [
    summary,
    ...listed(
      'New',
      a.opened,
      (i) =>
        `• [${i.severity}] ${escapeMrkdwn(i.normalizedRuleName)}: ${resource(i)}${i.transition === 'reopened' ? ' (reopened)' : ''}${i.annotation ? ` (${escapeMrkdwn(i.annotation)})` : ''}`,
    ),
    ...listed('Resolved', a.resolved, (i) => `• ${escapeMrkdwn(i.normalizedRuleName)}: ${resource(i)}`),
    ...listed(
      'Reconciled',
      a.reconciled,
      (i) => `• ${escapeMrkdwn(i.normalizedRuleName)}: ${resource(i)} → ${i.complianceType}`,
    ),
    ...(a.stillOpen.length === 0 ? [] : ['*Still open*']),
    ...a.stillOpen.map(
      ({ state, ageDays }) =>
        `• [${state.severity}] ${escapeMrkdwn(state.normalizedRuleName)}: ${resource(state)}, ${ageDays} d`,
    ),
    ...top,
  ];
};

const quiet = (a: AccountDigest) =>
  a.opened.length + a.resolved.length + a.reconciled.length + a.stillOpen.length === 0;

/**
 * The digest as one Slack message: a header, a totals line, one section per active account (busiest first), one
 * section for quiet accounts, within 50 blocks (accounts beyond the budget are named in a last section) and 3,000
 * characters per section.
 */
export const digestMessage = (digest: Digest): ChatMessage => {
  const active = digest.accounts.filter((a) => !quiet(a));
  active.sort((x, y) => y.opened.length - x.opened.length || y.stillOpen.length - x.stillOpen.length);
  const calm = digest.accounts.filter(quiet);
  const sum = (f: (a: AccountDigest) => number) => digest.accounts.reduce((n, a) => n + f(a), 0);
  const totals = `${digest.accounts.length} accounts · ${sum((a) => a.opened.length)} new · ${sum((a) => a.resolved.length)} resolved · ${sum((a) => a.stillOpen.length)} open · ${sum((a) => a.reconciled.length)} reconciled`;
  const blocks: ChatBlock[] = [header(`Compliance digest ${digest.day} (${digest.timeZone})`), context([totals])];
  const room = BLOCK_KIT_LIMITS.blocksPerMessage - blocks.length - 2;
  const shown = active.length > room ? active.slice(0, room) : active;
  for (const a of shown) blocks.push(section(fitLines(accountLines(a))));
  const hidden = active.slice(shown.length);
  if (hidden.length > 0) {
    blocks.push(
      section(
        fitLines([
          `*${hidden.length} more accounts with changes*`,
          hidden.map((a) => `${a.accountId} (${a.opened.length} new, ${a.stillOpen.length} open)`).join(', '),
        ]),
      ),
    );
  }
  if (calm.length > 0) {
    blocks.push(
      section(
        fitLines([
          `*No open violations*: ${calm.map((a) => `${a.accountId} (${formatScore(a.score.score)})`).join(', ')}`,
        ]),
      ),
    );
  }
  if (digest.accounts.length === 0) blocks.push(section('No compliance events recorded yet.'));
  return { text: `Compliance digest ${digest.day}: ${totals}`, blocks };
};
