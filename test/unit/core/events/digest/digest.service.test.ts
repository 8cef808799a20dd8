import { type DigestDeps, runDailyDigest } from '../../../../../core/events/digest/digest.service';
import { digestMessage } from '../../../../../core/events/digest/digest-message';
import type { Digest } from '../../../../../core/events/digest/digest-model';
import { InMemoryComplianceEventStore } from '../../../../../core/events/in-memory-event-store';
import { ingestComplianceEvent } from '../../../../../core/events/ingest/ingest.service';
import type { HistoryItem } from '../../../../../core/events/model';
import { createSeverityResolver } from '../../../../../core/events/severity-resolver';
import { ChannelPacer } from '../../../../../core/platform/chat/channel-pacer';
import { SlackWebhookNotifier } from '../../../../../core/platform/chat/slack-webhook-notifier';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';
import { configEvent } from '../config-event.builder';
import { RecordingChat } from '../recording-chat';

const setup = (now: string, timeZone = 'Asia/Hong_Kong') => {
  const store = new InMemoryComplianceEventStore();
  const chat = new RecordingChat();
  const clock = new FixedClock(now);
  const log = new RecordingLog();
  const ingest = (variant: Parameters<typeof configEvent>[0]) =>
    ingestComplianceEvent(configEvent(variant), {
      store,
      clock,
      log,
      severity: createSeverityResolver(),
      historyTtlDays: 30,
    });
  const deps: DigestDeps = { store, clock, log, timeZone, chat: async () => chat };
  return { store, chat, deps, ingest };
};

const text = (message: unknown) => JSON.stringify(message);

describe('runDailyDigest', () => {
  it('covers yesterday in Hong Kong: events inside the local day only', async () => {
    // Arrange
    const { chat, deps, ingest } = setup('2026-11-22T01:00:00.000Z');
    await ingest({ id: 'before', resourceId: 'lg-before', orderingTimestamp: '2026-11-20T15:59:59.000Z' });
    await ingest({ id: 'inside', resourceId: 'lg-inside', orderingTimestamp: '2026-11-20T16:00:00.000Z' });
    await ingest({ id: 'after', resourceId: 'lg-after', orderingTimestamp: '2026-11-21T16:00:00.000Z' });
    // Act
    const result = await runDailyDigest({}, deps);
    // Assert
    expect(result).toMatchObject({ day: '2026-11-21', status: 'sent', accounts: 1 });
    const body = text(chat.messages[0]);
    expect(body).toContain('lg-inside');
    expect(body).toContain('1 new');
    expect(body).toContain('3 open');
    expect(body).not.toMatch(/New\*\\n[^*]*lg-before/);
  });

  it('uses New York local days across the autumn DST change (a 25-hour day)', async () => {
    // Arrange
    const { chat, deps, ingest } = setup('2026-11-02T15:00:00.000Z', 'America/New_York');
    await ingest({ id: 'early', resourceId: 'lg-early', orderingTimestamp: '2026-11-01T04:00:00.000Z' });
    await ingest({ id: 'late', resourceId: 'lg-late', orderingTimestamp: '2026-11-02T04:59:00.000Z' });
    await ingest({ id: 'next', resourceId: 'lg-next', orderingTimestamp: '2026-11-02T05:00:00.000Z' });
    // Act
    const result = await runDailyDigest({}, deps);
    // Assert
    expect(result.day).toBe('2026-11-01');
    expect(text(chat.messages[0])).toContain('2 new');
  });

  it('sends once per day and zone, and reports the score change since the day before', async () => {
    // Arrange
    const { store, chat, deps, ingest } = setup('2026-11-22T01:00:00.000Z');
    await ingest({
      id: 'a',
      resourceId: 'lg-a',
      complianceType: 'COMPLIANT',
      orderingTimestamp: '2026-11-21T01:00:00.000Z',
    });
    await ingest({ id: 'b', resourceId: 'lg-b', orderingTimestamp: '2026-11-21T02:00:00.000Z' });
    await store.putScoreSnapshot({
      accountId: '222222222222',
      day: '2026-11-20',
      compliant: 1,
      nonCompliant: 3,
      score: 0.25,
    });
    // Act
    const first = await runDailyDigest({}, deps);
    const second = await runDailyDigest({}, deps);
    // Assert
    expect([first.status, second.status]).toEqual(['sent', 'already-sent']);
    expect(chat.messages).toHaveLength(1);
    expect(text(chat.messages[0])).toContain('score 50% (▲ 25 pts since yesterday)');
    expect(await store.getScoreSnapshot('222222222222', '2026-11-21')).toMatchObject({ score: 0.5 });
  });

  it('retries a Slack 429 after Retry-After without really waiting', async () => {
    // Arrange
    const { deps, ingest } = setup('2026-11-22T01:00:00.000Z');
    await ingest({ id: 'a', orderingTimestamp: '2026-11-21T01:00:00.000Z' });
    const sleeps: number[] = [];
    const sleep = async (ms: number) => {
      sleeps.push(ms);
    };
    const replies = [
      new Response('rate_limited', { status: 429, headers: { 'retry-after': '3' } }),
      new Response('ok'),
    ];
    const slack = new SlackWebhookNotifier({
      webhookUrl: 'https://hooks.example.test/services/T/B/secret',
      http: { fetch: async () => replies.shift() ?? new Response('ok'), sleep, service: 'slack' },
      pacer: new ChannelPacer(deps.clock, sleep),
    });
    // Act
    const result = await runDailyDigest({}, { ...deps, chat: async () => slack });
    // Assert
    expect(result.status).toBe('sent');
    expect(sleeps).toContain(3000);
    expect(replies).toHaveLength(0);
  });
});

describe('digestMessage', () => {
  const item = (n: number, rule: string): HistoryItem => ({
    accountId: '111111111111',
    occurredAt: '2026-11-21T00:00:00.000Z',
    eventId: `e${n}`,
    region: 'us-east-1',
    ruleName: rule,
    normalizedRuleName: rule,
    resourceType: 'AWS::S3::Bucket',
    resourceId: `bucket-${n}-${'x'.repeat(60)}`,
    complianceType: 'NON_COMPLIANT',
    severity: 'High',
    transition: 'new-violation',
    source: 'event',
    ingestedAt: '2026-11-21T00:00:00.000Z',
  });
  const account = (accountId: string, opened: HistoryItem[]) => ({
    accountId,
    opened,
    resolved: [],
    reconciled: [],
    stillOpen: [],
    topRules: [],
    score: { compliant: 0, nonCompliant: 0, excluded: 0, score: null },
  });

  it('groups a large account by rule and stays within Slack limits with many accounts', () => {
    // Arrange
    const many = Array.from({ length: 200 }, (_, n) =>
      item(n, n % 2 === 0 ? 's3-bucket-logging-enabled' : 'restricted-ssh'),
    );
    const digest: Digest = {
      day: '2026-11-21',
      timeZone: 'Asia/Hong_Kong',
      accounts: [
        account('111111111111', many),
        ...Array.from({ length: 80 }, (_, n) => account(String(200000000000 + n), [item(n, 'restricted-ssh')])),
        account('999999999999', []),
      ],
    };
    // Act
    const message = digestMessage(digest);
    // Assert
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const block of message.blocks) {
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(text(message.blocks[2])).toContain('s3-bucket-logging-enabled (High) ×100');
    expect(text(message)).toContain('more accounts with changes');
    expect(text(message)).toContain('999999999999 (n/a)');
  });
});
