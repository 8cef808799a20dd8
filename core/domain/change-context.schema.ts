import { z } from 'zod';
import type { ActivitySummary, Actor, Interface, RoleChain } from './change-context.model';

const objectLike = (value: unknown): boolean => typeof value === 'object' && value !== null;

/** The change event as the report shows it (the full record stays in CloudTrail; these are the columns). */
export const TraceEventSchema = z.object({
  eventId: z.string(),
  eventName: z.string(),
  eventSource: z.string(),
  /** ISO 8601, as CloudTrail wrote it. */
  eventTime: z.string(),
  awsRegion: z.string().optional(),
  sourceIPAddress: z.string().optional(),
  userAgent: z.string().optional(),
  errorCode: z.string().optional(),
  readOnly: z.boolean().optional(),
  /** The record's `userIdentity`, raw: the actor when no analysis ran. */
  userIdentity: z.record(z.string(), z.unknown()),
});
export type TraceEvent = z.infer<typeof TraceEventSchema>;

/** How the change event was found: Config `relatedEvents` → LookupEvents by EventId, or LookupEvents by ResourceName. */
export const FoundBySchema = z.enum(['related-event', 'resource-name']);

/** A non-compliant resource whose change event was found. */
export const TracedChangeSchema = z.object({
  region: z.string(),
  ruleName: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  /** ISO 8601 `ResultRecordedTime` of the evaluation. */
  recordedTime: z.string(),
  severity: z.string().optional(),
  foundBy: FoundBySchema,
  /** The configuration item whose `relatedEvents` named the event (ISO 8601 capture time). */
  configurationItemCaptureTime: z.string().optional(),
  event: TraceEventSchema,
  /** From `core/trace` (absent when the analysis did not run or failed: see `analysisError`). */
  actor: z.custom<Actor>(objectLike).optional(),
  chain: z.custom<RoleChain>(objectLike).optional(),
  interface: z.custom<Interface>(objectLike).optional(),
  activity: z.custom<ActivitySummary>(objectLike).optional(),
  analysisError: z.string().optional(),
});
export type TracedChange = z.infer<typeof TracedChangeSchema>;

/**
 * Why a resource could not be traced: `resource-not-discovered` (Config has no history) and `no-related-events`
 * (the items name no CloudTrail event) only explain why the fallback ran; `event-not-found` (LookupEvents has no such
 * id and the fallback found nothing), `no-matching-event` (no write event on the resource name in the window),
 * `record-malformed` (the `CloudTrailEvent` was unusable), `lookup-failed` (CloudTrail or Config failed: throttling,
 * access denied), `no-recorded-time` (the evaluation carries no time to search around).
 */
export const UntracedReasonSchema = z.enum([
  'event-not-found',
  'no-matching-event',
  'record-malformed',
  'lookup-failed',
  'no-recorded-time',
]);
export type UntracedReason = z.infer<typeof UntracedReasonSchema>;

/** A resource that was tried but not traced, and why. */
export const UntracedChangeSchema = z.object({
  region: z.string(),
  ruleName: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  recordedTime: z.string().optional(),
  reason: UntracedReasonSchema,
  /** What was tried, in words (e.g. "Config: no history; LookupEvents ResourceName=x: 0 events"). */
  detail: z.string(),
});
export type UntracedChange = z.infer<typeof UntracedChangeSchema>;

/**
 * The **Trace changes** section of an account: each non-compliant resource whose evaluation changed within the run's
 * date range is traced, untraced with a reason, or counted in `notTraced` (over the per-account bound). `errors` holds
 * failures of the whole account or region (tracing never fails the scan).
 */
export const ChangeContextSchema = z.object({
  schemaVersion: z.literal(1),
  accountId: z.string(),
  /** The evaluation window (the run's date range), ISO 8601 UTC, end exclusive. */
  window: z.object({ from: z.string(), to: z.string() }),
  /** Non-compliant resources whose evaluation changed within the window. */
  candidates: z.number().int().nonnegative(),
  /** The per-account bound that applied. */
  limit: z.number().int().nonnegative(),
  traced: z.array(TracedChangeSchema),
  untraced: z.array(UntracedChangeSchema),
  /** Candidates left out by the bound (least severe, then oldest). */
  notTraced: z.number().int().nonnegative(),
  errors: z.array(z.object({ region: z.string().optional(), code: z.string(), message: z.string() })),
});
export type ChangeContext = z.infer<typeof ChangeContextSchema>;
