import type { Severity } from './severity';

/**
 * Domain types of the change context: who changed a resource, through which role chain, via which interface, and what
 * else the origin principal did. Pure data: the Trace changes service fills them from CloudTrail records through the
 * functions in `core/trace`.
 */

/** What kind of principal an actor is. `unresolved`: the walk could not reach the origin (see `unresolvedReason`). */
export type ActorKind =
  | 'iam-user'
  | 'root'
  | 'assumed-role'
  | 'identity-center'
  | 'saml'
  | 'web-identity'
  | 'aws-service'
  | 'external-account'
  | 'unresolved';

/** A principal, normalised across `userIdentity` types. */
export interface Actor {
  kind: ActorKind;
  /** What the report shows: `alice`, `root (111122223333)`, `alice@example.com (Identity Center, AdminAccess)`. */
  display: string;
  /**
   * Stable identity key used to group calls by origin (`iam-user:arn:aws:iam::1:user/alice`, `root:1`,
   * `identity-center:alice@example.com`, `saml:<idp>:<subject>`, `aws-service:ec2.amazonaws.com`, …).
   */
  key: string;
  arn?: string;
  accountId?: string;
  principalId?: string;
  userName?: string;
  /** SAML / web identity: the IdP. */
  identityProvider?: string;
  /** Assumed role / Identity Center: the session name. */
  sessionName?: string;
  /** Identity Center: the permission set taken from `AWSReservedSSO_<PermissionSet>_<hex>`. */
  permissionSet?: string;
  /** AWS service: `invokedBy`. */
  invokedBy?: string;
  /** `sessionContext.sourceIdentity` when the record carried one. */
  sourceIdentity?: string;
  /** Set when `kind` is `unresolved`, or when the actor was derived from a hint (e.g. `sourceIdentity`). */
  unresolvedReason?: string;
}

/** Why a hop or a chain could not be resolved. */
export type UnresolvedCode =
  | 'missing-access-key'
  | 'issuing-event-not-found'
  | 'issuing-event-mismatch'
  | 'record-malformed'
  | 'lookup-failed'
  | 'hop-limit'
  | 'cycle'
  | 'unknown-identity';

/** One session in the chain: who obtained it, with which STS call. */
export interface Hop {
  /** The role (or federated-user) ARN of the session, e.g. `arn:aws:iam::1:role/OpsRole`. */
  roleArn?: string;
  roleName?: string;
  sessionName?: string;
  /** The account owning the role / session. */
  accountId?: string;
  /** The temporary access key of the session (`ASIA…`). */
  accessKeyId?: string;
  /** The STS call that issued the session (`AssumeRole`, `AssumeRoleWithSAML`, `AssumeRoleWithWebIdentity`, `GetFederationToken`, `IdentityCenter`). */
  via?: string;
  /** The issuing event (its `eventID`), when found. */
  issuingEventId?: string;
  /** `sharedEventID` of the issuing event (cross-account calls are logged in both accounts). */
  sharedEventId?: string;
  /** Who called the STS API. */
  caller?: Actor;
  /** `userIdentity.type` of the caller. */
  callerType?: string;
  time?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  /** `mfaAuthenticated` of the caller's session, when known. */
  mfa?: boolean;
  sourceIdentity?: string;
  /** The caller's account differs from the role's account. */
  crossAccount: boolean;
  status: 'resolved' | 'unresolved';
  unresolvedCode?: UnresolvedCode;
  unresolvedReason?: string;
}

/** The role chain of a change event, ordered from the origin to the session that made the change. */
export interface RoleChain {
  hops: Hop[];
  origin: Actor;
  /** True when every hop was resolved and the walk reached an origin principal. */
  complete: boolean;
  unresolvedReason?: string;
}

/** Through which interface a call was made (classified in the order Expel's AWS alert enrichment uses). */
export interface Interface {
  kind: 'console' | 'saml' | 'web-identity' | 'aws-service' | 'cli' | 'sdk' | 'unknown';
  /** The tool from the user agent (`aws-cli/2.15.0`, `Boto3/1.34.0`, `Terraform/1.7.0`) or the invoking service. */
  tool?: string;
  /** The field that decided the classification, for the report's tooltip. */
  evidence: string;
}

/** A privilege-escalation catalogue match. */
export interface Finding {
  /** Stable id: `privesc-<catalogue number>-<slug>`, e.g. `privesc-03-attach-managed-policy`. */
  id: string;
  /** The catalogue row number (1–20). */
  pattern: number;
  title: string;
  severity: Severity;
  /** The matched events' `eventID`s, in time order. */
  events: string[];
  kind: 'single' | 'sequence';
  outcome: 'succeeded' | 'denied';
  /** Why it matched (e.g. "policy grants iam:*", "invoke not observable"). */
  detail?: string;
}

/** One call in a summary list. */
export interface CallRef {
  eventId: string;
  time: string;
  eventSource: string;
  eventName: string;
  errorCode?: string;
  /** What the call acted on: `resources[0].ARN`, a name or ARN from `requestParameters`, or the denied call's `on resource:`. */
  target?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  region?: string;
}

/** Calls per service in one UTC hour. */
export interface ServiceHour {
  /** Start of the hour, ISO-8601 UTC (`2024-07-30T21:00:00.000Z`). */
  hour: string;
  eventSource: string;
  count: number;
}

/** What the origin principal did within the window around the change. */
export interface ActivitySummary {
  /** The window actually used, ISO-8601 UTC. */
  window: { from: string; to: string };
  /** Records attributed to the origin within the window, after de-duplication by `sharedEventID`. */
  totalCalls: number;
  servicesPerHour: ServiceHour[];
  /** `readOnly === false` and no `errorCode`. */
  writeCalls: CallRef[];
  /** Every call with an `errorCode` (denied ones included). */
  failedCalls: CallRef[];
  /** Calls failed with an authorisation error (`AccessDenied*`, `*UnauthorizedOperation`, `UnauthorizedException`). */
  deniedCalls: CallRef[];
  /** Successful calls without `readOnly` (old events): neither read nor write is claimed. */
  unclassifiedCalls: CallRef[];
  findings: Finding[];
  sourceIPs: string[];
  userAgents: string[];
  regions: string[];
  /** Records that could not be used (no readable time, …), with the reason. */
  skipped: { eventId: string; reason: string }[];
}
