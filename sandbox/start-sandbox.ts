import type { LaceworkApiKey } from '../core/domain/lacework.schema';
import { LaceworkScenarioSchema } from './lacework-scenario.schema';
import { type NotifySandbox, type NotifySandboxOptions, startNotifySandbox } from './notify-sandbox';
import type { Scenario } from './scenario.schema';
import { startAwsServer } from './servers/aws-server';
import { CredentialRegistry, HUB_CREDENTIALS } from './servers/credentials';
import { FaultInjector } from './servers/faults';
import { startLaceworkServer } from './servers/lacework-api';
import { startS3Server } from './servers/s3-server';
import { ScenarioIndex } from './servers/scenario-index';
import { SandboxStats } from './servers/stats';

/** The report bucket the sandbox creates unless told otherwise. */
export const DEFAULT_SANDBOX_BUCKET = 'compliance-reports-sandbox';
/** The region the hub's clients use (Organizations and STS live there). */
export const SANDBOX_REGION = 'us-east-1';

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /**
   * Name of the report bucket to create in s3rver.
   * @default - `compliance-reports-sandbox`
   */
  bucket?: string;
  /**
   * The Lacework server's clock: token expiry and the default alert window (tests move it to expire tokens).
   * @default - the system clock
   */
  laceworkClock?: { now(): Date };
  /** Faults and settings of the Slack and Jira servers. @default - healthy servers, Jira project `SEC` */
  notify?: NotifySandboxOptions;
}

/** A running sandbox: endpoints and credentials to point the real SDK clients at, and call counters. */
export interface Sandbox {
  scenario: Scenario;
  /**
   * `s3`: s3rver; `aws`: the one URL for STS, Organizations and Config; `lacework`: the Lacework API v2 base URL
   * (pass it as `baseUrl` to LaceworkHttpApi; paths are under `/api/v2/`).
   */
  endpoints: { s3: string; aws: string; lacework: string };
  region: typeof SANDBOX_REGION;
  /** Static fake credentials of the hub: sign Organizations, STS AssumeRole and S3 calls with them. */
  hubCredentials: { accessKeyId: string; secretAccessKey: string };
  /** The management (hub) account: the first account of the scenario's organization. */
  hubAccountId: string;
  bucket: string;
  externalId: string;
  memberRoleName: string;
  /** Every region named in the scenario, sorted. */
  regions: string[];
  /** The Lacework side: the one API key the server accepts, and the frameworks a local run reports. */
  lacework: { key: LaceworkApiKey; frameworks: string[] };
  /** Slack (webhook and chat.postMessage) and Jira Cloud on loopback, with what they received. */
  notify: NotifySandbox;
  stats: SandboxStats;
  /** Stops every server and removes s3rver's directory. */
  stop(): Promise<void>;
}

/**
 * Starts the sandbox for a validated scenario: one loopback server speaking STS (query), Organizations and Config
 * (JSON 1.1), one speaking the Lacework API v2 (from the scenario's `lacework` section, empty when absent), Slack and
 * Jira servers, and s3rver with the report bucket. Config calls are attributed to the account whose AssumeRole issued
 * the signing key, and to the region of the SigV4 credential scope.
 *
 * @example
 * ```ts
 * const sandbox = await startSandbox(loadScenario('sandbox/scenarios/demo.json'));
 * const sts = new STSClient({ region: sandbox.region, endpoint: sandbox.endpoints.aws, credentials: sandbox.hubCredentials });
 * // ...
 * await sandbox.stop();
 * ```
 */
export const startSandbox = async (scenario: Scenario, options: SandboxOptions = {}): Promise<Sandbox> => {
  const bucket = options.bucket ?? DEFAULT_SANDBOX_BUCKET;
  const index = new ScenarioIndex(scenario);
  const hubAccountId = index.managementAccount?.Id ?? '000000000000';
  const stats = new SandboxStats();
  const aws = await startAwsServer({
    scenario,
    index,
    registry: new CredentialRegistry(hubAccountId),
    faults: new FaultInjector(scenario.faults),
    stats,
  });
  const lacework = LaceworkScenarioSchema.parse(scenario.lacework ?? {});
  const clock = options.laceworkClock;
  const laceworkServer = await startLaceworkServer({
    lacework,
    stats,
    now: clock ? () => clock.now().getTime() : Date.now,
  }).catch(async (error: unknown) => {
    await aws.close();
    throw error;
  });
  const s3 = await startS3Server(bucket).catch(async (error: unknown) => {
    await Promise.all([aws.close(), laceworkServer.close()]);
    throw error;
  });
  const notify = await startNotifySandbox(options.notify).catch(async (error: unknown) => {
    await Promise.all([aws.close(), laceworkServer.close(), s3.close()]);
    throw error;
  });
  return {
    scenario,
    endpoints: { s3: s3.url, aws: aws.url, lacework: laceworkServer.url },
    region: SANDBOX_REGION,
    hubCredentials: { ...HUB_CREDENTIALS },
    hubAccountId,
    bucket,
    externalId: scenario.externalId,
    memberRoleName: scenario.memberRoleName,
    regions: [...index.regions],
    lacework: { key: { ...lacework.apiKey }, frameworks: [...lacework.frameworks] },
    notify,
    stats,
    stop: async () => {
      await Promise.all([aws.close(), laceworkServer.close(), s3.close(), notify.stop()]);
    },
  };
};
