import type { Logger } from '@aws-lambda-powertools/logger';
import type { AwsCredentialIdentity } from '@smithy/types';
import { type AwsClientFactory, type AwsEndpoints, createAwsClientFactory } from '../../core/platform/aws/aws-clients';
import { ChannelPacer } from '../../core/platform/chat/channel-pacer';
import { type Clock, systemClock } from '../../core/platform/clock.port';
import type { HttpCaller } from '../../core/platform/http/http-transport';
import type { RetryPolicy } from '../../core/platform/http/retry-policy';
import type { SecretSource } from '../../core/platform/secrets/secret-source.port';
import { SecretsManagerSecretSource } from '../../core/platform/secrets/secrets-manager-secret-source';
import type { ObjectStore } from '../../core/platform/storage/object-store.port';
import { S3ObjectStore } from '../../core/platform/storage/s3-object-store';
import type { Log } from '../../core/shared/log.port';
import { realSleep, type Sleep } from '../../core/shared/sleep';
import { createLogger, toLog } from './logger';

/** The settings the platform reads; both the weekly report's and the compliance events' environments have them. */
export interface PlatformEnv {
  POWERTOOLS_SERVICE_NAME: string;
  AWS_REGION: string;
  AWS_MAX_ATTEMPTS: number;
  /** Client-side pacing of each member account+region's Config calls; unset: none. */
  CONFIG_MAX_REQUESTS_PER_SECOND?: number | undefined;
  /** DynamoDB endpoint (dynalite locally); unset in AWS. */
  DYNAMODB_ENDPOINT?: string | undefined;
  /** The report bucket; {@link Platform.store} is built on it when set. */
  REPORT_BUCKET?: string | undefined;
}

/** What a local run or a test changes; Lambda passes none. */
export interface PlatformOverrides {
  /** Endpoints of the sandbox (DynamoDB: DYNAMODB_ENDPOINT when not given here). @default - the real AWS endpoints */
  endpoints?: AwsEndpoints;
  /** Static credentials of the hub clients (the sandbox's). @default - the SDK default credential chain */
  hubCredentials?: AwsCredentialIdentity;
  /** @default - a Powertools logger for POWERTOOLS_SERVICE_NAME */
  logger?: Logger;
  /** @default - the system clock */
  clock?: Clock;
  /** Local secrets (the sandbox's Lacework key, Slack and Jira secrets) instead of Secrets Manager. */
  secrets?: SecretSource;
  /** How the HTTP adapters send. @default - the global fetch */
  fetch?: typeof fetch;
  /** How retries and the channel pacer wait (tests: not at all). @default - a real timer */
  sleep?: Sleep;
  /** Retry policy of the Slack and Jira adapters. @default - DEFAULT_RETRY_POLICY (4 attempts) */
  retryPolicy?: Partial<RetryPolicy>;
}

/** The report bucket's store: always there when the environment requires REPORT_BUCKET, else only when it is set. */
export type PlatformStore<E extends PlatformEnv> = E extends { REPORT_BUCKET: string }
  ? ObjectStore
  : ObjectStore | undefined;

/** The plumbing every composition root builds on, built once per container (or once per local run). */
export interface Platform<E extends PlatformEnv = PlatformEnv> {
  logger: Logger;
  /** The same logger behind core's Log interface. */
  log: Log;
  clock: Clock;
  /** Every AWS SDK client, one retry policy, one per-account cache. */
  clients: AwsClientFactory;
  /** Secrets by name, read at run time (Secrets Manager in AWS). */
  secrets: SecretSource;
  /** The report bucket (S3). */
  store: PlatformStore<E>;
  sleep: Sleep;
  fetch: typeof fetch;
  /** One per container: keeps posts ≤ 1/s per Slack channel across warm invocations. */
  pacer: ChannelPacer;
  /** What an HTTP adapter (Slack, Jira) gets injected, named by its service for errors. */
  http: (service: string) => HttpCaller;
}

/**
 * Builds the platform from the settings: the logger, the clock, the AWS clients (adaptive retry, `AWS_MAX_ATTEMPTS`,
 * sandbox endpoints), the secret source, the report bucket's store, and the HTTP and pacing seams. Nothing in `core`
 * creates a client or reads `process.env`; the composition roots build on this.
 *
 * @example const platform = createPlatform(loadEnv());
 */
export const createPlatform = <E extends PlatformEnv>(env: E, overrides: PlatformOverrides = {}): Platform<E> => {
  const rate = env.CONFIG_MAX_REQUESTS_PER_SECOND;
  const dynamodb = overrides.endpoints?.dynamodb ?? env.DYNAMODB_ENDPOINT;
  const clients = createAwsClientFactory({
    region: env.AWS_REGION,
    maxAttempts: env.AWS_MAX_ATTEMPTS,
    endpoints: { ...overrides.endpoints, ...(dynamodb ? { dynamodb } : {}) },
    hubCredentials: overrides.hubCredentials,
    ...(rate ? { configRate: { ratePerSecond: rate, burst: Math.max(1, Math.ceil(rate)) } } : {}),
  });
  const logger = overrides.logger ?? createLogger(env.POWERTOOLS_SERVICE_NAME);
  const log = toLog(logger);
  const clock = overrides.clock ?? systemClock;
  const sleep = overrides.sleep ?? realSleep;
  const fetchFn: typeof fetch = overrides.fetch ?? ((input, init) => fetch(input, init));
  const http = (service: string): HttpCaller => ({
    fetch: fetchFn,
    sleep,
    service,
    log,
    ...(overrides.retryPolicy ? { policy: overrides.retryPolicy } : {}),
  });
  return {
    logger,
    log,
    clock,
    clients,
    secrets: overrides.secrets ?? new SecretsManagerSecretSource(clients.secretsManager()),
    store: (env.REPORT_BUCKET ? new S3ObjectStore(clients.s3(), env.REPORT_BUCKET) : undefined) as PlatformStore<E>,
    sleep,
    fetch: fetchFn,
    pacer: new ChannelPacer(clock, sleep),
    http,
  };
};
