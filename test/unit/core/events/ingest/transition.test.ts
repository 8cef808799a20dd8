import type { Observation } from '../../../../../core/events/ingest/observation';
import { deriveTransition } from '../../../../../core/events/ingest/transition';
import type { LatestState, Transition } from '../../../../../core/events/model';

const obs = (complianceType: Observation['complianceType'], previousComplianceType?: Observation['complianceType']) =>
  ({
    eventId: 'e',
    accountId: '111111111111',
    region: 'us-east-1',
    ruleName: 'r',
    resourceType: 't',
    resourceId: 'i',
    complianceType,
    orderingTimestamp: '2026-11-02T00:00:00.000Z',
    source: 'event',
    ...(previousComplianceType ? { previousComplianceType } : {}),
  }) as Observation;

const stored = (complianceType: LatestState['complianceType'], resolvedAt?: string) =>
  ({ complianceType, ...(resolvedAt ? { resolvedAt } : {}) }) as LatestState;

describe('deriveTransition', () => {
  it.each<[string, LatestState | undefined, Observation, Transition]>([
    ['first evaluation failing', undefined, obs('NON_COMPLIANT'), 'new-violation'],
    ['first evaluation compliant', undefined, obs('COMPLIANT'), 'first-seen'],
    ['first evaluation not applicable', undefined, obs('NOT_APPLICABLE'), 'first-seen'],
    ['unseen, event says it was compliant', undefined, obs('NON_COMPLIANT', 'COMPLIANT'), 'new-violation'],
    ['unseen, event says it was failing', undefined, obs('NON_COMPLIANT', 'NON_COMPLIANT'), 'still-failing'],
    ['unseen, event says it was failing, now compliant', undefined, obs('COMPLIANT', 'NON_COMPLIANT'), 'resolved'],
    ['compliant → failing, never resolved', stored('COMPLIANT'), obs('NON_COMPLIANT'), 'new-violation'],
    ['failing → failing', stored('NON_COMPLIANT'), obs('NON_COMPLIANT'), 'still-failing'],
    ['failing → compliant', stored('NON_COMPLIANT'), obs('COMPLIANT'), 'resolved'],
    ['failing → not applicable', stored('NON_COMPLIANT'), obs('NOT_APPLICABLE'), 'resolved'],
    ['resolved → failing', stored('COMPLIANT', '2026-11-01T00:00:00.000Z'), obs('NON_COMPLIANT'), 'reopened'],
    ['compliant → compliant', stored('COMPLIANT'), obs('COMPLIANT'), 'unchanged'],
    ['stored state wins over the event', stored('COMPLIANT'), obs('NON_COMPLIANT', 'NON_COMPLIANT'), 'new-violation'],
  ])('derives %s', (_case, previous, observation, expected) => {
    // Act
    const transition = deriveTransition(previous, observation);
    // Assert
    expect(transition).toBe(expected);
  });
});
