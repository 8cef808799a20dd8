import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient, type STSClientConfig } from '@aws-sdk/client-sts';
import { type PacingRate, paceClient, RequestPacer } from '../../shared/request-pacer';
import type { MemberCredentials } from './member-access.port';

/** Hub identity: static credentials or a provider. Omit it to use the SDK default chain (Lambda role / laptop profile). */
export type HubCredentials = NonNullable<STSClientConfig['credentials']>;

/** Options of {@link createAwsClientFactory}. */
export interface AwsClientFactoryOptions {
  /** Hub region (S3, STS; Organizations is global and served from us-east-1). */
  region: string;
  /** Total attempts per call, including the first (SDK adaptive retry). */
  maxAttempts: number;
  /**
   * Local endpoints (the sandbox). `aws` serves STS, Organizations and Config; `s3` serves S3.
   * @default - the real AWS endpoints
   */
  endpoints?: { s3?: string; aws?: string };
  /** @default - the SDK default credential chain */
  hubCredentials?: HubCredentials;
  /**
   * Client-side pacing of each member account+region's Config client (AWS Config meters each account and region on
   * its own and publishes no rate): with it a scan stays under the rate instead of paying the SDK's throttling
   * backoff (500 ms base) for every throttled call.
   * @default - no pacing (the SDK's adaptive retry only)
   */
  configRate?: PacingRate;
}

/** The clients the adapters need, built once per container. */
export interface AwsClientFactory {
  s3(): S3Client;
  sts(): STSClient;
  organizations(): OrganizationsClient;
  /**
   * The Config client of one member account and region. Memoised per account and region; when called with new
   * credentials (a later invocation re-assumed the role) the old client is destroyed and replaced.
   */
  config(accountId: string, region: string, credentials: MemberCredentials): ConfigServiceClient;
}

const once = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
};

/**
 * Builds the AWS SDK clients with one retry policy (`retryMode: 'adaptive'`, `maxAttempts`) and, for the sandbox,
 * loopback endpoints with path-style S3 and checksums only when required (with the SDK's default flexible checksums,
 * s3rver stores the aws-chunked framing of a stream body inside the object).
 *
 * @example
 * const clients = createAwsClientFactory({ region: env.AWS_REGION, maxAttempts: env.AWS_MAX_ATTEMPTS });
 * const store = new S3ObjectStore(clients.s3(), env.REPORT_BUCKET);
 */
export const createAwsClientFactory = (options: AwsClientFactoryOptions): AwsClientFactory => {
  const { region, maxAttempts, endpoints, hubCredentials, configRate } = options;
  const common = { maxAttempts, retryMode: 'adaptive' as const };
  const hub = hubCredentials ? { credentials: hubCredentials } : {};
  const aws = endpoints?.aws ? { endpoint: endpoints.aws } : {};
  const configClients = new Map<string, { credentials: MemberCredentials; client: ConfigServiceClient }>();

  return {
    s3: once(
      () =>
        new S3Client({
          ...common,
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
    sts: once(() => new STSClient({ ...common, ...hub, ...aws, region })),
    organizations: once(() => new OrganizationsClient({ ...common, ...hub, ...aws, region: 'us-east-1' })),
    config(accountId, memberRegion, credentials) {
      const key = `${accountId}/${memberRegion}`;
      const cached = configClients.get(key);
      if (cached && cached.credentials.accessKeyId === credentials.accessKeyId) return cached.client;
      cached?.client.destroy();
      const client = new ConfigServiceClient({ ...common, ...aws, region: memberRegion, credentials });
      if (configRate) paceClient(client, new RequestPacer(configRate));
      configClients.set(key, { credentials, client });
      return client;
    },
  };
};
