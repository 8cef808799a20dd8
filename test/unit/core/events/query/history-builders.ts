import type { HistoryItem, LatestState } from '../../../../../core/events/model';

const BASE = Date.parse('2026-11-01T00:00:00.000Z');

/** A history record `n` minutes after 2026-11-01T00:00Z (fixed clock), with overridable fields. */
export const historyItem = (n: number, overrides: Partial<HistoryItem> = {}): HistoryItem => ({
  accountId: '111122223333',
  occurredAt: new Date(BASE + n * 60_000).toISOString(),
  eventId: `evt-${String(n).padStart(5, '0')}`,
  region: 'us-east-1',
  ruleName: 's3-bucket-versioning-enabled-conformance-pack-abc123def',
  normalizedRuleName: 's3-bucket-versioning-enabled',
  resourceType: 'AWS::S3::Bucket',
  resourceId: `bucket-${n % 7}`,
  complianceType: n % 3 === 0 ? 'COMPLIANT' : 'NON_COMPLIANT',
  severity: 'Medium',
  transition: 'new-violation',
  source: 'event',
  ingestedAt: new Date(BASE + n * 60_000 + 5_000).toISOString(),
  expiresAt: 1_900_000_000,
  ...overrides,
});

/** A latest state of resource `n` of the account. */
export const latestState = (n: number, overrides: Partial<LatestState> = {}): LatestState => ({
  accountId: '111122223333',
  region: 'us-east-1',
  ruleName: 'encrypted-volumes',
  normalizedRuleName: 'encrypted-volumes',
  resourceType: 'AWS::EC2::Volume',
  resourceId: `vol-${String(n).padStart(5, '0')}`,
  severity: 'High',
  complianceType: 'COMPLIANT',
  orderingTimestamp: new Date(BASE + n * 1000).toISOString(),
  lastEventId: `evt-${n}`,
  lastTransition: 'first-seen',
  firstSeenAt: new Date(BASE).toISOString(),
  source: 'event',
  updatedAt: new Date(BASE + n * 1000).toISOString(),
  ...overrides,
});
