import { z } from 'zod';
import { ComplianceTypeSchema } from '../../domain/compliance-type.schema';

/**
 * The EventBridge "Config Rules Compliance Change" event, with the casing AWS really sends (real events quoted in
 * public repositories, and
 * https://docs.aws.amazon.com/config/latest/developerguide/example-config-rule-compliance-notification.html):
 * `configRuleARN` (not `configRuleArn`), `oldEvaluationResult` absent on a resource's first evaluation, `annotation`
 * only when the rule sets one. Unknown keys pass through untouched (AWS adds fields); only the fields the ingest reads
 * are required.
 */
/** ISO 8601 instant with an offset or `Z` (Config sends millisecond UTC, e.g. `2021-03-11T10:15:32.789Z`). */
const IsoInstantSchema = z.iso.datetime({ offset: true });

/** `newEvaluationResult` / `oldEvaluationResult` of the detail. */
export const EvaluationResultSchema = z.object({
  evaluationResultIdentifier: z.object({
    evaluationResultQualifier: z.object({
      configRuleName: z.string().min(1),
      resourceType: z.string().min(1),
      resourceId: z.string().min(1),
      /** `DETECTIVE` or `PROACTIVE` on newer events. */
      evaluationMode: z.string().optional(),
    }),
    /** The instant Config orders evaluations by; the latest state keeps the newest. */
    orderingTimestamp: IsoInstantSchema.optional(),
  }),
  complianceType: ComplianceTypeSchema,
  resultRecordedTime: IsoInstantSchema,
  configRuleInvokedTime: IsoInstantSchema.optional(),
  annotation: z.string().optional(),
});
/** One evaluation result as the event carries it. */
export type EvaluationResult = z.infer<typeof EvaluationResultSchema>;

/** `detail` of a compliance change event. */
export const ComplianceChangeDetailSchema = z.object({
  resourceId: z.string().min(1),
  resourceType: z.string().min(1),
  awsRegion: z.string().min(1),
  awsAccountId: z.string().regex(/^\d{12}$/, 'a 12-digit account id'),
  configRuleName: z.string().min(1),
  configRuleARN: z.string().min(1),
  messageType: z.literal('ComplianceChangeNotification'),
  recordVersion: z.string().optional(),
  notificationCreationTime: IsoInstantSchema.optional(),
  newEvaluationResult: EvaluationResultSchema,
  /** Absent on the first evaluation of the resource by the rule. */
  oldEvaluationResult: EvaluationResultSchema.optional(),
});
/** The detail of a compliance change event. */
export type ComplianceChangeDetail = z.infer<typeof ComplianceChangeDetailSchema>;

/** The whole EventBridge event (envelope + detail), as the ingest Lambda receives it. */
export const ComplianceChangeEventSchema = z.object({
  version: z.string().optional(),
  /** EventBridge event id (uuid): the idempotency key of the history item. */
  id: z.string().min(1),
  'detail-type': z.literal('Config Rules Compliance Change'),
  source: z.literal('aws.config'),
  account: z.string().regex(/^\d{12}$/, 'a 12-digit account id'),
  time: IsoInstantSchema,
  region: z.string().min(1),
  resources: z.array(z.string()).optional(),
  /** Set by EventBridge on events replayed from an archive. */
  'replay-name': z.string().optional(),
  detail: ComplianceChangeDetailSchema,
});
/** A parsed compliance change event. */
export type ComplianceChangeEvent = z.infer<typeof ComplianceChangeEventSchema>;
