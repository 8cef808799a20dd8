import type { MemberCredentials } from '../platform/aws/member-access.port';
import type { CloudTrailRecord } from './analysis/cloudtrail-record.schema';

/** LookupEvents' lookup attribute keys; the API takes exactly one attribute per call. */
export type LookupAttributeKey =
  | 'EventId'
  | 'EventName'
  | 'ReadOnly'
  | 'Username'
  | 'ResourceType'
  | 'ResourceName'
  | 'EventSource'
  | 'AccessKeyId';

/** One LookupEvents query: one attribute and an optional time window. */
export interface LookupQuery {
  attribute: { key: LookupAttributeKey; value: string };
  /** @default - no lower bound (CloudTrail keeps 90 days) */
  startTime?: Date;
  /** @default - no upper bound */
  endTime?: Date;
  /**
   * Most events to return, newest first; paging stops once reached.
   * @default 50 (one page)
   */
  maxEvents?: number;
}

/** One event as LookupEvents returned it: the parsed record, or why its `CloudTrailEvent` could not be used. */
export interface LookedUpEvent {
  eventId: string;
  record?: CloudTrailRecord;
  /** Set when `record` is absent: the record was not JSON or not in the CloudTrail shape. */
  malformedReason?: string;
}

/** The events of one query, newest first; `truncated` when `maxEvents` cut the answer short. */
export interface LookupResult {
  events: LookedUpEvent[];
  truncated: boolean;
}

/**
 * CloudTrail management events of one account and region (LookupEvents). Implementations hide paging, pace the calls
 * (AWS allows 2 per second per account and region), cache by event id and access key, and throw our error family
 * (ThrottledError when throttling outlives the retries, ExternalServiceError otherwise).
 */
export interface CloudTrailLookup {
  /** The event with this id, or `undefined` when CloudTrail does not have it (older than 90 days, data event, …). */
  eventById(eventId: string): Promise<LookedUpEvent | undefined>;
  /** Events matching one lookup attribute in the window. */
  lookup(query: LookupQuery): Promise<LookupResult>;
}

/** The account and region a CloudTrail lookup reads, with the member credentials. */
export interface CloudTrailTarget {
  accountId: string;
  region: string;
  credentials: MemberCredentials;
}

/** Builds the lookup for one account and region (memoised per account and region by the adapter). */
export type CloudTrailLookupFactory = (target: CloudTrailTarget) => CloudTrailLookup;
