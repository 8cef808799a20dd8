import type { ComplianceType } from '../domain/compliance-type.schema';
import type { Severity } from '../domain/severity';

/**
 * What an event means for its rule–resource pair, derived from the stored latest state:
 * - `first-seen`: first evaluation, not failing (COMPLIANT / NOT_APPLICABLE);
 * - `new-violation`: failing, and never failing before (or first evaluation failing);
 * - `still-failing`: failing, and was failing;
 * - `resolved`: was failing, no longer is;
 * - `reopened`: failing again after a `resolved`;
 * - `unchanged`: not failing, and was not failing;
 * - `superseded`: older than the stored latest state (out of order): kept in history only.
 */
export type Transition =
  | 'first-seen'
  | 'new-violation'
  | 'still-failing'
  | 'resolved'
  | 'reopened'
  | 'unchanged'
  | 'superseded';

/** Where a record came from: a Config event, or the nightly reconciliation with the weekly scan. */
export type RecordSource = 'event' | 'reconciled';

/** Identifies the latest state of one rule on one resource. */
export interface LatestKey {
  accountId: string;
  region: string;
  /** The rule's name in the member account (raw, with conformance-pack / Security Hub affixes). */
  ruleName: string;
  resourceType: string;
  resourceId: string;
}

/** Identifies one history record (the event id is the idempotency key; the time orders the account's history). */
export interface HistoryKey {
  accountId: string;
  /** ISO 8601 UTC (`toISOString()`), the record's ordering time. */
  occurredAt: string;
  eventId: string;
}

/** One stored history record: an ingested event or a reconciliation finding. Immutable once written. */
export interface HistoryItem extends HistoryKey {
  region: string;
  ruleName: string;
  /** {@link normalizeRuleName} of `ruleName`: the rule across accounts. */
  normalizedRuleName: string;
  ruleArn?: string;
  resourceType: string;
  resourceId: string;
  complianceType: ComplianceType;
  /** The event's `oldEvaluationResult.complianceType`; absent on a first evaluation. */
  previousComplianceType?: ComplianceType;
  annotation?: string;
  severity: Severity;
  transition: Transition;
  source: RecordSource;
  /** When the hub stored it (ISO UTC). */
  ingestedAt: string;
  /** TTL, epoch seconds (DynamoDB deletes the item some time after). */
  expiresAt?: number;
}

/** The newest known evaluation of one rule on one resource. */
export interface LatestState extends LatestKey {
  normalizedRuleName: string;
  severity: Severity;
  complianceType: ComplianceType;
  /** ISO UTC; the state is replaced only by a strictly newer one. */
  orderingTimestamp: string;
  annotation?: string;
  /** Id of the event (or reconciliation record) that set this state. */
  lastEventId: string;
  /** The transition that event produced (lets a redelivery recover it after a partial failure). */
  lastTransition: Transition;
  /** First time the hub saw the pair (ISO UTC). */
  firstSeenAt: string;
  /** Start of the current failing streak (ISO UTC); absent when not failing. */
  failingSince?: string;
  /** Last time a failing streak ended (ISO UTC); a later failure is `reopened`. */
  resolvedAt?: string;
  source: RecordSource;
  updatedAt: string;
}

/** Filters of {@link ComplianceEventStore.queryHistory}. One key (account, rule or resource) is required. */
export interface HistoryFilter {
  accountId?: string;
  /** Normalised rule name (the rule across accounts). */
  normalizedRuleName?: string;
  region?: string;
  resourceType?: string;
  resourceId?: string;
  complianceType?: ComplianceType;
  /** Inclusive lower bound, ISO UTC. */
  from?: string;
  /** Exclusive upper bound, ISO UTC. */
  to?: string;
  /** @default 'newest-first' */
  order?: 'newest-first' | 'oldest-first';
}

/** An opaque DynamoDB key to resume from (callers encode it; never interpret it). */
export type PageKey = Record<string, string | number>;

/** A page request. */
export interface PageRequest {
  /** Items wanted (the adapter fills the page across DynamoDB pages when filters drop items). */
  limit: number;
  exclusiveStartKey?: PageKey;
}

/** A page of results; `lastEvaluatedKey` present when more may follow. */
export interface Page<T> {
  items: T[];
  lastEvaluatedKey?: PageKey;
}

/** A per-account daily score snapshot (digest trend). */
export interface ScoreSnapshot {
  accountId: string;
  /** Local date `yyyy-mm-dd` in the digest's time zone. */
  day: string;
  compliant: number;
  nonCompliant: number;
  /** compliant ÷ (compliant + non-compliant), 0–1; `null` when nothing to score ("n/a"). */
  score: number | null;
}

/** One-shot markers: an immediate alert per event id, a digest per time zone and day. */
export interface MarkerKey {
  kind: 'alert' | 'digest';
  id: string;
}
