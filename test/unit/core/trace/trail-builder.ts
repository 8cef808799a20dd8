import type { CloudTrailRecord, UserIdentity } from '../../../../core/trace/analysis/cloudtrail-record.schema';

/** alice, an IAM user with a long-term key (the default caller). */
export const ALICE: UserIdentity = {
  type: 'IAMUser',
  principalId: 'AIDAEXAMPLEALICE',
  arn: 'arn:aws:iam::111122223333:user/alice',
  accountId: '111122223333',
  accessKeyId: 'AKIAEXAMPLEALICE',
  userName: 'alice',
};

/** bob, another IAM user of the same account. */
export const BOB: UserIdentity = {
  ...ALICE,
  principalId: 'AIDAEXAMPLEBOB',
  arn: 'arn:aws:iam::111122223333:user/bob',
  accessKeyId: 'AKIAEXAMPLEBOB0',
  userName: 'bob',
};

const BASE_MS = Date.parse('2024-07-30T10:00:00Z');
let counter = 0;

/** Options of `call`. */
export interface CallOptions {
  /** Minutes after 2024-07-30T10:00:00Z (fixed clock). */
  at?: number;
  identity?: UserIdentity;
  readOnly?: boolean | undefined;
  responseElements?: Record<string, unknown> | null;
  extra?: Partial<CloudTrailRecord>;
}

/** A successful management call in the real CloudTrail shape. */
export const call = (
  eventSource: string,
  eventName: string,
  requestParameters: Record<string, unknown> | null,
  options: CallOptions = {},
): CloudTrailRecord => {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  const record: CloudTrailRecord = {
    eventVersion: '1.09',
    userIdentity: options.identity ?? ALICE,
    eventTime: new Date(BASE_MS + (options.at ?? 0) * 60_000).toISOString().replace('.000Z', 'Z'),
    eventSource,
    eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.10',
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.5 exe/x86_64.ubuntu.22 prompt/off',
    requestParameters,
    responseElements: options.responseElements === undefined ? null : options.responseElements,
    requestID: `req-${id}`,
    eventID: id,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    ...options.extra,
  };
  if (!('readOnly' in options)) record.readOnly = false;
  else if (options.readOnly !== undefined) record.readOnly = options.readOnly;
  return record;
};

/** The same call denied, as CloudTrail logs it: `errorCode`, `errorMessage`, and usually `null` parameters. */
export const denied = (record: CloudTrailRecord, keepParameters = false): CloudTrailRecord => {
  const service = record.eventSource.split('.')[0] ?? 'svc';
  const ec2 = service === 'ec2';
  const target = record.requestParameters?.roleArn;
  const resource = typeof target === 'string' ? ` on resource: ${target}` : '';
  return {
    ...record,
    errorCode: ec2 ? 'Client.UnauthorizedOperation' : 'AccessDenied',
    errorMessage: `User: ${record.userIdentity.arn ?? '?'} is not authorized to perform: ${service}:${record.eventName}${resource}`,
    requestParameters: keepParameters ? record.requestParameters : null,
    responseElements: null,
  };
};

/** The same call failed for a reason other than authorisation. */
export const failed = (record: CloudTrailRecord, errorCode: string): CloudTrailRecord => {
  return { ...record, errorCode, errorMessage: `${errorCode} (test)`, responseElements: null };
};

/** Shifts a record by minutes (fixed clock). */
export const at = (record: CloudTrailRecord, minutes: number): CloudTrailRecord => {
  return { ...record, eventTime: new Date(BASE_MS + minutes * 60_000).toISOString().replace('.000Z', 'Z') };
};
