import type * as events from 'aws-cdk-lib/aws-events';

/** EventBridge `source` of AWS Config events. */
export const CONFIG_EVENT_SOURCE = 'aws.config';
/** EventBridge `detail-type` of a rule evaluation that changed a resource's compliance. */
export const COMPLIANCE_CHANGE_DETAIL_TYPE = 'Config Rules Compliance Change';

/**
 * The one event pattern of the compliance events feature: AWS Config compliance changes. The member forwarding rule,
 * the hub ingest rule and the hub archive all use it, so what is forwarded is exactly what is ingested and archived.
 */
export const COMPLIANCE_CHANGE_PATTERN: events.EventPattern = {
  source: [CONFIG_EVENT_SOURCE],
  detailType: [COMPLIANCE_CHANGE_DETAIL_TYPE],
};
