import type { Actor, Hop, RoleChain, UnresolvedCode } from '../../domain/change-context.model';
import type { IssuingEventLookup } from '../issuing-event.port';
import type { ChangeEvent } from './change-event';
import {
  type CloudTrailRecord,
  CloudTrailRecordSchema,
  eventTimeMs,
  parseInstantMs,
  type UserIdentity,
} from './cloudtrail-record.schema';
import { accountOfArn, actorFromIdentity, isSsoSession, sessionOf } from './identity';

/** STS calls that issue temporary credentials a later call can be made with. */
export const ISSUING_EVENT_NAMES: ReadonlySet<string> = new Set([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'GetFederationToken',
]);

/** Options of the role-chain walk. */
export interface RoleChainOptions {
  /** @default 8 - hops walked before the chain is cut as unresolved */
  maxHops?: number;
  /** @default 300000 - slack (ms) after the session's `creationDate` within which the issuing event may lie */
  creationSlackMs?: number;
}

/** `responseElements.credentials.accessKeyId` of an STS record, if present. */
export const issuedAccessKeyId = (record: CloudTrailRecord): string | undefined => {
  const credentials = record.responseElements?.credentials;
  if (typeof credentials !== 'object' || credentials === null) return undefined;
  const key = (credentials as Record<string, unknown>).accessKeyId;
  return typeof key === 'string' && key !== '' ? key : undefined;
};

/**
 * Picks the record that issued `accessKeyId` among candidates (for port implementations and fakes): STS issuing calls
 * only, matched on `responseElements.credentials.accessKeyId` (never the session name), at or before `beforeTime`;
 * copies of one cross-account call (same `sharedEventID`) collapse to the caller-side copy; the latest one wins.
 */
export const selectIssuingEvent = (
  candidates: readonly CloudTrailRecord[],
  accessKeyId: string,
  beforeTime: Date,
): CloudTrailRecord | undefined => {
  const byCall = new Map<string, CloudTrailRecord>();
  for (const record of candidates) {
    const time = eventTimeMs(record);
    if (!ISSUING_EVENT_NAMES.has(record.eventName) || issuedAccessKeyId(record) !== accessKeyId) continue;
    if (time === undefined || time > beforeTime.getTime()) continue;
    const callKey = record.sharedEventID ?? record.eventID;
    const kept = byCall.get(callKey);
    if (kept === undefined || (kept.userIdentity.type === 'AWSAccount' && record.userIdentity.type !== 'AWSAccount')) {
      byCall.set(callKey, record);
    }
  }
  return [...byCall.values()].sort((a, b) => (eventTimeMs(b) ?? 0) - (eventTimeMs(a) ?? 0))[0];
};

const mfaOf = (identity: UserIdentity): boolean | undefined => {
  const value = identity.sessionContext?.attributes?.mfaAuthenticated;
  return value === undefined ? undefined : value === true || value === 'true';
};

const sessionHop = (identity: UserIdentity): Hop => {
  const session = sessionOf(identity);
  const accountId = identity.accountId ?? accountOfArn(identity.arn);
  const mfa = mfaOf(identity);
  return {
    ...session,
    ...(accountId && { accountId }),
    ...(identity.accessKeyId && { accessKeyId: identity.accessKeyId }),
    ...(identity.sessionContext?.sourceIdentity && { sourceIdentity: identity.sessionContext.sourceIdentity }),
    ...(mfa !== undefined && { mfa }),
    crossAccount: false,
    status: 'resolved',
  };
};

const unresolve = (hop: Hop, code: UnresolvedCode, reason: string): Hop => {
  return { ...hop, status: 'unresolved', unresolvedCode: code, unresolvedReason: reason };
};

/** The origin shown when the walk stops early: the `sourceIdentity` hint if any hop carried one. */
const hintedOrigin = (hops: readonly Hop[], reason: string): Actor => {
  const sourceIdentity = hops.find((hop) => hop.sourceIdentity !== undefined)?.sourceIdentity;
  if (sourceIdentity !== undefined) {
    return {
      kind: 'unresolved',
      display: `${sourceIdentity} (source identity; chain incomplete)`,
      key: `source-identity:${sourceIdentity}`,
      sourceIdentity,
      unresolvedReason: reason,
    };
  }
  const last = hops[hops.length - 1];
  const label = `${last?.roleName ?? 'unknown role'}/${last?.sessionName ?? 'unknown session'}`;
  return {
    kind: 'unresolved',
    display: `unknown origin of ${label}`,
    key: `unresolved:${label}`,
    unresolvedReason: reason,
  };
};

const resolvedHop = (base: Hop, issuing: CloudTrailRecord): Hop => {
  const caller = actorFromIdentity(issuing.userIdentity, issuing);
  const roleArnParam = issuing.requestParameters?.roleArn;
  const roleAccount = base.accountId ?? accountOfArn(typeof roleArnParam === 'string' ? roleArnParam : undefined);
  const callerAccount = caller.accountId;
  const mfa = mfaOf(issuing.userIdentity) ?? base.mfa;
  return {
    ...base,
    via: issuing.eventName,
    issuingEventId: issuing.eventID,
    ...(issuing.sharedEventID && { sharedEventId: issuing.sharedEventID }),
    caller,
    callerType: issuing.userIdentity.type,
    time: issuing.eventTime,
    ...(issuing.sourceIPAddress && { sourceIPAddress: issuing.sourceIPAddress }),
    ...(issuing.userAgent && { userAgent: issuing.userAgent }),
    ...(mfa !== undefined && { mfa }),
    crossAccount: roleAccount !== undefined && callerAccount !== undefined && roleAccount !== callerAccount,
  };
};

type Step = { hop: Hop; next?: CloudTrailRecord; stop?: { code: UnresolvedCode; reason: string } };

const walkOne = async (
  identity: UserIdentity,
  context: CloudTrailRecord,
  lookup: IssuingEventLookup,
  slackMs: number,
): Promise<Step> => {
  const base = sessionHop(identity);
  const key = identity.accessKeyId;
  if (key === undefined) {
    const reason = `session ${base.roleName ?? '?'}/${base.sessionName ?? '?'} has no accessKeyId; the first hop cannot be looked up`;
    return { hop: unresolve(base, 'missing-access-key', reason), stop: { code: 'missing-access-key', reason } };
  }
  const created =
    parseInstantMs(identity.sessionContext?.attributes?.creationDate) ?? eventTimeMs(context) ?? Date.now();
  let found: CloudTrailRecord | undefined;
  try {
    found = await lookup.findIssuingEvent(key, new Date(created + slackMs));
  } catch (error) {
    const reason = `lookup of the event that issued ${key} failed: ${(error as Error).message}`;
    return { hop: unresolve(base, 'lookup-failed', reason), stop: { code: 'lookup-failed', reason } };
  }
  if (found === undefined) {
    const reason = `no AssumeRole*/GetFederationToken event issued access key ${key} (another account, or older than the lookup window)`;
    return {
      hop: unresolve(base, 'issuing-event-not-found', reason),
      stop: { code: 'issuing-event-not-found', reason },
    };
  }
  const parsed = CloudTrailRecordSchema.safeParse(found);
  if (!parsed.success) {
    const reason = `the event that issued ${key} is malformed: ${parsed.error.issues[0]?.message ?? 'invalid record'}`;
    return { hop: unresolve(base, 'record-malformed', reason), stop: { code: 'record-malformed', reason } };
  }
  const issuing = parsed.data;
  if (!ISSUING_EVENT_NAMES.has(issuing.eventName) || issuedAccessKeyId(issuing) !== key) {
    const reason = `event ${issuing.eventID} (${issuing.eventName}) did not issue access key ${key}`;
    return { hop: unresolve(base, 'issuing-event-mismatch', reason), stop: { code: 'issuing-event-mismatch', reason } };
  }
  return { hop: resolvedHop(base, issuing), next: issuing };
};

const ssoHop = (identity: UserIdentity, record: CloudTrailRecord): { hop: Hop; origin: Actor } => {
  const origin = actorFromIdentity(identity, record);
  return { hop: { ...sessionHop(identity), via: 'IdentityCenter', caller: origin }, origin };
};

/**
 * Walks the role chain of a change event back to its origin:
 * 1. while the identity is a session (AssumedRole / FederatedUser), ask `lookup` for the STS event that issued its
 *    access key (matched on `responseElements.credentials.accessKeyId`) and record the hop;
 * 2. recurse on that event's caller; stop at an IAM user, root, SAML or web identity subject, AWS service or external
 *    account; an `AWSReservedSSO_*` session stops at once with the Identity Center person as origin;
 * 3. stop as unresolved on a missing key, a lookup miss or failure, a malformed or mismatched record, the hop limit or
 *    a cycle (same key or same `sharedEventID` twice), with `sourceIdentity` as the origin hint.
 * Never throws. Hops are returned origin first.
 */
export const resolveRoleChain = async (
  change: ChangeEvent | CloudTrailRecord,
  lookup: IssuingEventLookup,
  options: RoleChainOptions = {},
): Promise<RoleChain> => {
  const maxHops = options.maxHops ?? 8;
  const slackMs = options.creationSlackMs ?? 300_000;
  let record: CloudTrailRecord =
    'userIdentity' in change ? (change as CloudTrailRecord) : (change as ChangeEvent).record;
  const hops: Hop[] = [];
  const seenKeys = new Set<string>();
  const seenCalls = new Set<string>();
  const finish = (origin: Actor, unresolvedReason?: string): RoleChain => {
    const reason = unresolvedReason ?? hops.find((hop) => hop.status === 'unresolved')?.unresolvedReason;
    return {
      hops: hops.reverse(),
      origin,
      complete: reason === undefined,
      ...(reason && { unresolvedReason: reason }),
    };
  };
  for (;;) {
    const identity = record.userIdentity;
    if (identity.type !== 'AssumedRole' && identity.type !== 'FederatedUser') {
      const origin = actorFromIdentity(identity, record);
      return finish(origin, origin.unresolvedReason);
    }
    if (isSsoSession(identity)) {
      const { hop, origin } = ssoHop(identity, record);
      hops.push(hop);
      return finish(origin);
    }
    if (hops.length >= maxHops) {
      const reason = `hop limit of ${maxHops} reached`;
      hops.push(unresolve(sessionHop(identity), 'hop-limit', reason));
      return finish(hintedOrigin(hops, reason), reason);
    }
    const key = identity.accessKeyId;
    if (key !== undefined && seenKeys.has(key)) {
      const reason = `cycle: access key ${key} seen twice in the chain`;
      hops.push(unresolve(sessionHop(identity), 'cycle', reason));
      return finish(hintedOrigin(hops, reason), reason);
    }
    if (key !== undefined) seenKeys.add(key);
    const step = await walkOne(identity, record, lookup, slackMs);
    const callKey = step.next && (step.next.sharedEventID ?? step.next.eventID);
    if (callKey !== undefined && seenCalls.has(callKey)) {
      const reason = `cycle: issuing event ${callKey} seen twice in the chain`;
      hops.push(unresolve(step.hop, 'cycle', reason));
      return finish(hintedOrigin(hops, reason), reason);
    }
    hops.push(step.hop);
    if (step.next === undefined || step.stop !== undefined) {
      const reason = step.stop?.reason ?? 'walk stopped';
      return finish(hintedOrigin(hops, reason), reason);
    }
    if (callKey !== undefined) seenCalls.add(callKey);
    record = step.next;
  }
};
