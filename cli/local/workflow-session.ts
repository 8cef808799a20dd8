import type { Logger } from '@aws-lambda-powertools/logger';
import type { LaceworkApiKey } from '../../core/domain/lacework.schema';
import { loadEnv } from '../../core/platform/env';
import { StaticSecretSource } from '../../core/platform/secrets/static-secret-source';
import { createDeps, type Deps } from '../../lambdas/_shared/deps';
import { createLogger, type LogLevel } from '../../lambdas/_shared/logger';
import { loadScenario, type Sandbox, type Scenario, startSandbox } from '../../sandbox';
import { sandboxWiring } from './sandbox-wiring';

/** The dependencies of one local run and how to release them. `sandbox` is absent for live runs. */
export interface WorkflowSession {
  deps: Deps;
  sandbox?: Sandbox;
  close(): Promise<void>;
}

const SERVICE_NAME = 'aws-config-compliance';

/** What every local session can change: log level, Lambda environment values, and a Lacework key of the user's. */
export interface SessionOptions {
  logLevel: LogLevel;
  /** Overrides of Lambda environment values (e.g. REGION_CONCURRENCY, LACEWORK_ALERTS_FRAMEWORK). */
  envOverrides?: Record<string, string>;
  /** A Lacework API key from `-k` or the LW_* variables; it replaces the sandbox's or configures a live run's. */
  laceworkKey?: { key: LaceworkApiKey; source: string };
}

/** Name under which a session keeps the user's Lacework key (read like a Secrets Manager secret). */
const LOCAL_LACEWORK_SECRET = 'local/lacework-api-key';

/** Environment and overrides that make the adapters read the user's key (never logged: it lives in a SecretSource). */
const userKeyWiring = (laceworkKey: SessionOptions['laceworkKey']) =>
  laceworkKey
    ? {
        env: { LACEWORK_SECRET_NAME: LOCAL_LACEWORK_SECRET },
        secrets: new StaticSecretSource({ [LOCAL_LACEWORK_SECRET]: JSON.stringify(laceworkKey.key) }),
      }
    : undefined;

/**
 * Starts the sandbox seeded from a scenario (object or file path) and wires the real adapters to its loopback endpoints, exactly as
 * Lambda would be wired to AWS, but with static hub credentials and the regions the scenario names. `envOverrides`
 * overrides Lambda environment values (e.g. REGION_CONCURRENCY).
 */
export const openSandboxSession = async (
  scenarioOrPath: string | Scenario,
  options: SessionOptions,
): Promise<WorkflowSession> => {
  const scenario = typeof scenarioOrPath === 'string' ? await loadScenario(scenarioOrPath) : scenarioOrPath;
  const sandbox = await startSandbox(scenario);
  const wiring = sandboxWiring(sandbox);
  const userKey = userKeyWiring(options.laceworkKey);
  const env = loadEnv({
    POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
    ...wiring.env,
    ...userKey?.env,
    ...options.envOverrides,
  });
  const logger: Logger = createLogger(SERVICE_NAME, options.logLevel);
  const deps = createDeps(env, { ...wiring.overrides, ...(userKey ? { secrets: userKey.secrets } : {}), logger });
  return { deps, sandbox, close: () => sandbox.stop() };
};

export interface LiveSessionOptions extends SessionOptions {
  profile?: string;
  bucket: string;
  roleName: string;
  externalId: string;
  regions: string[];
}

/**
 * Wires the adapters to real AWS with the SDK's default credential chain (environment, SSO, profile): the laptop
 * equivalent of the Lambda role. `--profile` selects the profile through AWS_PROFILE, as the AWS CLI does.
 */
export const openLiveSession = async (options: LiveSessionOptions): Promise<WorkflowSession> => {
  if (options.profile) process.env.AWS_PROFILE = options.profile;
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const userKey = userKeyWiring(options.laceworkKey);
  const env = loadEnv({
    POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
    REPORT_BUCKET: options.bucket,
    MEMBER_ROLE_NAME: options.roleName,
    MEMBER_EXTERNAL_ID: options.externalId,
    REGIONS: (options.regions.length > 0 ? options.regions : [region]).join(','),
    AWS_REGION: region,
    ...userKey?.env,
    ...options.envOverrides,
  });
  const deps = createDeps(env, {
    logger: createLogger(SERVICE_NAME, options.logLevel),
    ...(userKey ? { secrets: userKey.secrets } : {}),
  });
  return { deps, close: async () => undefined };
};
