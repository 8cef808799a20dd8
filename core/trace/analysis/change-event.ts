import type { CloudTrailRecord } from './cloudtrail-record.schema';

/** The CloudTrail event that changed a resource (found through Config `relatedEvents` or LookupEvents). */
export interface ChangeEvent {
  /** The parsed record. */
  record: CloudTrailRecord;
  /** How it was found, for the report's "why this event" line. */
  foundBy?: 'related-event' | 'resource-name';
}
