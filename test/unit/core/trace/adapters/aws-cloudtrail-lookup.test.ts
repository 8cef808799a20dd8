import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { createAwsClientFactory } from '../../../../../core/platform/aws/aws-clients';
import { paceClient } from '../../../../../core/platform/aws/pace-client';
import { NotFoundError, ThrottledError } from '../../../../../core/shared/errors';
import { RequestPacer } from '../../../../../core/shared/request-pacer';
import {
  AwsCloudTrailLookup,
  createCloudTrailLookupFactory,
} from '../../../../../core/trace/adapters/aws-cloudtrail-lookup';
import { AwsConfigHistory } from '../../../../../core/trace/adapters/aws-config-history';
import { loadScenario } from '../../../../../sandbox';
import type { CloudTrailRecord } from '../../../../../sandbox/scenario.schema';
import type { RunningServer } from '../../../../../sandbox/servers/aws-server';
import { startMemberSessionServer } from '../../../../helpers/member-session-server';

const ACCOUNT = '222222222222';
const TARGET = { accountId: ACCOUNT, region: 'us-east-1' };

const aRecord = (n: number, overrides: Record<string, unknown> = {}): CloudTrailRecord => ({
  eventVersion: '1.09',
  userIdentity: {
    type: 'IAMUser',
    arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    accessKeyId: 'AKIAALICE',
    userName: 'alice',
  },
  eventTime: new Date(Date.parse('2026-11-18T00:00:00Z') + n * 60_000).toISOString(),
  eventSource: 's3.amazonaws.com',
  eventName: 'GetBucketAcl',
  readOnly: true,
  eventID: `event-${String(n).padStart(3, '0')}`,
  ...overrides,
});

describe('AwsCloudTrailLookup', () => {
  let server: RunningServer;
  let clock = 0;
  let credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
  let calls = 0;

  beforeAll(async () => {
    const scenario = loadScenario(`${__dirname}/../../../../fixtures/scenarios/small.json`);
    const region = scenario.accounts[ACCOUNT]?.regions['us-east-1'];
    if (region === undefined) throw new Error('fixture changed: no 222222222222/us-east-1');
    // A record whose userIdentity is missing: the adapter reports it as malformed, not as a crash.
    region.cloudTrailEvents = [...Array.from({ length: 120 }, (_, n) => aRecord(n)), aRecord(200, { userIdentity: 7 })];
    region.configurationItems = [
      {
        resourceType: 'AWS::S3::Bucket',
        resourceId: 'logs',
        configurationItemCaptureTime: '2026-11-18T01:00:00Z',
        relatedEvents: ['event-003'],
      },
    ];
    ({ server, credentials } = await startMemberSessionServer(scenario, ACCOUNT, () => clock));
  });

  afterAll(async () => {
    await server.close();
  });

  /** A client whose every attempt moves the sandbox clock a second on (so the server's limit never bites) and counts. */
  const lookupOverSandbox = () => {
    const client = new CloudTrailClient({ region: 'us-east-1', endpoint: server.url, credentials, maxAttempts: 1 });
    client.middlewareStack.add(
      (next) => async (args) => {
        clock += 1000;
        calls += 1;
        return next(args);
      },
      { step: 'finalizeRequest', name: 'testClock' },
    );
    return new AwsCloudTrailLookup(client, TARGET);
  };

  it('finds an event by id and serves the second ask from its cache', async () => {
    // Arrange
    const lookup = lookupOverSandbox();
    const before = calls;

    // Act
    const first = await lookup.eventById('event-007');
    const second = await lookup.eventById('event-007');

    // Assert
    expect(first).toEqual({ eventId: 'event-007', record: expect.objectContaining({ eventName: 'GetBucketAcl' }) });
    expect(second).toBe(first);
    expect(calls - before).toBe(1);
  });

  it('pages with NextToken up to maxEvents, caches the query and every event it saw', async () => {
    // Arrange
    const lookup = lookupOverSandbox();
    const before = calls;
    const query = { attribute: { key: 'AccessKeyId' as const, value: 'AKIAALICE' }, maxEvents: 110 };

    // Act
    const result = await lookup.lookup(query);
    await lookup.lookup(query);
    const seen = await lookup.eventById('event-050');

    // Assert
    expect(result.events).toHaveLength(110);
    expect(result.events[0]?.eventId).toBe('event-119');
    expect(result.truncated).toBe(true);
    expect(seen?.record?.eventID).toBe('event-050');
    expect(calls - before).toBe(3);
  });

  it('reports a record that is not in the CloudTrail shape as malformed', async () => {
    // Act
    const event = await lookupOverSandbox().eventById('event-200');

    // Assert
    expect(event).toEqual({ eventId: 'event-200', malformedReason: expect.stringContaining('record malformed') });
  });

  it('answers undefined for an event CloudTrail does not have', async () => {
    // Act / Assert
    await expect(lookupOverSandbox().eventById('no-such-event')).resolves.toBeUndefined();
  });

  it('turns ThrottlingException into ThrottledError', async () => {
    // Arrange: without the test clock, the sandbox's 2-per-second bucket empties at the third call
    const client = new CloudTrailClient({ region: 'us-east-1', endpoint: server.url, credentials, maxAttempts: 1 });
    const lookup = new AwsCloudTrailLookup(client, TARGET);
    clock += 10_000;
    const ask = (n: number) => lookup.eventById(`event-01${n}`);

    // Act
    const answers = await Promise.allSettled([ask(1), ask(2), ask(3)]);

    // Assert
    expect(answers[2]).toMatchObject({ status: 'rejected', reason: expect.any(ThrottledError) });
  });

  it('paces its client at 2 calls per second', async () => {
    // Arrange
    const sleeps: number[] = [];
    const pacer = new RequestPacer(
      { ratePerSecond: 2, burst: 1 },
      () => 0,
      async (ms) => {
        sleeps.push(ms);
      },
    );
    const client = new CloudTrailClient({ region: 'us-east-1', endpoint: server.url, credentials, maxAttempts: 1 });
    paceClient(client, pacer);
    const lookup = new AwsCloudTrailLookup(client, TARGET);
    clock += 10_000;

    // Act
    await Promise.allSettled(['event-021', 'event-022', 'event-023'].map((id) => lookup.eventById(id)));

    // Assert
    expect(sleeps).toEqual([500, 1000]);
  });

  it('builds one lookup per account and region while the credentials stay the same', () => {
    // Arrange
    const factory = createCloudTrailLookupFactory(
      createAwsClientFactory({ region: 'us-east-1', maxAttempts: 1, endpoints: { aws: server.url } }),
    );

    // Act
    const a = factory({ ...TARGET, credentials });
    const b = factory({ ...TARGET, credentials });
    const c = factory({ ...TARGET, region: 'eu-west-1', credentials });

    // Assert
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('builds a new lookup when the account was re-assumed with new credentials', () => {
    // Arrange
    const factory = createCloudTrailLookupFactory(
      createAwsClientFactory({ region: 'us-east-1', maxAttempts: 1, endpoints: { aws: server.url } }),
    );
    const first = factory({ ...TARGET, credentials });

    // Act
    const second = factory({ ...TARGET, credentials: { ...credentials, accessKeyId: `${credentials.accessKeyId}2` } });

    // Assert
    expect(second).not.toBe(first);
    expect(factory({ ...TARGET, credentials: { ...credentials, accessKeyId: `${credentials.accessKeyId}2` } })).toBe(
      second,
    );
  });

  describe('AwsConfigHistory', () => {
    const history = () =>
      new AwsConfigHistory(
        new ConfigServiceClient({ region: 'us-east-1', endpoint: server.url, credentials, maxAttempts: 1 }),
        TARGET,
      );

    it('reads the items of the window with their relatedEvents', async () => {
      // Act
      const items = await history().itemsBetween({
        resourceType: 'AWS::S3::Bucket',
        resourceId: 'logs',
        earlierTime: new Date('2026-11-17T00:00:00Z'),
        laterTime: new Date('2026-11-19T00:00:00Z'),
      });

      // Assert
      expect(items).toEqual([
        {
          resourceType: 'AWS::S3::Bucket',
          resourceId: 'logs',
          captureTime: new Date('2026-11-18T01:00:00Z'),
          relatedEvents: ['event-003'],
        },
      ]);
    });

    it('throws NotFoundError for a resource Config never discovered', async () => {
      // Act
      const read = history().itemsBetween({
        resourceType: 'AWS::S3::Bucket',
        resourceId: 'nope',
        earlierTime: new Date('2026-11-17T00:00:00Z'),
        laterTime: new Date('2026-11-19T00:00:00Z'),
      });

      // Assert
      await expect(read).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});
