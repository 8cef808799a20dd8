import {
  CloudTrailClient,
  LookupEventsCommand,
  type LookupEventsCommandInput,
  type LookupEventsCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient, GetResourceConfigHistoryCommand } from '@aws-sdk/client-config-service';
import { loadScenario } from '../../../sandbox';
import type { CloudTrailRecord, ConfigurationItem } from '../../../sandbox/scenario.schema';
import type { RunningServer } from '../../../sandbox/servers/aws-server';
import { startMemberSessionServer } from '../../helpers/member-session-server';
import { fixture } from './sandbox-clients';

const ACCOUNT = '222222222222';

const aRecord = (n: number, overrides: Record<string, unknown> = {}): CloudTrailRecord => ({
  eventVersion: '1.09',
  userIdentity: {
    type: 'IAMUser',
    principalId: 'AIDAEXAMPLE',
    arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    accountId: ACCOUNT,
    accessKeyId: 'AKIAALICE',
    userName: 'alice',
  },
  eventTime: new Date(Date.parse('2026-11-18T00:00:00Z') + n * 60_000).toISOString(),
  eventSource: 's3.amazonaws.com',
  eventName: 'GetBucketAcl',
  readOnly: true,
  eventID: `event-${String(n).padStart(3, '0')}`,
  requestParameters: { bucketName: `bucket-${n % 3}` },
  resources: [{ ARN: `arn:aws:s3:::bucket-${n % 3}`, accountId: ACCOUNT, type: 'AWS::S3::Bucket' }],
  ...overrides,
});

const records: CloudTrailRecord[] = [
  ...Array.from({ length: 60 }, (_, n) => aRecord(n)),
  aRecord(100, {
    eventName: 'PutBucketPolicy',
    readOnly: false,
    userIdentity: {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/OpsRole/deploy-session`,
      accessKeyId: 'ASIADEPLOY',
      sessionContext: { sessionIssuer: { type: 'Role', userName: 'OpsRole' } },
    },
  }),
  aRecord(101, { eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', readOnly: false, resources: undefined }),
];

const items: ConfigurationItem[] = [
  {
    resourceType: 'AWS::S3::Bucket',
    resourceId: 'bucket-1',
    resourceName: 'bucket-1',
    configurationItemCaptureTime: '2026-11-18T01:45:00Z',
    configurationItemStatus: 'OK',
    relatedEvents: ['event-100'],
  },
  {
    resourceType: 'AWS::S3::Bucket',
    resourceId: 'bucket-1',
    configurationItemCaptureTime: '2026-11-10T00:00:00Z',
    relatedEvents: [],
  },
];

describe('sandbox CloudTrail LookupEvents', () => {
  let server: RunningServer;
  let clock = 0;
  let credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  /** Each call moves the sandbox clock a second on, so the 2-per-second limit only bites where a test wants it. */
  const tick = () => {
    clock += 1000;
  };

  beforeAll(async () => {
    const scenario = loadScenario(fixture('small'));
    const region = scenario.accounts[ACCOUNT]?.regions['us-east-1'];
    if (region === undefined) throw new Error('fixture changed: no 222222222222/us-east-1');
    region.cloudTrailEvents = records;
    region.configurationItems = items;
    ({ server, credentials } = await startMemberSessionServer(scenario, ACCOUNT, () => clock));
  });

  afterAll(async () => {
    await server.close();
  });

  const cloudTrail = () =>
    new CloudTrailClient({ region: 'us-east-1', endpoint: server.url, credentials, maxAttempts: 1 });
  const lookup = (input: LookupEventsCommandInput): Promise<LookupEventsCommandOutput> => {
    tick();
    return cloudTrail().send(new LookupEventsCommand(input));
  };
  const by = (AttributeKey: string, AttributeValue: string) => ({
    LookupAttributes: [{ AttributeKey: AttributeKey as 'EventId', AttributeValue }],
  });
  const ids = (out: LookupEventsCommandOutput) => (out.Events ?? []).map((event) => event.EventId);

  it('answers an event by EventId with the full record in CloudTrailEvent', async () => {
    // Act
    const out = await lookup(by('EventId', 'event-100'));

    // Assert
    expect(out.Events).toEqual([
      expect.objectContaining({
        EventId: 'event-100',
        EventName: 'PutBucketPolicy',
        ReadOnly: 'false',
        AccessKeyId: 'ASIADEPLOY',
        Username: 'deploy-session',
        EventTime: new Date('2026-11-18T01:40:00Z'),
        Resources: expect.arrayContaining([{ ResourceType: 'AWS::S3::Bucket', ResourceName: 'arn:aws:s3:::bucket-1' }]),
      }),
    ]);
    expect(JSON.parse(out.Events?.[0]?.CloudTrailEvent ?? '')).toEqual(records[60]);
  });

  it.each([
    ['EventName', 'CreateUser', ['event-101']],
    ['EventSource', 'iam.amazonaws.com', ['event-101']],
    ['ReadOnly', 'false', ['event-101', 'event-100']],
    ['Username', 'deploy-session', ['event-100']],
    ['AccessKeyId', 'ASIADEPLOY', ['event-100']],
  ])('filters by %s', async (key, value, expected) => {
    // Act
    const out = await lookup(by(key, value));

    // Assert
    expect(ids(out)).toEqual(expected);
  });

  it('filters by ResourceType and ResourceName (ARN or name), newest first within the time window', async () => {
    // Act
    const byName = await lookup({
      ...by('ResourceName', 'bucket-1'),
      StartTime: new Date('2026-11-18T00:50:00Z'),
      EndTime: new Date('2026-11-18T01:00:00Z'),
    });
    const byType = await lookup({ ...by('ResourceType', 'AWS::S3::Bucket'), MaxResults: 3 });

    // Assert
    expect(ids(byName)).toEqual(['event-058', 'event-055', 'event-052']);
    expect(ids(byType)).toEqual(['event-100', 'event-059', 'event-058']);
  });

  it('pages with NextToken, at most 50 events a page', async () => {
    // Act
    const first = await lookup(by('EventSource', 's3.amazonaws.com'));
    const second = await lookup({ ...by('EventSource', 's3.amazonaws.com'), NextToken: first.NextToken });

    // Assert
    expect(first.Events).toHaveLength(50);
    expect(second.Events).toHaveLength(11);
    expect(second.NextToken).toBeUndefined();
  });

  it('rejects MaxResults above 50, two attributes, and an unknown attribute', async () => {
    // Act / Assert
    await expect(lookup({ MaxResults: 51 })).rejects.toMatchObject({ name: 'InvalidMaxResultsException' });
    await expect(
      lookup({
        LookupAttributes: [...by('EventName', 'a').LookupAttributes, ...by('EventName', 'b').LookupAttributes],
      }),
    ).rejects.toMatchObject({ name: 'InvalidLookupAttributesException' });
    await expect(lookup(by('Region', 'x'))).rejects.toMatchObject({ name: 'InvalidLookupAttributesException' });
  });

  it('answers ThrottlingException beyond 2 calls per second per account and region', async () => {
    // Arrange
    clock += 10_000;
    const client = cloudTrail();
    const call = () => client.send(new LookupEventsCommand(by('EventId', 'event-001')));

    // Act
    const answers = await Promise.allSettled([call(), call(), call()]);

    // Assert
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(answers[2]).toMatchObject({ reason: { name: 'ThrottlingException' } });
  });
});

describe('sandbox Config GetResourceConfigHistory', () => {
  let server: RunningServer;
  let credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };

  beforeAll(async () => {
    const scenario = loadScenario(fixture('small'));
    const region = scenario.accounts[ACCOUNT]?.regions['us-east-1'];
    if (region) region.configurationItems = items;
    ({ server, credentials } = await startMemberSessionServer(scenario, ACCOUNT));
  });

  afterAll(async () => {
    await server.close();
  });

  const config = () =>
    new ConfigServiceClient({ region: 'us-east-1', endpoint: server.url, credentials, maxAttempts: 1 });

  it('answers the items in the window, newest first, with relatedEvents', async () => {
    // Act
    const out = await config().send(
      new GetResourceConfigHistoryCommand({
        resourceType: 'AWS::S3::Bucket',
        resourceId: 'bucket-1',
        earlierTime: new Date('2026-11-17T00:00:00Z'),
        laterTime: new Date('2026-11-19T00:00:00Z'),
      }),
    );

    // Assert
    expect(out.configurationItems).toEqual([
      expect.objectContaining({
        resourceId: 'bucket-1',
        configurationItemCaptureTime: new Date('2026-11-18T01:45:00Z'),
        relatedEvents: ['event-100'],
      }),
    ]);
  });

  it('answers ResourceNotDiscoveredException for a resource without history', async () => {
    // Act
    const call = config().send(
      new GetResourceConfigHistoryCommand({ resourceType: 'AWS::S3::Bucket', resourceId: 'never-seen' }),
    );

    // Assert
    await expect(call).rejects.toMatchObject({ name: 'ResourceNotDiscoveredException' });
  });
});
