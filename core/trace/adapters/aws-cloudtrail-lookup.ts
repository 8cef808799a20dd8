import { type CloudTrailClient, type Event, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { AwsClientFactory } from '../../platform/aws/aws-clients';
import { toAppError } from '../../platform/aws/aws-errors';
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
 * CloudTrail LookupEvents in one member account and region. Pages with NextToken (50 per page) up to `maxEvents`;
 * caches every answer by query (so lookups by access key are read once) and every event it has seen by event id;
 * turns SDK failures into our error family (throttling → ThrottledError). Pacing sits on the client: the one
 * {@link AwsClientFactory.cloudTrail} builds is paced at 2 calls per second.
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

/**
 * Builds one {@link AwsCloudTrailLookup} per member client of {@link AwsClientFactory.cloudTrail}: the factory keeps
 * one paced client per account and region while the credentials stay the same, so the lookup (and its answers) lives
 * as long as that client.
 */
export const createCloudTrailLookupFactory = (
  clients: Pick<AwsClientFactory, 'cloudTrail'>,
): CloudTrailLookupFactory => {
  const lookups = new WeakMap<CloudTrailClient, AwsCloudTrailLookup>();
  return ({ accountId, region, credentials }) => {
    const client = clients.cloudTrail(accountId, region, credentials);
    let lookup = lookups.get(client);
    if (lookup === undefined) {
      lookup = new AwsCloudTrailLookup(client, { accountId, region });
      lookups.set(client, lookup);
    }
    return lookup;
  };
};
