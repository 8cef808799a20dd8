import type { ActivitySummary, Actor, CallRef, RoleChain, ServiceHour } from '../../domain/change-context.model';
import { type CatalogueOptions, matchCatalogue } from '../detections/privesc-match';
import { callTarget, isDenied, isFailed, isWrite } from './call-facts';
import { type CloudTrailRecord, eventTimeMs, parseInstantMs } from './cloudtrail-record.schema';
import { actorFromIdentity } from './identity';
import { ISSUING_EVENT_NAMES, issuedAccessKeyId } from './role-chain';

/** The time window around the change. */
export interface ActivityWindow {
  /** The change's time (ISO-8601 or Date). */
  around: Date | string;
  /** @default 24 - hours before the change */
  hoursBefore?: number;
  /** @default 24 - hours after the change */
  hoursAfter?: number;
}

const HOUR_MS = 3_600_000;

/** One copy per cross-account call: records sharing a `sharedEventID` collapse to the caller-side copy. */
export const dedupeSharedEvents = (records: readonly CloudTrailRecord[]): CloudTrailRecord[] => {
  const kept = new Map<string, CloudTrailRecord>();
  for (const record of records) {
    const key = record.sharedEventID ?? `event:${record.eventID}`;
    const previous = kept.get(key);
    if (
      previous === undefined ||
      (previous.userIdentity.type === 'AWSAccount' && record.userIdentity.type !== 'AWSAccount')
    ) {
      kept.set(key, record);
    }
  }
  return [...kept.values()];
};

/**
 * The origin key of each record (by `eventID`), resolving sessions through the issuing events present in `records`
 * (in time order) and the keys already known from the chain. Sessions that cannot be resolved fall back to the
 * FederatedUser's issuer, then to `source-identity:<value>`, then to the session itself.
 */
export const attributeOrigins = (
  records: readonly CloudTrailRecord[],
  knownKeys: ReadonlyMap<string, string> = new Map(),
) => {
  const keyOrigin = new Map(knownKeys);
  const origins = new Map<string, string>();
  const ordered = [...records].sort((a, b) => (eventTimeMs(a) ?? 0) - (eventTimeMs(b) ?? 0));
  for (const record of ordered) {
    const origin = originKeyOf(record, keyOrigin);
    origins.set(record.eventID, origin);
    const issued =
      ISSUING_EVENT_NAMES.has(record.eventName) && !isFailed(record) ? issuedAccessKeyId(record) : undefined;
    if (issued !== undefined && !keyOrigin.has(issued)) keyOrigin.set(issued, origin);
  }
  return origins;
};

const originKeyOf = (record: CloudTrailRecord, keyOrigin: ReadonlyMap<string, string>): string => {
  const identity = record.userIdentity;
  const actor = actorFromIdentity(identity, record);
  if (actor.kind !== 'assumed-role') return actor.key;
  const known = identity.accessKeyId === undefined ? undefined : keyOrigin.get(identity.accessKeyId);
  if (known !== undefined) return known;
  const issuer = identity.sessionContext?.sessionIssuer;
  if (identity.type === 'FederatedUser' && issuer?.type === 'IAMUser' && issuer.arn) return `iam-user:${issuer.arn}`;
  const sourceIdentity = identity.sessionContext?.sourceIdentity;
  return sourceIdentity === undefined ? actor.key : `source-identity:${sourceIdentity}`;
};

const belongsTo = (originKey: string | undefined, origin: Actor): boolean => {
  if (originKey === undefined) return false;
  if (originKey === origin.key) return true;
  const hinted = originKey.startsWith('source-identity:') ? originKey.slice('source-identity:'.length) : undefined;
  return hinted !== undefined && (hinted === origin.userName || hinted === origin.sourceIdentity);
};

const callRef = (record: CloudTrailRecord): CallRef => {
  const target = callTarget(record);
  return {
    eventId: record.eventID,
    time: record.eventTime,
    eventSource: record.eventSource,
    eventName: record.eventName,
    ...(record.errorCode && { errorCode: record.errorCode }),
    ...(target && { target }),
    ...(record.sourceIPAddress && { sourceIPAddress: record.sourceIPAddress }),
    ...(record.userAgent && { userAgent: record.userAgent }),
    ...(record.awsRegion && { region: record.awsRegion }),
  };
};

const servicesPerHour = (records: readonly CloudTrailRecord[]): ServiceHour[] => {
  const counts = new Map<string, ServiceHour>();
  for (const record of records) {
    const hour = new Date(Math.floor((eventTimeMs(record) ?? 0) / HOUR_MS) * HOUR_MS).toISOString();
    const key = `${hour}|${record.eventSource}`;
    const entry = counts.get(key) ?? { hour, eventSource: record.eventSource, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(
    (a, b) => a.hour.localeCompare(b.hour) || a.eventSource.localeCompare(b.eventSource),
  );
};

const distinct = (values: (string | undefined)[]): string[] =>
  [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))].sort();

/**
 * What the origin did around the change (a per-principal summary of the window):
 * 1. de-duplicate cross-account copies by `sharedEventID`;
 * 2. attribute every record to an origin (sessions resolved through the issuing events in `records` and the chain's
 *    keys) and keep the origin's records inside the window (±24 h by default);
 * 3. count services per UTC hour; list writes (`readOnly === false`, no `errorCode`), failed calls (any `errorCode`),
 *    denied calls (authorisation errors) and successful calls without `readOnly` (unclassified);
 * 4. match the privilege-escalation catalogue on the origin's calls only.
 * Records without a readable `eventTime` are listed in `skipped`. Never throws.
 */
export const summarizeActivity = (
  records: readonly CloudTrailRecord[],
  origin: RoleChain | Actor,
  window: ActivityWindow,
  options: CatalogueOptions = {},
): ActivitySummary => {
  const actor = 'hops' in origin ? origin.origin : origin;
  const chainKeys = new Map<string, string>();
  if ('hops' in origin) {
    for (const hop of origin.hops) if (hop.accessKeyId !== undefined) chainKeys.set(hop.accessKeyId, actor.key);
  }
  const around = typeof window.around === 'string' ? (parseInstantMs(window.around) ?? 0) : window.around.getTime();
  const from = around - (window.hoursBefore ?? 24) * HOUR_MS;
  const to = around + (window.hoursAfter ?? 24) * HOUR_MS;
  const unique = dedupeSharedEvents(records);
  const skipped = unique
    .filter((r) => eventTimeMs(r) === undefined)
    .map((r) => ({ eventId: r.eventID, reason: `unreadable eventTime ${JSON.stringify(r.eventTime)}` }));
  const timed = unique.filter((r) => eventTimeMs(r) !== undefined);
  const origins = attributeOrigins(timed, chainKeys);
  const mine = timed
    .filter((r) => belongsTo(origins.get(r.eventID), actor))
    .filter((r) => {
      const time = eventTimeMs(r) ?? 0;
      return time >= from && time <= to;
    })
    .sort((a, b) => (eventTimeMs(a) ?? 0) - (eventTimeMs(b) ?? 0));
  return {
    window: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
    totalCalls: mine.length,
    servicesPerHour: servicesPerHour(mine),
    writeCalls: mine.filter(isWrite).map(callRef),
    failedCalls: mine.filter(isFailed).map(callRef),
    deniedCalls: mine.filter(isDenied).map(callRef),
    unclassifiedCalls: mine.filter((r) => r.readOnly === undefined && !isFailed(r)).map(callRef),
    findings: matchCatalogue(mine, options),
    sourceIPs: distinct(mine.map((r) => r.sourceIPAddress)),
    userAgents: distinct(mine.map((r) => r.userAgent)),
    regions: distinct(mine.map((r) => r.awsRegion)),
    skipped,
  };
};
