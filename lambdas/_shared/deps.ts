import type { Logger } from '@aws-lambda-powertools/logger';
import type { AwsCredentialIdentity } from '@smithy/types';
import { createAwsClientFactory } from '../../core/adapters/aws-clients';
import { createAwsConfigComplianceSourceFactory } from '../../core/adapters/aws-config-compliance-source';
import { OrganizationsAccountDirectory } from '../../core/adapters/organizations-account-directory';
import { S3ObjectStore } from '../../core/adapters/s3-object-store';
import { StsMemberAccess } from '../../core/adapters/sts-member-access';
import type { Env } from '../../core/config/env';
import type { Log } from '../../core/log';
import type { AccountDirectory } from '../../core/ports/account-directory.port';
import { type Clock, systemClock } from '../../core/ports/clock.port';
import type { ComplianceSourceFactory } from '../../core/ports/compliance-source.port';
import type { MemberAccess } from '../../core/ports/member-access.port';
import type { ObjectStore } from '../../core/ports/object-store.port';
import { createLogger, toLog } from './logger';

/** Everything the handlers need, built once per container (or once per local run). */
export interface Deps {
  env: Env;
  logger: Logger;
  /** The same logger behind core's Log interface. */
  log: Log;
  clock: Clock;
  store: ObjectStore;
  directory: AccountDirectory;
  access: MemberAccess;
  complianceSourceFor: ComplianceSourceFactory;
}

/** What a local run changes: endpoints of the sandbox and static hub credentials. Lambda passes none. */
export interface DepsOverrides {
  endpoints?: { s3?: string; aws?: string };
  hubCredentials?: AwsCredentialIdentity;
  logger?: Logger;
  clock?: Clock;
}

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
  });
  const logger = overrides.logger ?? createLogger(env.POWERTOOLS_SERVICE_NAME);
  return {
    env,
    logger,
    log: toLog(logger),
    clock: overrides.clock ?? systemClock,
    store: new S3ObjectStore(clients.s3(), env.REPORT_BUCKET),
    directory: new OrganizationsAccountDirectory(clients.organizations()),
    access: new StsMemberAccess(clients.sts(), { roleName: env.MEMBER_ROLE_NAME, externalId: env.MEMBER_EXTERNAL_ID }),
    complianceSourceFor: createAwsConfigComplianceSourceFactory(clients),
  };
};
