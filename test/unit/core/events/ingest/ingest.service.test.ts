import { InMemoryComplianceEventStore } from '../../../../../core/events/in-memory-event-store';
import { type IngestDeps, ingestComplianceEvent } from '../../../../../core/events/ingest/ingest.service';
import { createSeverityResolver } from '../../../../../core/events/severity-resolver';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';
import { configEvent, loadConfigEvent } from '../config-event.builder';
import { RecordingChat } from '../recording-chat';

const setup = (overrides: Record<string, 'Critical' | 'High' | 'Medium' | 'Low'> = {}) => {
  const store = new InMemoryComplianceEventStore();
  const chat = new RecordingChat();
  const deps: IngestDeps = {
    store,
    clock: new FixedClock('2026-11-22T00:00:00.000Z'),
    log: new RecordingLog(),
    severity: createSeverityResolver(overrides),
    historyTtlDays: 90,
    chat: async () => chat,
  };
  return { store, chat, deps };
};

const T = (day: number, hour = 0) =>
  `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

describe('ingestComplianceEvent', () => {
  it('stores a first failing evaluation as a new violation and alerts once for a Critical rule', async () => {
    // Arrange
    const { store, chat, deps } = setup();
    const event = loadConfigEvent('non-compliant.first-evaluation.security-hub');
    // Act
    const result = await ingestComplianceEvent(event, deps);
    // Assert
    expect(result).toMatchObject({ history: 'stored', latest: 'updated', transition: 'new-violation' });
    expect(result).toMatchObject({ severity: 'Critical', alert: 'sent' });
    const [item] = store.history.values();
    expect(item).toMatchObject({
      ruleName: 'securityhub-s3-bucket-public-read-prohibited-a1b2c3d4',
      normalizedRuleName: 's3-bucket-public-read-prohibited',
      occurredAt: '2026-11-20T02:14:58.112Z',
      expiresAt: Date.parse('2026-11-22T00:00:00Z') / 1000 + 90 * 86_400,
    });
    expect(chat.messages).toHaveLength(1);
    expect(JSON.stringify(chat.messages[0])).toContain('The bucket policy allows public read access.');
    expect(JSON.stringify(chat.messages[0])).toContain('resourceId=acme-public-assets');
    expect(await store.listAccounts()).toEqual(['111111111111']);
  });

  it('stores a duplicate delivery once and does not alert twice', async () => {
    // Arrange
    const { store, chat, deps } = setup();
    const event = loadConfigEvent('non-compliant.first-evaluation.security-hub');
    await ingestComplianceEvent(event, deps);
    // Act
    const again = await ingestComplianceEvent(structuredClone(event), deps);
    // Assert
    expect(again).toMatchObject({ history: 'duplicate', latest: 'stale', transition: 'new-violation' });
    expect(again.alert).toBe('already-sent');
    expect(store.history.size).toBe(1);
    expect(chat.messages).toHaveLength(1);
  });

  it('keeps the newest state when events arrive out of order, and still stores the older one in history', async () => {
    // Arrange
    const { store, deps } = setup();
    const newer = configEvent({ id: 'e-new', orderingTimestamp: T(20, 10), complianceType: 'COMPLIANT' });
    const older = configEvent({ id: 'e-old', orderingTimestamp: T(20, 8), complianceType: 'NON_COMPLIANT' });
    // Act
    await ingestComplianceEvent(newer, deps);
    const result = await ingestComplianceEvent(older, deps);
    // Assert
    expect(result).toMatchObject({ history: 'stored', latest: 'stale', transition: 'superseded', alert: 'not-needed' });
    const [latest] = store.latest.values();
    expect(latest).toMatchObject({ complianceType: 'COMPLIANT', lastEventId: 'e-new' });
    expect(store.history.size).toBe(2);
  });

  it('follows a violation through resolve and reopen', async () => {
    // Arrange
    const { store, deps } = setup({ 'cloudwatch-log-group-encrypted': 'High' });
    const steps = [
      { id: 'a', orderingTimestamp: T(1), complianceType: 'NON_COMPLIANT' as const, oldComplianceType: null },
      { id: 'b', orderingTimestamp: T(2), complianceType: 'NON_COMPLIANT' as const },
      { id: 'c', orderingTimestamp: T(3), complianceType: 'COMPLIANT' as const },
      { id: 'd', orderingTimestamp: T(4), complianceType: 'NON_COMPLIANT' as const },
    ];
    // Act
    const results = [];
    for (const step of steps) results.push(await ingestComplianceEvent(configEvent(step), deps));
    // Assert
    expect(results.map((r) => [r.transition, r.alert])).toEqual([
      ['new-violation', 'sent'],
      ['still-failing', 'not-needed'],
      ['resolved', 'not-needed'],
      ['reopened', 'sent'],
    ]);
    const [latest] = store.latest.values();
    expect(latest).toMatchObject({ failingSince: T(4), resolvedAt: T(3), severity: 'High' });
  });

  it('records a compliant first evaluation as first seen, without an alert', async () => {
    // Arrange
    const { chat, deps } = setup();
    // Act
    const result = await ingestComplianceEvent(loadConfigEvent('compliant.first-evaluation'), deps);
    // Assert
    expect(result).toMatchObject({ transition: 'first-seen', severity: 'Medium', alert: 'not-needed' });
    expect(chat.messages).toHaveLength(0);
  });

  it('leaves Medium new violations to the digest', async () => {
    // Arrange
    const { chat, deps } = setup();
    // Act
    const result = await ingestComplianceEvent(configEvent({ id: 'm1' }), deps);
    // Assert
    expect(result).toMatchObject({ transition: 'new-violation', severity: 'Medium', alert: 'not-needed' });
    expect(chat.messages).toHaveLength(0);
  });

  it('gives the alert marker back when the post fails, so a retry alerts', async () => {
    // Arrange
    const { store, chat, deps } = setup();
    const event = loadConfigEvent('non-compliant.first-evaluation.security-hub');
    chat.failNext = true;
    // Act
    await expect(ingestComplianceEvent(event, deps)).rejects.toThrow('slack is down');
    const retry = await ingestComplianceEvent(structuredClone(event), deps);
    // Assert
    expect(retry).toMatchObject({ history: 'duplicate', transition: 'new-violation', alert: 'sent' });
    expect(chat.messages).toHaveLength(1);
    expect(store.markers.size).toBe(1);
  });

  it('reports not-configured when Slack is not set up', async () => {
    // Arrange
    const { deps } = setup();
    const { chat: _unused, ...withoutChat } = deps;
    // Act
    const result = await ingestComplianceEvent(
      loadConfigEvent('non-compliant.first-evaluation.security-hub'),
      withoutChat,
    );
    // Assert
    expect(result.alert).toBe('not-configured');
  });

  it('throws a ValidationError naming the field when the casing is wrong', async () => {
    // Arrange
    const { deps } = setup();
    const event = loadConfigEvent('compliant.first-evaluation') as unknown as { detail: Record<string, unknown> };
    event.detail.configRuleArn = event.detail.configRuleARN;
    delete event.detail.configRuleARN;
    // Act
    const act = ingestComplianceEvent(event, deps);
    // Assert
    await expect(act).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('configRuleARN'),
    });
  });
});
