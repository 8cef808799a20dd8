import type { LatestState, Transition } from '../model';
import type { RuleSeverity } from '../severity-resolver';
import type { Observation } from './observation';

const failing = (type: string | undefined): boolean => type === 'NON_COMPLIANT';

/**
 * What `obs` means given the stored latest state (`previous`, absent when the hub never saw the pair). Without a stored
 * state the event's own `oldEvaluationResult` stands in (the hub may start after Config did). Call it only for an
 * observation newer than `previous`; older ones are `superseded`.
 */
export const deriveTransition = (previous: LatestState | undefined, obs: Observation): Transition => {
  const wasFailing = previous ? failing(previous.complianceType) : failing(obs.previousComplianceType);
  const seenBefore = previous !== undefined || obs.previousComplianceType !== undefined;
  if (failing(obs.complianceType)) {
    if (wasFailing) return 'still-failing';
    return previous?.resolvedAt ? 'reopened' : 'new-violation';
  }
  if (wasFailing) return 'resolved';
  return seenBefore ? 'unchanged' : 'first-seen';
};

/** The latest state after `obs` (newer than `previous`) with `transition`, carrying the streak dates forward. */
export const nextLatestState = (
  previous: LatestState | undefined,
  obs: Observation,
  transition: Transition,
  rule: RuleSeverity,
  now: string,
): LatestState => {
  const isFailing = failing(obs.complianceType);
  const failingSince = !isFailing
    ? undefined
    : transition === 'still-failing'
      ? (previous?.failingSince ?? obs.previousRecordedAt ?? obs.orderingTimestamp)
      : obs.orderingTimestamp;
  const resolvedAt = transition === 'resolved' ? obs.orderingTimestamp : previous?.resolvedAt;
  return {
    accountId: obs.accountId,
    region: obs.region,
    ruleName: obs.ruleName,
    normalizedRuleName: rule.normalizedRuleName,
    severity: rule.severity,
    resourceType: obs.resourceType,
    resourceId: obs.resourceId,
    complianceType: obs.complianceType,
    orderingTimestamp: obs.orderingTimestamp,
    ...(obs.annotation === undefined ? {} : { annotation: obs.annotation }),
    lastEventId: obs.eventId,
    lastTransition: transition,
    firstSeenAt: previous?.firstSeenAt ?? now,
    ...(failingSince ? { failingSince } : {}),
    ...(resolvedAt ? { resolvedAt } : {}),
    source: obs.source,
    updatedAt: now,
  };
};
