import type { Logger } from '@aws-lambda-powertools/logger';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { AwsCredentialIdentity } from '@smithy/types';
import { laceworkKeyFromSecret } from '../../core/lacework/adapters/lacework-credentials';
import { LaceworkHttpApi } from '../../core/lacework/adapters/lacework-http-api';
import type { LaceworkApi } from '../../core/lacework/lacework-api.port';
import { createAwsClientFactory } from '../../core/platform/aws/aws-clients';
import type { MemberAccess, MemberCredentials } from '../../core/platform/aws/member-access.port';
import { StsMemberAccess } from '../../core/platform/aws/sts-member-access';
import { type Clock, systemClock } from '../../core/platform/clock.port';
import type { Env } from '../../core/platform/env';
import type { SecretSource } from '../../core/platform/secrets/secret-source.port';
import { SecretsManagerSecretSource } from '../../core/platform/secrets/secrets-manager-secret-source';
import type { LinkSigner } from '../../core/platform/storage/link-signer.port';
import type { ObjectStore } from '../../core/platform/storage/object-store.port';
import { S3LinkSigner } from '../../core/platform/storage/s3-link-signer';
import { S3ObjectStore } from '../../core/platform/storage/s3-object-store';
import type { AccountDirectory } from '../../core/scan/account-directory.port';
import { createAwsConfigComplianceSourceFactory } from '../../core/scan/adapters/aws-config-compliance-source';
import { OrganizationsAccountDirectory } from '../../core/scan/adapters/organizations-account-directory';
import type { ComplianceSourceFactory } from '../../core/scan/compliance-source.port';
import type { Log } from '../../core/shared/log';
import { createCloudTrailLookupFactory } from '../../core/trace/adapters/aws-cloudtrail-lookup';
import { createConfigHistoryFactory } from '../../core/trace/adapters/aws-config-history';
import type { CloudTrailLookup } from '../../core/trace/cloudtrail-lookup.port';
import type { ConfigHistory } from '../../core/trace/config-history.port';
import { createLogger, toLog } from './logger';

/** Everything the handlers need, built once per container (or once per local run). */
export interface Deps {
  env: Env;
  logger: Logger;
  /** The same logger behind core's Log interface. */
  log: Log;
  clock: Clock;
  store: ObjectStore;
  /** Presigned links to report objects (for Slack and Jira). */
  linkSigner: LinkSigner;
  directory: AccountDirectory;
  access: MemberAccess;
  complianceSourceFor: ComplianceSourceFactory;
  /** CloudTrail (paced at 2 LookupEvents/s) and Config history of a member account and region (Trace changes). */
  traceSources: (
    accountId: string,
    region: string,
    credentials: MemberCredentials,
  ) => { cloudTrail: CloudTrailLookup; configHistory: ConfigHistory };
  /** Secrets by name, read at run time (Secrets Manager in AWS). */
  secrets: SecretSource;
  /** Lacework API v2 when LACEWORK_SECRET_NAME is set, built once from the secret; undefined when not configured. */
  lacework: () => Promise<LaceworkApi | undefined>;
}

/** What a local run changes: endpoints of the sandbox and static hub credentials. Lambda passes none. */
export interface DepsOverrides {
  endpoints?: { s3?: string; aws?: string };
  hubCredentials?: AwsCredentialIdentity;
  logger?: Logger;
  clock?: Clock;
  /** Local secrets (the sandbox's Lacework key, a key file) instead of Secrets Manager. */
  secrets?: SecretSource;
  /** Base URL of the Lacework API (the sandbox's loopback server) instead of `https://<account>.lacework.net`. */
  laceworkBaseUrl?: string;
  /** How the Lacework client waits between attempts (tests: not at all). @default - a real timer */
  sleep?: (ms: number) => Promise<void>;
}

/** CloudTrail and Config history clients per member account and region, built on first use. */
const traceSourcesFor = (
  clients: ReturnType<typeof createAwsClientFactory>,
  maxAttempts: number,
  endpoint: string | undefined,
): Deps['traceSources'] => {
  const cloudTrail = createCloudTrailLookupFactory({ maxAttempts, ...(endpoint ? { endpoint } : {}) });
  const configHistory = createConfigHistoryFactory(clients);
  return (accountId, region, credentials) => ({
    cloudTrail: cloudTrail({ accountId, region, credentials }),
    configHistory: configHistory({ accountId, region, credentials }),
  });
};

/** Memoises a successful promise; a failure is not kept, so the next invocation tries again. */
const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= make().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
};

/**
 * The composition root: SDK clients (adaptive retry, `AWS_MAX_ATTEMPTS`), adapters and logger. Nothing in `core`
 * creates a client or reads `process.env`; this is the one place that does.
 */
export const createDeps = (env: Env, overrides: DepsOverrides = {}): Deps => {
  const clients = createAwsClientFactory({
    region: env.AWS_REGION,
    maxAttempts: env.AWS_MAX_ATTEMPTS,
    endpoints: overrides.endpoints,
    hubCredentials: overrides.hubCredentials,
    ...(env.CONFIG_MAX_REQUESTS_PER_SECOND
      ? {
          configRate: {
            ratePerSecond: env.CONFIG_MAX_REQUESTS_PER_SECOND,
            burst: Math.max(1, Math.ceil(env.CONFIG_MAX_REQUESTS_PER_SECOND)),
          },
        }
      : {}),
  });
  const logger = overrides.logger ?? createLogger(env.POWERTOOLS_SERVICE_NAME);
  const log = toLog(logger);
  const secrets =
    overrides.secrets ??
    new SecretsManagerSecretSource(
      new SecretsManagerClient({ region: env.AWS_REGION, maxAttempts: env.AWS_MAX_ATTEMPTS }),
    );
  const laceworkSecret = env.LACEWORK_SECRET_NAME;
  const lacework = once(async () => {
    if (!laceworkSecret) return undefined;
    const key = await laceworkKeyFromSecret(secrets, laceworkSecret);
    return new LaceworkHttpApi({
      key,
      keySource: `secret ${laceworkSecret}`,
      baseUrl: overrides.laceworkBaseUrl,
      log,
      ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
    });
  });
  return {
    env,
    logger,
    log,
    clock: overrides.clock ?? systemClock,
    store: new S3ObjectStore(clients.s3(), env.REPORT_BUCKET),
    linkSigner: new S3LinkSigner(clients.s3(), env.REPORT_BUCKET),
    directory: new OrganizationsAccountDirectory(clients.organizations()),
    access: new StsMemberAccess(clients.sts(), { roleName: env.MEMBER_ROLE_NAME, externalId: env.MEMBER_EXTERNAL_ID }),
    complianceSourceFor: createAwsConfigComplianceSourceFactory(clients),
    traceSources: traceSourcesFor(clients, env.AWS_MAX_ATTEMPTS, overrides.endpoints?.aws),
    secrets,
    lacework,
  };
};
