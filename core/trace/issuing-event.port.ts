import type { CloudTrailRecord } from './analysis/cloudtrail-record.schema';

/**
 * Finds the STS event that ISSUED a temporary access key: the AssumeRole, AssumeRoleWithSAML,
 * AssumeRoleWithWebIdentity or GetFederationToken record whose `responseElements.credentials.accessKeyId` equals
 * `accessKeyId`, at or before `beforeTime`. Implemented with LookupEvents by the Trace changes service; tests use an
 * in-memory fake over a record list (see `selectIssuingEvent`, which adapters may reuse to pick among candidates).
 *
 * Return `undefined` when none is found. A rejection is caught by the walk and shown as an unresolved hop.
 */
export interface IssuingEventLookup {
  findIssuingEvent(accessKeyId: string, beforeTime: Date): Promise<CloudTrailRecord | undefined>;
}
