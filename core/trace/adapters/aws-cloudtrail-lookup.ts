import { CloudTrailClient, type Event, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { toAppError } from '../../platform/aws/aws-errors';
import { type PacingRate, RequestPacer } from '../../shared/request-pacer';
import { parseCloudTrailRecord } from '../analysis/cloudtrail-record.schema';
import type {
  CloudTrailLookup,
  CloudTrailLookupFactory,
  LookedUpEvent,
  LookupQuery,
  LookupResult,
} from '../cloudtrail-lookup.port';

/** LookupEvents' largest page. */
export const LOOKUP_PAGE_SIZE = 50;
/** AWS allows 2 LookupEvents calls per second per account and region; a burst of 1 keeps every call under it. */
export const LOOKUP_EVENTS_RATE: PacingRate = { ratePerSecond: 2, burst: 1 };

const toLookedUp = (event: Event): LookedUpEvent | undefined => {
  if (!event.EventId) return undefined;
  const parsed = parseCloudTrailRecord(event.CloudTrailEvent ?? '');
  return parsed.ok
    ? { eventId: event.EventId, record: parsed.record }
    : { eventId: event.EventId, malformedReason: parsed.reason };
};

const queryKey = (query: LookupQuery): string =>
  JSON.stringify([
    query.attribute.key,
    query.attribute.value,
    query.startTime?.getTime() ?? null,
    query.endTime?.getTime() ?? null,
    query.maxEvents ?? LOOKUP_PAGE_SIZE,
  ]);

/**
 * Paces every attempt of a CloudTrail client, retries included (the middleware sits in the finalizeRequest step,
 * after the SDK's retry middleware).
 */
export const paceCloudTrailClient = (client: CloudTrailClient, pacer: RequestPacer): void => {
  client.middlewareStack.add(
    (next) => async (args) => {
      await pacer.acquire();
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'lookupEventsPacerMiddleware' },
  );
};

/**
 * CloudTrail LookupEvents in one member account and region. Pages with NextToken (50 per page) up to `maxEvents`;
 * caches every answer by query (so lookups by access key are read once) and every event it has seen by event id;
 * turns SDK failures into our error family (throttling → ThrottledError). Pacing sits on the client
 * ({@link paceCloudTrailClient}); {@link createCloudTrailLookupFactory} installs it.
 */
export class AwsCloudTrailLookup implements CloudTrailLookup {
  private readonly byId = new Map<string, Promise<LookedUpEvent | undefined>>();
  private readonly byQuery = new Map<string, Promise<LookupResult>>();

  constructor(
    private readonly client: CloudTrailClient,
    private readonly target: { accountId: string; region: string },
  ) {}

  eventById(eventId: string): Promise<LookedUpEvent | undefined> {
    let answer = this.byId.get(eventId);
    if (answer === undefined) {
      answer = this.lookup({ attribute: { key: 'EventId', value: eventId }, maxEvents: 1 }).then((result) =>
        result.events.find((event) => event.eventId === eventId),
      );
      this.byId.set(eventId, answer);
      answer.catch(() => this.byId.delete(eventId));
    }
    return answer;
  }

  lookup(query: LookupQuery): Promise<LookupResult> {
    const key = queryKey(query);
    let answer = this.byQuery.get(key);
    if (answer === undefined) {
      answer = this.readPages(query);
      this.byQuery.set(key, answer);
      answer.catch(() => this.byQuery.delete(key));
    }
    return answer;
  }

  private async readPages(query: LookupQuery): Promise<LookupResult> {
    const maxEvents = Math.max(1, query.maxEvents ?? LOOKUP_PAGE_SIZE);
    const events: LookedUpEvent[] = [];
    let nextToken: string | undefined;
    do {
      const out = await this.send(query, Math.min(LOOKUP_PAGE_SIZE, maxEvents - events.length), nextToken);
      for (const event of out.Events ?? []) {
        const item = toLookedUp(event);
        if (item === undefined) continue;
        events.push(item);
        if (!this.byId.has(item.eventId)) this.byId.set(item.eventId, Promise.resolve(item));
      }
      nextToken = out.NextToken;
    } while (nextToken !== undefined && events.length < maxEvents);
    return { events: events.slice(0, maxEvents), truncated: nextToken !== undefined || events.length > maxEvents };
  }

  private async send(query: LookupQuery, maxResults: number, nextToken: string | undefined) {
    try {
      return await this.client.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: query.attribute.key, AttributeValue: query.attribute.value }],
          ...(query.startTime ? { StartTime: query.startTime } : {}),
          ...(query.endTime ? { EndTime: query.endTime } : {}),
          MaxResults: maxResults,
          ...(nextToken ? { NextToken: nextToken } : {}),
        }),
      );
    } catch (err) {
      throw toAppError(err, {
        service: 'cloudtrail',
        operation: 'LookupEvents',
        target: `${this.target.accountId}/${this.target.region}`,
      });
    }
  }
}

/** Options of {@link createCloudTrailLookupFactory}. */
export interface CloudTrailLookupFactoryOptions {
  /** Total attempts per call, including the first (SDK adaptive retry). */
  maxAttempts: number;
  /** @default - the real endpoint; the sandbox passes its AWS server URL */
  endpoint?: string;
  /** @default {@link LOOKUP_EVENTS_RATE} */
  rate?: PacingRate;
}

/**
 * Builds one paced {@link AwsCloudTrailLookup} per account and region, memoised while the credentials stay the same
 * (the cache lives as long as the lookup: one Trace changes invocation).
 */
export const createCloudTrailLookupFactory = (options: CloudTrailLookupFactoryOptions): CloudTrailLookupFactory => {
  const lookups = new Map<string, { accessKeyId: string; client: CloudTrailClient; lookup: AwsCloudTrailLookup }>();
  return ({ accountId, region, credentials }) => {
    const key = `${accountId}/${region}`;
    const cached = lookups.get(key);
    if (cached && cached.accessKeyId === credentials.accessKeyId) return cached.lookup;
    cached?.client.destroy();
    const client = new CloudTrailClient({
      region,
      credentials,
      maxAttempts: options.maxAttempts,
      retryMode: 'adaptive',
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    });
    paceCloudTrailClient(client, new RequestPacer(options.rate ?? LOOKUP_EVENTS_RATE));
    const lookup = new AwsCloudTrailLookup(client, { accountId, region });
    lookups.set(key, { accessKeyId: credentials.accessKeyId, client, lookup });
    return lookup;
  };
};
