import type { UntracedReason } from '../../domain/change-context.schema';
import { NotFoundError } from '../../shared/errors';
import type { CloudTrailRecord } from '../analysis/cloudtrail-record.schema';
import type { CloudTrailLookup, LookedUpEvent } from '../cloudtrail-lookup.port';
import type { ConfigHistory, ConfigurationItemInfo } from '../config-history.port';
import type { TraceCandidate } from './select-candidates';

/** How far around the evaluation time to search. */
export interface TraceWindowOptions {
  /** How long before the evaluation the change may have happened. @default 24 hours */
  lookbackMs: number;
  /** Slack after the evaluation (Config may record the item after the rule ran). @default 15 minutes */
  slackMs: number;
}

/** Defaults of {@link TraceWindowOptions}. */
export const DEFAULT_TRACE_WINDOW: TraceWindowOptions = { lookbackMs: 24 * 3_600_000, slackMs: 15 * 60_000 };

/** The change event of one resource, or why it was not found. */
export type FindChangeResult =
  | { found: true; record: CloudTrailRecord; foundBy: 'related-event' | 'resource-name'; item?: ConfigurationItemInfo }
  | { found: false; reason: UntracedReason; detail: string };

const describe = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

/** A successful write call: `readOnly` not true and no `errorCode` (never judged by name or `responseElements`). */
const isWrite = (record: CloudTrailRecord): boolean => record.readOnly !== true && record.errorCode === undefined;

/**
 * Finds the CloudTrail event that changed a resource: Config `GetResourceConfigHistory` in the window → the newest
 * item with `relatedEvents` → LookupEvents by EventId; when that yields nothing, LookupEvents by ResourceName in the
 * window → the newest successful write. Never throws: failures become a reason and a detail.
 */
export const findChange = async (
  candidate: TraceCandidate,
  ports: { history: ConfigHistory; lookup: CloudTrailLookup },
  options: TraceWindowOptions = DEFAULT_TRACE_WINDOW,
): Promise<FindChangeResult> => {
  const earlierTime = new Date(candidate.recordedMs - options.lookbackMs);
  const laterTime = new Date(candidate.recordedMs + options.slackMs);
  const notes: string[] = [];
  let failed = false;
  let malformed: LookedUpEvent | undefined;

  let items: ConfigurationItemInfo[] = [];
  try {
    items = await ports.history.itemsBetween({
      resourceType: candidate.resourceType,
      resourceId: candidate.resourceId,
      earlierTime,
      laterTime,
    });
  } catch (err) {
    if (!(err instanceof NotFoundError)) failed = true;
    notes.push(err instanceof NotFoundError ? 'Config: resource not discovered' : `Config: ${describe(err)}`);
  }
  const item = items.find((entry) => entry.relatedEvents.length > 0);
  if (items.length > 0 && item === undefined) notes.push(`Config: ${items.length} item(s) without relatedEvents`);
  for (const eventId of item?.relatedEvents ?? []) {
    try {
      const event = await ports.lookup.eventById(eventId);
      if (event?.record) return { found: true, record: event.record, foundBy: 'related-event', item };
      if (event !== undefined) malformed = event;
      notes.push(event === undefined ? `EventId ${eventId}: not in CloudTrail` : `EventId ${eventId}: malformed`);
    } catch (err) {
      failed = true;
      notes.push(`EventId ${eventId}: ${describe(err)}`);
    }
  }

  const resourceName = item?.resourceName ?? items[0]?.resourceName ?? candidate.resourceId;
  try {
    const { events } = await ports.lookup.lookup({
      attribute: { key: 'ResourceName', value: resourceName },
      startTime: earlierTime,
      endTime: laterTime,
    });
    const write = events.find((event) => event.record !== undefined && isWrite(event.record));
    if (write?.record) return { found: true, record: write.record, foundBy: 'resource-name' };
    malformed ??= events.find((event) => event.record === undefined);
    notes.push(`ResourceName ${resourceName}: ${events.length} event(s), no successful write`);
  } catch (err) {
    failed = true;
    notes.push(`ResourceName ${resourceName}: ${describe(err)}`);
  }

  const detail = notes.join('; ');
  if (failed) return { found: false, reason: 'lookup-failed', detail };
  if (malformed !== undefined) {
    return { found: false, reason: 'record-malformed', detail: `${detail}; ${malformed.malformedReason ?? ''}` };
  }
  return { found: false, reason: item === undefined ? 'no-matching-event' : 'event-not-found', detail };
};
