import type { ComplianceType } from '../../domain/compliance-type.schema';
import type { LatestKey, RecordSource } from '../model';
import type { ComplianceChangeEvent } from './compliance-event.schema';

/** One evaluation of a rule on a resource, from an event or from the reconciliation: what the services work with. */
export interface Observation extends LatestKey {
  eventId: string;
  ruleArn?: string;
  complianceType: ComplianceType;
  /** The evaluation's ordering instant, ISO UTC (`toISOString()`): `orderingTimestamp`, else `resultRecordedTime`. */
  orderingTimestamp: string;
  /** The compliance before this evaluation according to the event (absent on a first evaluation). */
  previousComplianceType?: ComplianceType;
  /** When the previous evaluation was recorded, ISO UTC (start of a failing streak we never saw begin). */
  previousRecordedAt?: string;
  annotation?: string;
  source: RecordSource;
}

/** ISO UTC with milliseconds: the one form stored, so strings compare in time order. */
export const toIsoUtc = (instant: string): string => new Date(instant).toISOString();

/** The observation an event carries. */
export const observationOf = (event: ComplianceChangeEvent): Observation => {
  const { detail } = event;
  const next = detail.newEvaluationResult;
  const old = detail.oldEvaluationResult;
  return {
    eventId: event.id,
    accountId: detail.awsAccountId,
    region: detail.awsRegion,
    ruleName: detail.configRuleName,
    ruleArn: detail.configRuleARN,
    resourceType: detail.resourceType,
    resourceId: detail.resourceId,
    complianceType: next.complianceType,
    orderingTimestamp: toIsoUtc(next.evaluationResultIdentifier.orderingTimestamp ?? next.resultRecordedTime),
    ...(old
      ? { previousComplianceType: old.complianceType, previousRecordedAt: toIsoUtc(old.resultRecordedTime) }
      : {}),
    ...(next.annotation === undefined ? {} : { annotation: next.annotation }),
    source: 'event',
  };
};
