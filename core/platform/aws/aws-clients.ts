import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { once } from '../../shared/once';
import { type PacingRate, RequestPacer } from '../../shared/request-pacer';
import type { MemberCredentials } from './member-access.port';
import { paceClient } from './pace-client';

/** Hub identity: static credentials or a provider. Omit it to use the SDK default chain (Lambda role / laptop profile). */
export type HubCredentials = NonNullable<STSClientConfig['credentials']>;

/** AWS allows 2 CloudTrail LookupEvents calls per second per account and region; a burst of 1 keeps every call under it. */
export const LOOKUP_EVENTS_RATE: PacingRate = { ratePerSecond: 2, burst: 1 };

/** Local endpoints (the sandbox); each one absent means the real AWS endpoint. */
export interface AwsEndpoints {
  /** S3 (s3rver): path-style addressing, checksums only when required. */
  s3?: string;
  /** STS, Organizations, Config and CloudTrail (the sandbox's AWS server). */
  aws?: string;
  /** DynamoDB (dynalite). */
  dynamodb?: string;
}

/** Options of {@link createAwsClientFactory}. */
export interface AwsClientFactoryOptions {
  /** Hub region (S3, STS, Secrets Manager, DynamoDB; Organizations is global and served from us-east-1). */
  region: string;
  /** Total attempts per call, including the first (SDK adaptive retry). */
  maxAttempts: number;
  /** @default - the real AWS endpoints */
  endpoints?: AwsEndpoints;
  /** Credentials of every hub client. @default - the SDK default credential chain */
  hubCredentials?: HubCredentials;
  /**
   * Client-side pacing of each member account+region's Config client (AWS Config meters each account and region on
   * its own and publishes no rate): with it a scan stays under the rate instead of paying the SDK's throttling
   * backoff (500 ms base) for every throttled call.
   * @default - no pacing (the SDK's adaptive retry only)
   */
  configRate?: PacingRate;
  /** Client-side pacing of each member account+region's CloudTrail client. @default {@link LOOKUP_EVENTS_RATE} */
  cloudTrailRate?: PacingRate;
}

/**
 * The clients the adapters need, built once per container. Hub clients are built on first use and kept; member
 * clients are memoised per service, account and region in one cache: when called with new credentials (a later
 * invocation re-assumed the role) the old client is destroyed and replaced.
 */
export interface AwsClientFactory {
  s3(): S3Client;
  sts(): STSClient;
  organizations(): OrganizationsClient;
  secretsManager(): SecretsManagerClient;
  /** The DynamoDB DocumentClient: `undefined` attributes dropped (optional fields), numbers as JS numbers. */
  dynamoDocument(): DynamoDBDocumentClient;
  /** The Config client of one member account and region, paced by `configRate` when set. */
  config(accountId: string, region: string, credentials: MemberCredentials): ConfigServiceClient;
  /** The CloudTrail client of one member account and region, paced by `cloudTrailRate`. */
  cloudTrail(accountId: string, region: string, credentials: MemberCredentials): CloudTrailClient;
}

/** The one per-account cache: `service accountId/region` → the client and the access key it signs with. */
const memberClientCache = () => {
  const clients = new Map<string, { accessKeyId: string; client: { destroy(): void } }>();
  return <C extends { destroy(): void }>(
    service: string,
    make: (region: string, credentials: MemberCredentials) => C,
  ): ((accountId: string, region: string, credentials: MemberCredentials) => C) =>
    (accountId, region, credentials) => {
      const key = `${service} ${accountId}/${region}`;
      const cached = clients.get(key);
      if (cached && cached.accessKeyId === credentials.accessKeyId) return cached.client as C;
      cached?.client.destroy();
      const client = make(region, credentials);
      clients.set(key, { accessKeyId: credentials.accessKeyId, client });
      return client;
    };
};

/**
 * Builds every AWS SDK client of the project with one retry policy (`retryMode: 'adaptive'`, `maxAttempts`) and, for
 * the sandbox, loopback endpoints. S3 against a local endpoint uses path-style addressing and checksums only when
 * required: flexible checksums on stream bodies would make s3rver store the aws-chunked framing in the object.
 *
 * @example
 * const clients = createAwsClientFactory({ region: env.AWS_REGION, maxAttempts: env.AWS_MAX_ATTEMPTS });
 * const store = new S3ObjectStore(clients.s3(), env.REPORT_BUCKET);
 */
export const createAwsClientFactory = (options: AwsClientFactoryOptions): AwsClientFactory => {
  const { region, maxAttempts, endpoints, hubCredentials, configRate } = options;
  const cloudTrailRate = options.cloudTrailRate ?? LOOKUP_EVENTS_RATE;
  const common = { maxAttempts, retryMode: 'adaptive' as const };
  const hub = { ...common, ...(hubCredentials ? { credentials: hubCredentials } : {}) };
  const aws = endpoints?.aws ? { endpoint: endpoints.aws } : {};
  const member = memberClientCache();

  return {
    s3: once(
      () =>
        new S3Client({
          ...hub,
          region,
          ...(endpoints?.s3
            ? {
                endpoint: endpoints.s3,
                forcePathStyle: true,
                requestChecksumCalculation: 'WHEN_REQUIRED',
                responseChecksumValidation: 'WHEN_REQUIRED',
              }
            : {}),
        }),
    ),
    sts: once(() => new STSClient({ ...hub, ...aws, region })),
    organizations: once(() => new OrganizationsClient({ ...hub, ...aws, region: 'us-east-1' })),
    secretsManager: once(() => new SecretsManagerClient({ ...hub, region })),
    dynamoDocument: once(() =>
      DynamoDBDocumentClient.from(
        new DynamoDBClient({ ...hub, region, ...(endpoints?.dynamodb ? { endpoint: endpoints.dynamodb } : {}) }),
        { marshallOptions: { removeUndefinedValues: true } },
      ),
    ),
    config: member('config', (memberRegion, credentials) => {
      const client = new ConfigServiceClient({ ...common, ...aws, region: memberRegion, credentials });
      if (configRate) paceClient(client, new RequestPacer(configRate));
      return client;
    }),
    cloudTrail: member('cloudtrail', (memberRegion, credentials) => {
      const client = new CloudTrailClient({ ...common, ...aws, region: memberRegion, credentials });
      paceClient(client, new RequestPacer(cloudTrailRate));
      return client;
    }),
  };
};
