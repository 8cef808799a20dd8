import type { Clock } from '../../platform/clock.port';
import { AppError } from '../../shared/errors';
import type { ComplianceEventStore } from '../event-store.port';
import type { HistoryItem, LatestState, Transition } from '../model';
import type { SeverityResolver } from '../severity-resolver';
import type { Observation } from './observation';
import { deriveTransition, nextLatestState } from './transition';

/** What recording one observation needs. */
export interface RecordDeps {
  store: ComplianceEventStore;
  clock: Clock;
  severity: SeverityResolver;
  /** Days a history record is kept (TTL). */
  historyTtlDays: number;
}

/** What happened to one observation. */
export interface RecordOutcome {
  history: 'stored' | 'duplicate';
  /** `updated`: it is now the latest state; `stale`: a newer (or the same) evaluation was already stored. */
  latest: 'updated' | 'stale';
  transition: Transition;
  item: HistoryItem;
}

/** Attempts when concurrent writers keep moving the latest state under us. */
const MAX_LATEST_ATTEMPTS = 5;

/**
 * Moves the latest state forward if `obs` is newer (optimistic: re-read and decide again when another writer got there
 * first), then writes the history record. Both writes are idempotent, so a retried invocation repairs a half-done one:
 * a redelivered event finds itself as the latest state and recovers the transition it produced the first time.
 */
export const recordObservation = async (obs: Observation, deps: RecordDeps): Promise<RecordOutcome> => {
  const { store, clock } = deps;
  const rule = deps.severity(obs.ruleName);
  const now = clock.now();
  const nowIso = now.toISOString();
  let transition: Transition | undefined;
  let latest: RecordOutcome['latest'] = 'stale';
  for (let attempt = 0; attempt < MAX_LATEST_ATTEMPTS && transition === undefined; attempt += 1) {
    const previous: LatestState | undefined = await store.getLatest(obs);
    if (previous?.lastEventId === obs.eventId) {
      transition = previous.lastTransition;
    } else if (previous && previous.orderingTimestamp >= obs.orderingTimestamp) {
      transition = 'superseded';
    } else {
      const candidate = deriveTransition(previous, obs);
      const next = nextLatestState(previous, obs, candidate, rule, nowIso);
      if ((await store.putLatestIfNewer(next, previous?.orderingTimestamp)) === 'updated') {
        transition = candidate;
        latest = 'updated';
        if (!previous) await store.registerAccount(obs.accountId, nowIso);
      }
    }
  }
  if (transition === undefined) {
    throw new AppError(
      `latest state of ${obs.ruleName} on ${obs.resourceId} kept changing during ${MAX_LATEST_ATTEMPTS} attempts; retry the event`,
    );
  }
  const item: HistoryItem = {
    accountId: obs.accountId,
    occurredAt: obs.source === 'event' ? obs.orderingTimestamp : nowIso,
    eventId: obs.eventId,
    region: obs.region,
    ruleName: obs.ruleName,
    normalizedRuleName: rule.normalizedRuleName,
    ...(obs.ruleArn ? { ruleArn: obs.ruleArn } : {}),
    resourceType: obs.resourceType,
    resourceId: obs.resourceId,
    complianceType: obs.complianceType,
    ...(obs.previousComplianceType ? { previousComplianceType: obs.previousComplianceType } : {}),
    ...(obs.annotation === undefined ? {} : { annotation: obs.annotation }),
    severity: rule.severity,
    transition,
    source: obs.source,
    ingestedAt: nowIso,
    expiresAt: Math.floor(now.getTime() / 1000) + deps.historyTtlDays * 86_400,
  };
  const history = await store.putHistory(item);
  return { history, latest, transition, item };
};
