import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplianceType } from '../../../../core/domain/compliance-type.schema';
import type { ComplianceChangeEvent } from '../../../../core/events/ingest/compliance-event.schema';

/** Fixture names under test/fixtures/config-events. */
export type ConfigEventFixture =
  | 'non-compliant.first-evaluation.security-hub'
  | 'non-compliant.from-compliant.conformance-pack'
  | 'compliant.resolved.no-annotation'
  | 'compliant.first-evaluation';

/** A recorded-shape fixture, parsed fresh each call. */
export const loadConfigEvent = (name: ConfigEventFixture): ComplianceChangeEvent =>
  JSON.parse(
    readFileSync(join(__dirname, '../../../fixtures/config-events', `${name}.json`), 'utf8'),
  ) as ComplianceChangeEvent;

/** Variants of a fixture: another id, evaluation instant, compliance or resource. */
export interface EventVariant {
  id?: string;
  orderingTimestamp?: string;
  complianceType?: ComplianceType;
  /** `null` removes oldEvaluationResult (a first evaluation). */
  oldComplianceType?: ComplianceType | null;
  resourceId?: string;
  ruleName?: string;
  accountId?: string;
  annotation?: string | null;
}

/** A fixture with `variant` applied (the base is the conformance-pack one unless `base` says otherwise). */
export const configEvent = (
  variant: EventVariant = {},
  base: ConfigEventFixture = 'non-compliant.from-compliant.conformance-pack',
): ComplianceChangeEvent => {
  const event = loadConfigEvent(base);
  const d = event.detail;
  const qualifierOf = (r: typeof d.newEvaluationResult) => r.evaluationResultIdentifier.evaluationResultQualifier;
  if (variant.id) event.id = variant.id;
  if (variant.accountId) {
    event.account = variant.accountId;
    d.awsAccountId = variant.accountId;
  }
  if (variant.ruleName) {
    d.configRuleName = variant.ruleName;
    qualifierOf(d.newEvaluationResult).configRuleName = variant.ruleName;
  }
  if (variant.resourceId) {
    d.resourceId = variant.resourceId;
    qualifierOf(d.newEvaluationResult).resourceId = variant.resourceId;
  }
  if (variant.orderingTimestamp) {
    d.newEvaluationResult.evaluationResultIdentifier.orderingTimestamp = variant.orderingTimestamp;
    d.newEvaluationResult.resultRecordedTime = variant.orderingTimestamp;
  }
  if (variant.complianceType) d.newEvaluationResult.complianceType = variant.complianceType;
  if (variant.annotation === null) delete d.newEvaluationResult.annotation;
  else if (variant.annotation !== undefined) d.newEvaluationResult.annotation = variant.annotation;
  if (variant.oldComplianceType === null) delete d.oldEvaluationResult;
  else if (variant.oldComplianceType && d.oldEvaluationResult) {
    d.oldEvaluationResult.complianceType = variant.oldComplianceType;
  }
  return event;
};
