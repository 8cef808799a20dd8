import type { CloudTrailRecord } from '../scenario.schema';
import { throttled } from './faults';
import { decodeToken, page } from './paging';
import type { ScenarioIndex } from './scenario-index';
import { AwsFault, toEpochSeconds } from './wire';

type Body = Record<string, unknown>;

/** The account and region a CloudTrail call acts on (from the SigV4 access key and credential scope). */
export interface CloudTrailTarget {
  accountId: string;
  region: string;
}

/** LookupEvents' lookup attribute keys (the API accepts exactly one attribute per call). */
export const LOOKUP_ATTRIBUTE_KEYS = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
] as const;
type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

/** LookupEvents' page size limit (and default). */
export const LOOKUP_EVENTS_MAX_RESULTS = 50;
/** AWS meters LookupEvents at 2 requests per second per account and region. */
export const LOOKUP_EVENTS_RATE_PER_SECOND = 2;

const BAD_TOKEN = 'InvalidNextTokenException';
const NAME_FIELDS = ['bucketName', 'roleName', 'userName', 'policyName', 'groupName', 'functionName', 'logGroupName'];

const asObject = (value: unknown): Body | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The `resources[]` of a record as LookupEvents reports them: type and name (the ARN when the record names one). */
const resourcesOf = (record: CloudTrailRecord): Array<{ ResourceType?: string; ResourceName?: string }> => {
  const listed = Array.isArray(record.resources) ? record.resources : [];
  const fromList = listed.flatMap((entry) => {
    const resource = asObject(entry);
    return resource === undefined ? [] : [{ ResourceType: text(resource.type), ResourceName: text(resource.ARN) }];
  });
  const params = asObject(record.requestParameters) ?? {};
  const named = NAME_FIELDS.flatMap((field) => {
    const value = text(params[field]);
    return value === undefined ? [] : [{ ResourceName: value }];
  });
  return [...fromList, ...named];
};

/** The `userName` LookupEvents indexes: the IAM user's name, or the role session name for an assumed role. */
const usernameOf = (record: CloudTrailRecord): string | undefined => {
  const identity = asObject(record.userIdentity) ?? {};
  const userName = text(identity.userName);
  if (userName !== undefined) return userName;
  const arn = text(identity.arn);
  return arn?.includes(':assumed-role/') || arn?.includes(':federated-user/') ? arn.split('/').pop() : undefined;
};

const lastSegment = (name: string): string => name.split(/[:/]/).pop() ?? name;

const matches = (record: CloudTrailRecord, key: LookupAttributeKey, value: string): boolean => {
  switch (key) {
    case 'EventId':
      return record.eventID === value;
    case 'EventName':
      return record.eventName === value;
    case 'EventSource':
      return record.eventSource === value;
    case 'ReadOnly':
      return String(record.readOnly ?? false) === value;
    case 'Username':
      return usernameOf(record) === value;
    case 'AccessKeyId':
      return text(asObject(record.userIdentity)?.accessKeyId) === value;
    case 'ResourceType':
      return resourcesOf(record).some((r) => r.ResourceType === value);
    case 'ResourceName':
      return resourcesOf(record).some(
        (r) => r.ResourceName !== undefined && (r.ResourceName === value || lastSegment(r.ResourceName) === value),
      );
  }
};

const wireEvent = (record: CloudTrailRecord): Body => {
  const identity = asObject(record.userIdentity) ?? {};
  const accessKeyId = text(identity.accessKeyId);
  const username = usernameOf(record);
  return {
    EventId: record.eventID,
    EventName: record.eventName,
    ReadOnly: String(record.readOnly ?? false),
    ...(accessKeyId === undefined ? {} : { AccessKeyId: accessKeyId }),
    EventTime: toEpochSeconds(record.eventTime),
    EventSource: record.eventSource,
    ...(username === undefined ? {} : { Username: username }),
    Resources: resourcesOf(record),
    CloudTrailEvent: JSON.stringify(record),
  };
};

const invalidAttributes = (message: string): AwsFault => new AwsFault('InvalidLookupAttributesException', message);

const parseAttribute = (body: Body): { key: LookupAttributeKey; value: string } | undefined => {
  const list = body.LookupAttributes;
  if (list === undefined || (Array.isArray(list) && list.length === 0)) return undefined;
  if (!Array.isArray(list) || list.length > 1) {
    throw invalidAttributes('You cannot specify more than one lookup attribute.');
  }
  const attribute = asObject(list[0]) ?? {};
  const key = attribute.AttributeKey;
  const value = attribute.AttributeValue;
  if (!LOOKUP_ATTRIBUTE_KEYS.includes(key as LookupAttributeKey)) {
    throw invalidAttributes(`Invalid AttributeKey: ${String(key)}`);
  }
  if (typeof value !== 'string' || value === '') throw invalidAttributes('AttributeValue must not be empty.');
  return { key: key as LookupAttributeKey, value };
};

const parseTime = (value: unknown, field: string): number | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw new AwsFault('InvalidTimeRangeException', `${field} is not a timestamp`);
  }
  return toEpochSeconds(value);
};

/**
 * CloudTrail `LookupEvents` (JSON 1.1, target `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101`), answered
 * from the scenario's `cloudTrailEvents` of the caller's account and region: one lookup attribute, StartTime/EndTime,
 * MaxResults 1–50, NextToken paging, newest first, and AWS's 2 requests per second per account and region
 * (a token bucket of 2; beyond it ThrottlingException).
 */
export class CloudTrailApi {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly index: ScenarioIndex,
    private readonly now: () => number = Date.now,
  ) {}

  /** Answers one CloudTrail operation. @throws AwsFault with the AWS error code */
  answer(operation: string, body: Body, target: CloudTrailTarget): Body {
    if (operation !== 'LookupEvents') {
      throw new AwsFault('UnknownOperationException', `the sandbox does not implement CloudTrail ${operation}`);
    }
    this.checkRate(target);
    return this.lookupEvents(body, target);
  }

  private checkRate(target: CloudTrailTarget): void {
    const key = `${target.accountId}/${target.region}`;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: LOOKUP_EVENTS_RATE_PER_SECOND, updatedAt: now };
    bucket.tokens = Math.min(
      LOOKUP_EVENTS_RATE_PER_SECOND,
      bucket.tokens + ((now - bucket.updatedAt) / 1000) * LOOKUP_EVENTS_RATE_PER_SECOND,
    );
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) throw throttled();
    bucket.tokens -= 1;
  }

  private lookupEvents(body: Body, target: CloudTrailTarget): Body {
    const attribute = parseAttribute(body);
    const start = parseTime(body.StartTime, 'StartTime');
    const end = parseTime(body.EndTime, 'EndTime');
    if (start !== undefined && end !== undefined && start > end) {
      throw new AwsFault('InvalidTimeRangeException', 'Start time must be earlier than end time.');
    }
    const max = body.MaxResults ?? LOOKUP_EVENTS_MAX_RESULTS;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > LOOKUP_EVENTS_MAX_RESULTS) {
      throw new AwsFault('InvalidMaxResultsException', 'Value for MaxResults is invalid: must be 1 to 50.');
    }
    const records = this.index.account(target.accountId)?.regions[target.region]?.cloudTrailEvents ?? [];
    const selected = records
      .filter((record) => attribute === undefined || matches(record, attribute.key, attribute.value))
      .filter((record) => {
        const time = toEpochSeconds(record.eventTime);
        return (start === undefined || time >= start) && (end === undefined || time <= end);
      })
      .sort((a, b) => toEpochSeconds(b.eventTime) - toEpochSeconds(a.eventTime));
    const scope = `lookup|${attribute?.key ?? '*'}=${attribute?.value ?? '*'}|${start ?? '*'}|${end ?? '*'}`;
    const { items, nextToken } = page(selected, decodeToken(body.NextToken, scope, BAD_TOKEN), max, scope);
    return { Events: items.map(wireEvent), ...(nextToken === undefined ? {} : { NextToken: nextToken }) };
  }
}
