import { ALERT_SEVERITIES, type Severity } from '../../domain/severity';
import type { ChatNotifier } from '../../platform/chat/chat-notifier.port';
import type { Log } from '../../shared/log.port';
import { parseWith } from '../../shared/validation';
import type { Transition } from '../model';
import { alertMessage } from './alert-message';
import { ComplianceChangeEventSchema } from './compliance-event.schema';
import { observationOf } from './observation';
import { type RecordDeps, recordObservation } from './record-observation';

/** What the ingest needs: the store, the clock, severities, the TTL, and (when configured) the chat channel. */
export interface IngestDeps extends RecordDeps {
  log: Log;
  /** The Slack channel, built on first use; absent when Slack is not configured. */
  chat?: () => Promise<ChatNotifier>;
  /** @default 'console.aws.amazon.com' */
  consoleDomain?: string;
  /** Days an alert marker is kept (longer than EventBridge's 24 h of redelivery). @default 7 */
  alertMarkerDays?: number;
  /** Severities alerted at once (EVENTS_ALERT_SEVERITIES). @default - Critical and High */
  alertSeverities?: ReadonlySet<Severity>;
}

/** The ingest's answer for one event. */
export interface IngestResult {
  eventId: string;
  history: 'stored' | 'duplicate';
  latest: 'updated' | 'stale';
  transition: Transition;
  severity: Severity;
  /** `sent` now; `already-sent` for this event id before; `not-needed` (digest only); `not-configured` (no Slack). */
  alert: 'sent' | 'already-sent' | 'not-needed' | 'not-configured';
}

const ALERT_TRANSITIONS: ReadonlySet<Transition> = new Set(['new-violation', 'reopened']);

/**
 * Ingests one EventBridge "Config Rules Compliance Change" event: validates it (ValidationError naming the field),
 * records the history (once per event id) and the latest state (newest wins), and posts an immediate alert for a
 * new or reopened violation of an alerted severity (Critical and High by default), at most once per event id (a marker is taken before posting and given back
 * if the post fails, so the Lambda retry posts again). Everything else waits for the daily digest.
 */
export const ingestComplianceEvent = async (event: unknown, deps: IngestDeps): Promise<IngestResult> => {
  const parsed = parseWith(ComplianceChangeEventSchema, event, 'Config Rules Compliance Change event');
  const outcome = await recordObservation(observationOf(parsed), deps);
  const { item, transition } = outcome;
  const base = {
    eventId: item.eventId,
    history: outcome.history,
    latest: outcome.latest,
    transition,
    severity: item.severity,
  };
  deps.log.info('compliance event recorded', { ...base, accountId: item.accountId, rule: item.ruleName });
  if (!(deps.alertSeverities ?? ALERT_SEVERITIES).has(item.severity) || !ALERT_TRANSITIONS.has(transition)) {
    return { ...base, alert: 'not-needed' };
  }
  if (!deps.chat) {
    deps.log.warn('alert not sent: Slack is not configured (SLACK_SECRET_NAME)', { eventId: item.eventId });
    return { ...base, alert: 'not-configured' };
  }
  const marker = { kind: 'alert' as const, id: item.eventId };
  const now = deps.clock.now();
  const expiresAt = Math.floor(now.getTime() / 1000) + (deps.alertMarkerDays ?? 7) * 86_400;
  if ((await deps.store.claimMarker(marker, now.toISOString(), expiresAt)) === 'already') {
    return { ...base, alert: 'already-sent' };
  }
  try {
    const chat = await deps.chat();
    await chat.post(alertMessage(item, deps.consoleDomain));
  } catch (error) {
    await deps.store.releaseMarker(marker);
    throw error;
  }
  deps.log.info('alert sent', { eventId: item.eventId, severity: item.severity });
  return { ...base, alert: 'sent' };
};
