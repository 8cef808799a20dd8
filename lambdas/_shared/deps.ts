import { laceworkKeyFromSecret } from '../../core/lacework/adapters/lacework-credentials';
import { LaceworkHttpApi } from '../../core/lacework/adapters/lacework-http-api';
import type { LaceworkApi } from '../../core/lacework/lacework-api.port';
import type { AwsClientFactory } from '../../core/platform/aws/aws-clients';
import type { MemberAccess, MemberCredentials } from '../../core/platform/aws/member-access.port';
import { StsMemberAccess } from '../../core/platform/aws/sts-member-access';
import type { Env } from '../../core/platform/env';
import type { LinkSigner } from '../../core/platform/storage/link-signer.port';
import { S3LinkSigner } from '../../core/platform/storage/s3-link-signer';
import type { AccountDirectory } from '../../core/scan/account-directory.port';
import { createAwsConfigComplianceSourceFactory } from '../../core/scan/adapters/aws-config-compliance-source';
import { OrganizationsAccountDirectory } from '../../core/scan/adapters/organizations-account-directory';
import type { ComplianceSourceFactory } from '../../core/scan/compliance-source.port';
import { onceSucceeded } from '../../core/shared/once';
import { createCloudTrailLookupFactory } from '../../core/trace/adapters/aws-cloudtrail-lookup';
import { createConfigHistoryFactory } from '../../core/trace/adapters/aws-config-history';
import type { CloudTrailLookup } from '../../core/trace/cloudtrail-lookup.port';
import type { ConfigHistory } from '../../core/trace/config-history.port';
import { createPlatform, type Platform, type PlatformOverrides } from './platform';

/**
 * Everything the handlers need, built once per container (or once per local run): the platform (logger, clock, AWS
 * clients, secrets, the report bucket's store, HTTP and pacing seams) and the weekly report's adapters.
 */
export interface Deps extends Platform<Env> {
  env: Env;
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
  /** Lacework API v2 when LACEWORK_SECRET_NAME is set, built once from the secret; undefined when not configured. */
  lacework: () => Promise<LaceworkApi | undefined>;
}

/**
 * What a local run changes: endpoints of the sandbox, static hub credentials, local secrets, a sleep that does not
 * wait (Lacework retries, Slack and Jira retries and pacing) and the Lacework API's base URL. Lambda passes none.
 */
export interface DepsOverrides extends PlatformOverrides {
  /**
   * Base URL of the Lacework API (the sandbox's loopback server) instead of `https://<account>.lacework.net`.
   * @default - LACEWORK_API_BASE_URL, else the key's account
   */
  laceworkBaseUrl?: string;
}

/** CloudTrail and Config history clients per member account and region, built on first use. */
const traceSourcesFor = (clients: AwsClientFactory): Deps['traceSources'] => {
  const cloudTrail = createCloudTrailLookupFactory(clients);
  const configHistory = createConfigHistoryFactory(clients);
  return (accountId, region, credentials) => ({
    cloudTrail: cloudTrail({ accountId, region, credentials }),
    configHistory: configHistory({ accountId, region, credentials }),
  });
};

/**
 * The composition root of the weekly report's functions: the platform ({@link createPlatform}) and the adapters
 * built on its clients. Nothing in `core` creates a client or reads `process.env`.
 */
export const createDeps = (env: Env, overrides: DepsOverrides = {}): Deps => {
  const platform = createPlatform(env, overrides);
  const { clients, secrets, log } = platform;
  const laceworkSecret = env.LACEWORK_SECRET_NAME;
  const lacework = onceSucceeded(async () => {
    if (!laceworkSecret) return undefined;
    const key = await laceworkKeyFromSecret(secrets, laceworkSecret);
    return new LaceworkHttpApi({
      key,
      keySource: `secret ${laceworkSecret}`,
      baseUrl: overrides.laceworkBaseUrl ?? env.LACEWORK_API_BASE_URL,
      log,
      ...(overrides.sleep ? { sleep: overrides.sleep } : {}),
    });
  });
  return {
    ...platform,
    env,
    linkSigner: new S3LinkSigner(clients.s3(), env.REPORT_BUCKET),
    directory: new OrganizationsAccountDirectory(clients.organizations()),
    access: new StsMemberAccess(clients.sts(), { roleName: env.MEMBER_ROLE_NAME, externalId: env.MEMBER_EXTERNAL_ID }),
    complianceSourceFor: createAwsConfigComplianceSourceFactory(clients),
    traceSources: traceSourcesFor(clients),
    lacework,
  };
};
