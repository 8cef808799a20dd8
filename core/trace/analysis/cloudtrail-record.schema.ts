import { z } from 'zod';

/**
 * A CloudTrail record as LookupEvents returns it in the `CloudTrailEvent` string (fields:
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html). The
 * schema is LENIENT on purpose: real records are messy (identities without `arn` or `sessionContext`, anonymised IPs
 * such as `075.050.255.67` or `AWS Internal`, fake regions, `null` `requestParameters` on denied calls, unknown event
 * names). Only what every record carries is required: `eventID`, `eventTime`, `eventSource`, `eventName` and
 * `userIdentity.type`. Unknown keys pass through untouched at every level. Never validate `awsRegion` against a region
 * list or `sourceIPAddress` as an IP.
 */

/** Loose JSON object (unknown keys kept). */
const JsonObjectSchema = z.record(z.string(), z.unknown());

/** `sessionContext.sessionIssuer`: the role (AssumedRole) or the IAM user / root (FederatedUser). */
export const SessionIssuerSchema = z.looseObject({
  type: z.string().optional(),
  principalId: z.string().optional(),
  arn: z.string().optional(),
  accountId: z.string().optional(),
  userName: z.string().optional(),
});

/** `userIdentity.sessionContext`. `attributes.mfaAuthenticated` is the STRING `"true"`/`"false"`. */
export const SessionContextSchema = z.looseObject({
  sessionIssuer: SessionIssuerSchema.optional(),
  attributes: z
    .looseObject({
      creationDate: z.string().optional(),
      mfaAuthenticated: z.union([z.string(), z.boolean()]).optional(),
    })
    .optional(),
  /** Persists along a role chain when the first hop set it: the origin hint when hops are missing. */
  sourceIdentity: z.string().optional(),
  webIdFederationData: z
    .looseObject({ federatedProvider: z.string().optional(), attributes: JsonObjectSchema.optional() })
    .optional(),
});

/**
 * `userIdentity`. `type` is one of IAMUser, AssumedRole, FederatedUser, Root, SAMLUser, WebIdentityUser, AWSService,
 * AWSAccount, IdentityCenterUser, Directory, Unknown — kept as a string so new types parse.
 */
export const UserIdentitySchema = z.looseObject({
  type: z.string().min(1),
  principalId: z.string().optional(),
  arn: z.string().optional(),
  accountId: z.string().optional(),
  accessKeyId: z.string().optional(),
  userName: z.string().optional(),
  /** The service acting for the caller (`ec2.amazonaws.com`, `AWS Internal`, `signin.amazonaws.com`). */
  invokedBy: z.string().optional(),
  sessionContext: SessionContextSchema.optional(),
  /** SAMLUser / WebIdentityUser: the IdP (`accounts.google.com`, the SAML name qualifier). */
  identityProvider: z.string().optional(),
  /** Identity Center: the person behind the session (`userId`, `identityStoreArn`). */
  onBehalfOf: z.looseObject({ userId: z.string().optional(), identityStoreArn: z.string().optional() }).optional(),
});

/** One `resources[]` entry (the key is `ARN`, upper case). */
export const TrailResourceSchema = z.looseObject({
  ARN: z.string().optional(),
  accountId: z.string().optional(),
  type: z.string().optional(),
});

/** The CloudTrail record (lenient, see the file comment). */
export const CloudTrailRecordSchema = z.looseObject({
  eventVersion: z.string().optional(),
  userIdentity: UserIdentitySchema,
  /** ISO-8601 UTC; old docs show basic notation (`20131102T010628Z`): see `eventTimeMs`. */
  eventTime: z.string().min(1),
  eventSource: z.string().min(1),
  eventName: z.string().min(1),
  awsRegion: z.string().optional(),
  sourceIPAddress: z.string().optional(),
  userAgent: z.string().optional(),
  requestParameters: JsonObjectSchema.nullable().optional(),
  responseElements: JsonObjectSchema.nullable().optional(),
  additionalEventData: JsonObjectSchema.nullable().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  readOnly: z.boolean().optional(),
  eventType: z.string().optional(),
  eventCategory: z.string().optional(),
  managementEvent: z.boolean().optional(),
  recipientAccountId: z.string().optional(),
  sharedEventID: z.string().optional(),
  eventID: z.string().min(1),
  requestID: z.string().optional(),
  resources: z.array(TrailResourceSchema).optional(),
  tlsDetails: JsonObjectSchema.optional(),
  vpcEndpointId: z.string().optional(),
  /** The STRING `"true"` on calls made with console session credentials. */
  sessionCredentialFromConsole: z.union([z.string(), z.boolean()]).optional(),
});
/** A parsed CloudTrail record. */
export type CloudTrailRecord = z.infer<typeof CloudTrailRecordSchema>;
/** `userIdentity` of a record. */
export type UserIdentity = z.infer<typeof UserIdentitySchema>;

/** Outcome of parsing one record: never a throw. `eventId` is kept when it could be read, for "not traced" lists. */
export type CloudTrailParseResult =
  | { ok: true; record: CloudTrailRecord }
  | { ok: false; reason: string; eventId?: string };

/**
 * Parses a record given as the `CloudTrailEvent` JSON string or as an already-decoded object.
 *
 * @example
 * const r = parseCloudTrailRecord(item.CloudTrailEvent);
 * if (!r.ok) notTraced.push({ eventId: r.eventId, reason: r.reason });
 */
export const parseCloudTrailRecord = (input: unknown): CloudTrailParseResult => {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, reason: `record is not valid JSON: ${(error as Error).message}` };
    }
  }
  const result = CloudTrailRecordSchema.safeParse(value);
  if (result.success) return { ok: true, record: result.data };
  const eventId = readEventId(value);
  const reason = `record malformed: ${z.prettifyError(result.error).replaceAll('\n', '; ')}`;
  return eventId === undefined ? { ok: false, reason } : { ok: false, reason, eventId };
};

const readEventId = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as Record<string, unknown>).eventID;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

/**
 * Epoch milliseconds of an ISO-8601 instant, extended (`2024-07-30T21:31:15Z`) or basic (`20131102T010628Z`);
 * `undefined` when unreadable (never `NaN`).
 */
export const parseInstantMs = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  const text = basic ? `${basic[1]}-${basic[2]}-${basic[3]}T${basic[4]}:${basic[5]}:${basic[6]}Z` : value;
  // Date.parse alone is lenient (it reads "Jul 30, 2024, 9:46:15 PM?"): accept ISO-8601 instants only.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
};

/** Epoch milliseconds of the record's `eventTime`, or `undefined` when unreadable. */
export const eventTimeMs = (record: CloudTrailRecord): number | undefined => {
  return parseInstantMs(record.eventTime);
};
