import type { CloudTrailRecord } from './cloudtrail-record.schema';

/**
 * Error codes of authorisation failures (`AccessDenied`, `AccessDeniedException`, EC2's `Client.UnauthorizedOperation`,
 * `UnauthorizedException`, …); everything else with an `errorCode` (`NoSuchBucket`, `ValidationException`, …) is just
 * failed.
 */
const DENIED =
  /^(AccessDenied|(Client\.)?UnauthorizedOperation$|UnauthorizedException$|UnauthorizedAccess|AuthorizationError)/;

/** True when the call failed with an authorisation error (`AccessDenied*`, `Client.UnauthorizedOperation`, …). */
export const isDenied = (record: CloudTrailRecord): boolean => {
  return record.errorCode !== undefined && DENIED.test(record.errorCode);
};

/** True when the call failed (an `errorCode` is present). Success is NEVER judged by `responseElements`. */
export const isFailed = (record: CloudTrailRecord): boolean => {
  return record.errorCode !== undefined && record.errorCode !== '';
};

/** True for a successful write: `readOnly === false` and no `errorCode`. Never judged by the event-name prefix. */
export const isWrite = (record: CloudTrailRecord): boolean => {
  return record.readOnly === false && !isFailed(record);
};

/**
 * The event name without API-version suffixes (`CreateFunction20150331` → `CreateFunction`,
 * `UpdateFunctionCode20150331v2` → `UpdateFunctionCode`, `CreateFunction2020_05_31` → `CreateFunction`).
 * Use it for matching only; show the raw name.
 */
export const normalizedEventName = (record: CloudTrailRecord): string => {
  return record.eventName.replace(/(\d{8}(v\d+)?|\d{4}_\d{2}_\d{2})$/, '');
};

/** A string field of `requestParameters` (absent, null or non-string → `undefined`). */
export const param = (record: CloudTrailRecord, key: string): string | undefined => {
  const value = record.requestParameters?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** A field of `requestParameters` of any type. */
export const rawParam = (record: CloudTrailRecord, key: string): unknown => {
  return record.requestParameters?.[key];
};

/** The last segment of a name or ARN (`arn:aws:lambda:…:function:fn` → `fn`, `family:3` → `family` with `sep` ':'). */
export const lastSegment = (value: string | undefined, sep = '/'): string | undefined => {
  if (value === undefined) return undefined;
  const tail = value.split(sep).pop();
  return tail === '' ? undefined : tail;
};

const TARGET_PARAMS = [
  'roleArn',
  'policyArn',
  'roleName',
  'userName',
  'groupName',
  'bucketName',
  'functionName',
  'instanceId',
  'stackName',
  'name',
] as const;

/**
 * What a call acted on, for the report's lists: `resources[0].ARN`, else the first known name or ARN parameter, else
 * the `on resource: arn:…` of a denied call's `errorMessage` (its parameters are often dropped).
 */
export const callTarget = (record: CloudTrailRecord): string | undefined => {
  const fromResources = record.resources?.find((r) => r.ARN !== undefined)?.ARN;
  if (fromResources !== undefined) return fromResources;
  for (const key of TARGET_PARAMS) {
    const value = param(record, key);
    if (value !== undefined) return value;
  }
  return /on resource: (arn:\S+)/.exec(record.errorMessage ?? '')?.[1];
};
