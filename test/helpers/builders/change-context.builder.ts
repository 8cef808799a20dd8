import type { ActivitySummary, CallRef } from '../../../core/domain/change-context.model';
import type { ChangeContext, TracedChange } from '../../../core/domain/change-context.schema';

/** A call of the origin in the activity window. */
const aCall = (eventId: string, time: string, eventName: string, overrides: Partial<CallRef> = {}): CallRef => ({
  eventId,
  time,
  eventSource: 'iam.amazonaws.com',
  eventName,
  ...overrides,
});

/** The origin's activity: three services, one write (the change), one failed and one denied call, one High finding. */
export const anActivity = (overrides: Partial<ActivitySummary> = {}): ActivitySummary => {
  const denied = aCall('ev-denied', '2026-11-05T09:40:00Z', 'AttachUserPolicy', { errorCode: 'AccessDenied' });
  return {
    window: { from: '2026-11-04T10:00:00Z', to: '2026-11-06T10:00:00Z' },
    totalCalls: 42,
    servicesPerHour: [
      { hour: '2026-11-05T09:00:00.000Z', eventSource: 'iam.amazonaws.com', count: 12 },
      { hour: '2026-11-05T10:00:00.000Z', eventSource: 'iam.amazonaws.com', count: 8 },
      { hour: '2026-11-05T10:00:00.000Z', eventSource: 's3.amazonaws.com', count: 15 },
      { hour: '2026-11-05T10:00:00.000Z', eventSource: 'sts.amazonaws.com', count: 7 },
    ],
    writeCalls: [aCall('ev-change', '2026-11-05T10:00:00Z', 'PutBucketPolicy', { eventSource: 's3.amazonaws.com' })],
    failedCalls: [aCall('ev-failed', '2026-11-05T09:30:00Z', 'GetRole', { errorCode: 'NoSuchEntity' }), denied],
    deniedCalls: [denied],
    unclassifiedCalls: [],
    findings: [
      {
        id: 'privesc-03-attach-managed-policy',
        pattern: 3,
        title: 'Attach a managed policy to a user',
        severity: 'High',
        events: ['ev-denied'],
        kind: 'single',
        outcome: 'denied',
      },
    ],
    sourceIPs: ['203.0.113.7'],
    userAgents: ['aws-cli/2.15.0'],
    regions: ['us-east-1'],
    skipped: [],
    ...overrides,
  };
};

/**
 * The change of `bucket-a` (`required-tags`, us-east-1, the defaults of `aResource`) by alice through Identity Center,
 * then two roles (OpsRole → AdminRole) with the AWS CLI.
 */
export const aTracedChange = (overrides: Partial<TracedChange> = {}): TracedChange => ({
  region: 'us-east-1',
  ruleName: 'required-tags',
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'bucket-a',
  recordedTime: '2026-11-05T10:05:00Z',
  foundBy: 'related-event',
  event: {
    eventId: 'ev-change',
    eventName: 'PutBucketPolicy',
    eventSource: 's3.amazonaws.com',
    eventTime: '2026-11-05T10:00:00Z',
    sourceIPAddress: '203.0.113.7',
    userAgent: 'aws-cli/2.15.0',
    userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111111111111:assumed-role/AdminRole/alice' },
  },
  actor: { kind: 'assumed-role', display: 'AdminRole/alice', key: 'assumed-role:AdminRole' },
  chain: {
    origin: {
      kind: 'identity-center',
      display: 'alice@example.com (Identity Center, AdminAccess)',
      key: 'identity-center:alice@example.com',
    },
    hops: [
      { roleName: 'OpsRole', via: 'AssumeRole', accountId: '111111111111', crossAccount: false, status: 'resolved' },
      { roleName: 'AdminRole', via: 'AssumeRole', accountId: '111111111111', crossAccount: false, status: 'resolved' },
    ],
    complete: true,
  },
  interface: { kind: 'cli', tool: 'aws-cli/2.15.0', evidence: 'userAgent' },
  activity: anActivity(),
  ...overrides,
});

/** The trace file of account 111111111111 in run `run-1`: the given traced changes, one untraced resource, 2 over the bound. */
export const aChangeContext = (overrides: Partial<ChangeContext> = {}): ChangeContext => ({
  schemaVersion: 1,
  accountId: '111111111111',
  window: { from: '2026-11-02T00:00:00Z', to: '2026-11-09T00:00:00Z' },
  candidates: 4,
  limit: 50,
  traced: [aTracedChange()],
  untraced: [
    {
      region: 'us-east-1',
      ruleName: 'required-tags',
      resourceType: 'AWS::S3::Bucket',
      resourceId: 'bucket-b',
      reason: 'no-matching-event',
      detail: 'Config: no history; LookupEvents ResourceName=bucket-b: 0 events',
    },
  ],
  notTraced: 2,
  errors: [],
  ...overrides,
});
