import type { Logger } from '@aws-lambda-powertools/logger';
import { loadEnv } from '../../core/config/env';
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

/**
 * Starts the sandbox seeded from a scenario (object or file path) and wires the real adapters to its loopback endpoints, exactly as
 * Lambda would be wired to AWS, but with static hub credentials and the regions the scenario names. `envOverrides`
 * overrides Lambda environment values (e.g. REGION_CONCURRENCY).
 */
export const openSandboxSession = async (
  scenarioOrPath: string | Scenario,
  logLevel: LogLevel,
  envOverrides: Record<string, string> = {},
): Promise<WorkflowSession> => {
  const scenario = typeof scenarioOrPath === 'string' ? await loadScenario(scenarioOrPath) : scenarioOrPath;
  const sandbox = await startSandbox(scenario);
  const wiring = sandboxWiring(sandbox);
  const env = loadEnv({ POWERTOOLS_SERVICE_NAME: SERVICE_NAME, ...wiring.env, ...envOverrides });
  const logger: Logger = createLogger(SERVICE_NAME, logLevel);
  const deps = createDeps(env, { ...wiring.overrides, logger });
  return { deps, sandbox, close: () => sandbox.stop() };
};

export interface LiveSessionOptions {
  profile?: string;
  bucket: string;
  roleName: string;
  externalId: string;
  regions: string[];
  logLevel: LogLevel;
}

/**
 * Wires the adapters to real AWS with the SDK's default credential chain (environment, SSO, profile): the laptop
 * equivalent of the Lambda role. `--profile` selects the profile through AWS_PROFILE, as the AWS CLI does.
 */
export const openLiveSession = async (options: LiveSessionOptions): Promise<WorkflowSession> => {
  if (options.profile) process.env.AWS_PROFILE = options.profile;
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const env = loadEnv({
    POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
    REPORT_BUCKET: options.bucket,
    MEMBER_ROLE_NAME: options.roleName,
    MEMBER_EXTERNAL_ID: options.externalId,
    REGIONS: (options.regions.length > 0 ? options.regions : [region]).join(','),
    AWS_REGION: region,
  });
  const deps = createDeps(env, { logger: createLogger(SERVICE_NAME, options.logLevel) });
  return { deps, close: async () => undefined };
};
