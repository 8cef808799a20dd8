import type { CloudTrailRecord } from '../analysis/cloudtrail-record.schema';
import { parseInstantMs } from '../analysis/cloudtrail-record.schema';
import type { CloudTrailLookup } from '../cloudtrail-lookup.port';
import type { IssuingEventLookup } from '../issuing-event.port';

/** The STS calls that issue temporary credentials. */
export const ISSUING_EVENT_NAMES: ReadonlySet<string> = new Set([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'GetFederationToken',
]);

/** The longest STS session (12 h, a role's MaxSessionDuration): the issuing event is at most this old. */
const MAX_SESSION_MS = 12 * 3_600_000;
const HOUR_MS = 3_600_000;
/** STS records one key lookup reads at most (pages of 50, paced at 2 calls/s: 10 s). */
export const ISSUING_LOOKUP_MAX_EVENTS = 1_000;

const issuedKey = (record: CloudTrailRecord): string | undefined => {
  const credentials = (record.responseElements as { credentials?: { accessKeyId?: unknown } } | null | undefined)
    ?.credentials;
  return typeof credentials?.accessKeyId === 'string' ? credentials.accessKeyId : undefined;
};

/**
 * {@link IssuingEventLookup} over LookupEvents: reads the region's `sts.amazonaws.com` events from 12 h before the
 * session to its start (windows aligned to the hour, so the adapter's query cache serves nearby hops) and keeps the
 * newest issuing call whose `responseElements.credentials.accessKeyId` is the key. Answers are memoised per key.
 * LookupEvents cannot search `responseElements`, hence the read by event source.
 */
export class LookupIssuingEvents implements IssuingEventLookup {
  private readonly byKey = new Map<string, Promise<CloudTrailRecord | undefined>>();

  constructor(private readonly lookups: readonly CloudTrailLookup[]) {}

  findIssuingEvent(accessKeyId: string, beforeTime: Date): Promise<CloudTrailRecord | undefined> {
    const cacheKey = `${accessKeyId}@${Math.ceil(beforeTime.getTime() / HOUR_MS)}`;
    let answer = this.byKey.get(cacheKey);
    if (answer === undefined) {
      answer = this.search(accessKeyId, beforeTime);
      this.byKey.set(cacheKey, answer);
    }
    return answer;
  }

  private async search(accessKeyId: string, beforeTime: Date): Promise<CloudTrailRecord | undefined> {
    const endTime = new Date(Math.ceil(beforeTime.getTime() / HOUR_MS) * HOUR_MS);
    const startTime = new Date(endTime.getTime() - MAX_SESSION_MS - HOUR_MS);
    const limit = beforeTime.getTime() + 60_000;
    for (const lookup of this.lookups) {
      const { events } = await lookup.lookup({
        attribute: { key: 'EventSource', value: 'sts.amazonaws.com' },
        startTime,
        endTime,
        maxEvents: ISSUING_LOOKUP_MAX_EVENTS,
      });
      const match = events.find(({ record }) => {
        if (record === undefined || !ISSUING_EVENT_NAMES.has(record.eventName) || issuedKey(record) !== accessKeyId) {
          return false;
        }
        const time = parseInstantMs(record.eventTime);
        return time !== undefined && time <= limit;
      });
      if (match?.record) return match.record;
    }
    return undefined;
  }
}
