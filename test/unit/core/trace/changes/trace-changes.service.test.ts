import { ChangeContextSchema } from '../../../../../core/domain/change-context.schema';
import type { NonCompliantResource } from '../../../../../core/domain/partial.schema';
import { NotFoundError, ThrottledError } from '../../../../../core/shared/errors';
import type { CloudTrailRecord } from '../../../../../core/trace/analysis/cloudtrail-record.schema';
import { analyzeWithCoreTrace } from '../../../../../core/trace/changes/analyze-change';
import { traceChanges } from '../../../../../core/trace/changes/trace-changes.service';
import type { CloudTrailLookup, LookedUpEvent, LookupQuery } from '../../../../../core/trace/cloudtrail-lookup.port';
import type {
  ConfigHistory,
  ConfigHistoryQuery,
  ConfigurationItemInfo,
} from '../../../../../core/trace/config-history.port';

const ACCOUNT = '111111111111';
const WEEK = { startDate: '2026-11-16', endDate: '2026-11-22' };

/** Looks up over a record list like LookupEvents: newest first, EventId / ResourceName / EventSource. */
class InMemoryCloudTrailLookup implements CloudTrailLookup {
  readonly queries: LookupQuery[] = [];
  constructor(private readonly records: CloudTrailRecord[]) {}
  async eventById(eventId: string): Promise<LookedUpEvent | undefined> {
    const record = this.records.find((r) => r.eventID === eventId);
    return record && { eventId, record };
  }
  async lookup(query: LookupQuery) {
    this.queries.push(query);
    const { key, value } = query.attribute;
    const matches: Record<string, (r: CloudTrailRecord) => boolean> = {
      ResourceName: (r) => (r.resources ?? []).some((res) => res.ARN?.endsWith(value)),
      EventSource: (r) => r.eventSource === value,
      AccessKeyId: (r) => r.userIdentity.accessKeyId === value,
      Username: (r) => r.userIdentity.userName === value,
    };
    const hits = this.records.filter((r) => matches[key]?.(r) ?? false);
    return { events: hits.map((record) => ({ eventId: record.eventID, record })), truncated: false };
  }
}

class InMemoryConfigHistory implements ConfigHistory {
  constructor(private readonly items: ConfigurationItemInfo[]) {}
  async itemsBetween(query: ConfigHistoryQuery): Promise<ConfigurationItemInfo[]> {
    const items = this.items.filter((i) => i.resourceId === query.resourceId);
    if (items.length === 0) throw new NotFoundError(`${query.resourceId} not discovered`);
    return items;
  }
}

const aRecord = (eventID: string, bucket: string, overrides: Partial<CloudTrailRecord> = {}): CloudTrailRecord => ({
  eventVersion: '1.09',
  userIdentity: {
    type: 'IAMUser',
    principalId: 'AIDAEXAMPLE',
    arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    accountId: ACCOUNT,
    accessKeyId: 'AKIAEXAMPLE',
    userName: 'alice',
  },
  eventTime: '2026-11-18T10:00:00Z',
  eventSource: 's3.amazonaws.com',
  eventName: 'DeleteBucketEncryption',
  awsRegion: 'us-east-1',
  readOnly: false,
  eventID,
  resources: [{ ARN: `arn:aws:s3:::${bucket}`, accountId: ACCOUNT, type: 'AWS::S3::Bucket' }],
  ...overrides,
});

const aResource = (resourceId: string, overrides: Partial<NonCompliantResource> = {}): NonCompliantResource => ({
  ruleName: 's3-bucket-server-side-encryption-enabled',
  resourceType: 'AWS::S3::Bucket',
  resourceId,
  complianceType: 'NON_COMPLIANT',
  recordedTime: '2026-11-18T10:05:00Z',
  ...overrides,
});

const anItem = (resourceId: string, relatedEvents: string[]): ConfigurationItemInfo => ({
  resourceType: 'AWS::S3::Bucket',
  resourceId,
  resourceName: resourceId,
  captureTime: new Date('2026-11-18T10:01:00Z'),
  relatedEvents,
});

const depsOver = (records: CloudTrailRecord[], items: ConfigurationItemInfo[]) => {
  const lookup = new InMemoryCloudTrailLookup(records);
  return { lookup, deps: { cloudTrail: () => lookup, configHistory: () => new InMemoryConfigHistory(items) } };
};

describe('traceChanges', () => {
  it('traces a change through the configuration item relatedEvents', async () => {
    // Arrange
    const { deps } = depsOver([aRecord('ev-1', 'logs')], [anItem('logs', ['ev-1'])]);
    const regions = [{ region: 'us-east-1', nonCompliant: [aResource('logs')] }];

    // Act
    const context = await traceChanges({ accountId: ACCOUNT, dateRange: WEEK, regions }, deps);

    // Assert
    expect(ChangeContextSchema.parse(context)).toEqual(context);
    expect(context.traced).toHaveLength(1);
    expect(context.traced[0]).toMatchObject({
      resourceId: 'logs',
      foundBy: 'related-event',
      event: { eventId: 'ev-1', eventName: 'DeleteBucketEncryption', userIdentity: { userName: 'alice' } },
      actor: { kind: 'iam-user', display: 'alice' },
      configurationItemCaptureTime: '2026-11-18T10:01:00.000Z',
    });
  });

  it('falls back to LookupEvents by resource name and keeps the newest successful write', async () => {
    // Arrange
    const records = [
      aRecord('read', 'uploads', { readOnly: true, eventTime: '2026-11-18T10:03:00Z' }),
      aRecord('denied', 'uploads', { errorCode: 'AccessDenied', eventTime: '2026-11-18T10:02:00Z' }),
      aRecord('write', 'uploads', { eventTime: '2026-11-18T09:00:00Z' }),
    ];
    const { deps, lookup } = depsOver(records, []);

    // Act
    const context = await traceChanges(
      { accountId: ACCOUNT, dateRange: WEEK, regions: [{ region: 'us-east-1', nonCompliant: [aResource('uploads')] }] },
      deps,
    );

    // Assert
    expect(context.traced.map((t) => [t.foundBy, t.event.eventId])).toEqual([['resource-name', 'write']]);
    expect(lookup.queries[0]).toMatchObject({
      attribute: { key: 'ResourceName', value: 'uploads' },
      startTime: new Date('2026-11-17T10:05:00Z'),
      endTime: new Date('2026-11-18T10:20:00Z'),
    });
  });

  it('finds the AssumeRole that issued the key in us-east-1 when the change happened in another region', async () => {
    // Arrange: the change in eu-west-1 by a role session; its AssumeRole went through the global STS endpoint
    const session = {
      type: 'AssumedRole',
      principalId: 'AROAEXAMPLE:deploy',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/DeployRole/deploy`,
      accountId: ACCOUNT,
      accessKeyId: 'ASIASESSION',
      sessionContext: {
        sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${ACCOUNT}:role/DeployRole`, userName: 'DeployRole' },
      },
    };
    const change = aRecord('ev-eu', 'eu-logs', { awsRegion: 'eu-west-1', userIdentity: session });
    const assumeRole = aRecord('ev-sts', 'none', {
      eventSource: 'sts.amazonaws.com',
      eventName: 'AssumeRole',
      eventTime: '2026-11-18T09:30:00Z',
      readOnly: true,
      resources: [],
      responseElements: { credentials: { accessKeyId: 'ASIASESSION' } },
    });
    const regional = new InMemoryCloudTrailLookup([change]);
    const global = new InMemoryCloudTrailLookup([assumeRole]);
    const deps = {
      cloudTrail: (region: string) => (region === 'us-east-1' ? global : regional),
      configHistory: () => new InMemoryConfigHistory([anItem('eu-logs', ['ev-eu'])]),
      analyze: analyzeWithCoreTrace(),
    };

    // Act
    const context = await traceChanges(
      { accountId: ACCOUNT, dateRange: WEEK, regions: [{ region: 'eu-west-1', nonCompliant: [aResource('eu-logs')] }] },
      deps,
    );

    // Assert
    expect(context.traced[0]?.chain?.origin).toMatchObject({ kind: 'iam-user', display: 'alice' });
    expect(global.queries.some((q) => q.attribute.value === 'sts.amazonaws.com')).toBe(true);
  });

  it('records a resource whose event cannot be found, with the reason', async () => {
    // Arrange
    const { deps } = depsOver([], [anItem('gone', ['ev-missing'])]);

    // Act
    const context = await traceChanges(
      { accountId: ACCOUNT, dateRange: WEEK, regions: [{ region: 'us-east-1', nonCompliant: [aResource('gone')] }] },
      deps,
    );

    // Assert
    expect(context.traced).toEqual([]);
    expect(context.untraced).toEqual([
      expect.objectContaining({
        resourceId: 'gone',
        reason: 'event-not-found',
        detail: expect.stringContaining('ev-missing'),
      }),
    ]);
  });

  it('traces at most the limit, most severe first, and counts the rest as not traced', async () => {
    // Arrange
    const { deps } = depsOver([], []);
    const nonCompliant = [
      aResource('low-old', { ruleName: 'unknown-rule', recordedTime: '2026-11-16T01:00:00Z' }),
      aResource('low-new', { ruleName: 'unknown-rule', recordedTime: '2026-11-21T01:00:00Z' }),
      aResource('critical', { ruleName: 'root-account-mfa-enabled-conformance-pack-abc123' }),
      aResource('last-week', { recordedTime: '2026-11-15T23:59:59Z' }),
    ];

    // Act
    const context = await traceChanges(
      { accountId: ACCOUNT, dateRange: WEEK, regions: [{ region: 'us-east-1', nonCompliant }], limit: 2 },
      deps,
    );

    // Assert
    expect(context.candidates).toBe(3);
    expect(context.notTraced).toBe(1);
    expect(context.untraced.map((u) => u.resourceId)).toEqual(['critical', 'low-new']);
  });

  it('records a failing region instead of throwing', async () => {
    // Arrange
    const deps = {
      cloudTrail: () => {
        throw new ThrottledError('cloudtrail LookupEvents throttled', { service: 'cloudtrail' });
      },
      configHistory: () => new InMemoryConfigHistory([]),
    };

    // Act
    const context = await traceChanges(
      { accountId: ACCOUNT, dateRange: WEEK, regions: [{ region: 'eu-west-1', nonCompliant: [aResource('a')] }] },
      deps,
    );

    // Assert
    expect(context.errors).toEqual([
      { region: 'eu-west-1', code: 'ThrottledError', message: 'cloudtrail LookupEvents throttled' },
    ]);
    expect(context.untraced).toEqual([expect.objectContaining({ resourceId: 'a', reason: 'lookup-failed' })]);
  });

  it('records lookups that fail per resource as lookup-failed', async () => {
    // Arrange
    const failing: CloudTrailLookup = {
      eventById: () => Promise.reject(new ThrottledError('throttled', { service: 'cloudtrail' })),
      lookup: () => Promise.reject(new ThrottledError('throttled', { service: 'cloudtrail' })),
    };
    const deps = { cloudTrail: () => failing, configHistory: () => new InMemoryConfigHistory([anItem('a', ['e'])]) };

    // Act
    const context = await traceChanges(
      { accountId: ACCOUNT, dateRange: WEEK, regions: [{ region: 'us-east-1', nonCompliant: [aResource('a')] }] },
      deps,
    );

    // Assert
    expect(context.untraced).toEqual([expect.objectContaining({ reason: 'lookup-failed' })]);
    expect(context.errors).toEqual([]);
  });

  it('keeps the change when the analysis fails, with the error', async () => {
    // Arrange
    const { deps } = depsOver([aRecord('ev-1', 'logs')], [anItem('logs', ['ev-1'])]);
    const analyze = () => Promise.reject(new Error('walk exploded'));

    // Act
    const context = await traceChanges(
      { accountId: ACCOUNT, dateRange: WEEK, regions: [{ region: 'us-east-1', nonCompliant: [aResource('logs')] }] },
      { ...deps, analyze },
    );

    // Assert
    expect(context.traced[0]).toMatchObject({ event: { eventId: 'ev-1' }, analysisError: 'Error: walk exploded' });
  });
  it('resolves a two-hop role chain to the IAM user and summarizes what the origin did', async () => {
    // Arrange
    const alice = aRecord('x', 'x').userIdentity;
    const session = (role: string, key: string) => ({
      type: 'AssumedRole',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/s-${role}`,
      accountId: ACCOUNT,
      accessKeyId: key,
      sessionContext: {
        sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${ACCOUNT}:role/${role}`, userName: role },
        attributes: { creationDate: role === 'Deploy' ? '2026-11-18T09:00:00Z' : '2026-11-18T09:02:00Z' },
      },
    });
    const assume = (id: string, caller: CloudTrailRecord['userIdentity'], role: string, key: string, time: string) =>
      aRecord(id, 'none', {
        eventSource: 'sts.amazonaws.com',
        eventName: 'AssumeRole',
        readOnly: true,
        eventTime: time,
        userIdentity: caller,
        requestParameters: { roleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`, roleSessionName: `s-${role}` },
        responseElements: { credentials: { accessKeyId: key } },
        resources: [],
      });
    const records = [
      assume('hop-1', alice, 'Deploy', 'ASIAHOP1', '2026-11-18T09:00:00Z'),
      assume('hop-2', session('Deploy', 'ASIAHOP1'), 'Ops', 'ASIAHOP2', '2026-11-18T09:02:00Z'),
      aRecord('change', 'logs', { userIdentity: session('Ops', 'ASIAHOP2'), eventTime: '2026-11-18T09:10:00Z' }),
    ];
    const { deps } = depsOver(records, [anItem('logs', ['change'])]);

    // Act
    const context = await traceChanges(
      { accountId: ACCOUNT, dateRange: WEEK, regions: [{ region: 'us-east-1', nonCompliant: [aResource('logs')] }] },
      { ...deps, analyze: analyzeWithCoreTrace() },
    );

    // Assert
    const [traced] = context.traced;
    expect(traced?.analysisError).toBeUndefined();
    expect(traced?.actor).toMatchObject({ kind: 'iam-user', display: 'alice' });
    expect(traced?.chain?.hops.map((hop) => [hop.roleName, hop.status])).toEqual([
      ['Deploy', 'resolved'],
      ['Ops', 'resolved'],
    ]);
    expect(traced?.chain?.complete).toBe(true);
    expect(traced?.activity?.writeCalls.map((call) => call.eventId)).toEqual(['change']);
  });
});
