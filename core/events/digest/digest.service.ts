import type { ChatNotifier } from '../../platform/chat/chat-notifier.port';
import type { Clock } from '../../platform/clock.port';
import type { Log } from '../../shared/log.port';
import type { ComplianceEventStore } from '../event-store.port';
import type { HistoryItem, LatestState, Page, PageKey } from '../model';
import { computeScore } from '../score';
import { digestMessage } from './digest-message';
import type { AccountDigest, Digest } from './digest-model';
import { addDays, localDayOf, localDayRange } from './local-day';

/** What the digest needs. */
export interface DigestDeps {
  store: ComplianceEventStore;
  clock: Clock;
  log: Log;
  /** IANA zone whose local days the digest covers. */
  timeZone: string;
  chat?: () => Promise<ChatNotifier>;
  /** @default 5 */
  topRules?: number;
}

/** The digest's answer. */
export interface DigestResult {
  day: string;
  timeZone: string;
  accounts: number;
  status: 'sent' | 'already-sent' | 'not-configured';
}

const PAGE = 500;

const drain = async <T>(read: (start?: PageKey) => Promise<Page<T>>): Promise<T[]> => {
  const all: T[] = [];
  let start: PageKey | undefined;
  do {
    const page = await read(start);
    all.push(...page.items);
    start = page.lastEvaluatedKey;
  } while (start);
  return all;
};

/** One account's digest from its day of history and its latest states. */
export const buildAccountDigest = (
  accountId: string,
  history: readonly HistoryItem[],
  states: readonly LatestState[],
  now: Date,
  topRules = 5,
): AccountDigest => {
  const fromEvents = history.filter((h) => h.source === 'event');
  const stillOpen = states
    .filter((s) => s.complianceType === 'NON_COMPLIANT')
    .map((state) => {
      const since = Date.parse(state.failingSince ?? state.orderingTimestamp);
      return { state, ageDays: Math.max(0, Math.floor((now.getTime() - since) / 86_400_000)) };
    })
    .sort((a, b) => b.ageDays - a.ageDays);
  const counts = new Map<string, number>();
  for (const { state } of stillOpen)
    counts.set(state.normalizedRuleName, (counts.get(state.normalizedRuleName) ?? 0) + 1);
  return {
    accountId,
    opened: fromEvents.filter((h) => h.transition === 'new-violation' || h.transition === 'reopened'),
    resolved: fromEvents.filter((h) => h.transition === 'resolved'),
    reconciled: history.filter((h) => h.source === 'reconciled'),
    stillOpen,
    topRules: [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, topRules)
      .map(([rule, count]) => ({ rule, count })),
    score: computeScore(states),
  };
};

/**
 * The daily digest of a local day (default: yesterday in `timeZone`): per account new, resolved, reconciled and
 * still-open violations with age, top rules, and the score with its change since the day before (from the stored
 * snapshot; today's is stored). One Slack message per day and zone: a marker is taken first and given back if the post
 * fails, so a rerun of a posted day sends nothing.
 */
export const runDailyDigest = async (input: { day?: string }, deps: DigestDeps): Promise<DigestResult> => {
  const { store, clock, timeZone } = deps;
  const now = clock.now();
  const day = input.day ?? addDays(localDayOf(now, timeZone), -1);
  const marker = { kind: 'digest' as const, id: `${timeZone}#${day}` };
  if (deps.chat && (await store.claimMarker(marker, now.toISOString())) === 'already') {
    deps.log.info('digest already sent', { day, timeZone });
    return { day, timeZone, accounts: 0, status: 'already-sent' };
  }
  try {
    const { from, to } = localDayRange(day, timeZone);
    const digest: Digest = { day, timeZone, accounts: [] };
    for (const accountId of await store.listAccounts()) {
      const history = await drain((start) =>
        store.queryHistory(
          { accountId, from, to, order: 'oldest-first' },
          { limit: PAGE, ...(start ? { exclusiveStartKey: start } : {}) },
        ),
      );
      const states = await drain((start) =>
        store.queryLatestByAccount(accountId, { limit: PAGE, ...(start ? { exclusiveStartKey: start } : {}) }),
      );
      const account = buildAccountDigest(accountId, history, states, now, deps.topRules);
      const previous = await store.getScoreSnapshot(accountId, addDays(day, -1));
      if (previous) account.previousScore = previous.score;
      const { compliant, nonCompliant, score } = account.score;
      await store.putScoreSnapshot({ accountId, day, compliant, nonCompliant, score });
      digest.accounts.push(account);
    }
    if (!deps.chat) {
      deps.log.warn('digest not sent: Slack is not configured (SLACK_SECRET_NAME)', { day });
      return { day, timeZone, accounts: digest.accounts.length, status: 'not-configured' };
    }
    await (await deps.chat()).post(digestMessage(digest));
    deps.log.info('digest sent', { day, timeZone, accounts: digest.accounts.length });
    return { day, timeZone, accounts: digest.accounts.length, status: 'sent' };
  } catch (error) {
    if (deps.chat) await store.releaseMarker(marker);
    throw error;
  }
};
