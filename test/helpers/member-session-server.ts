import type { Scenario } from '../../sandbox/scenario.schema';
import { type RunningServer, startAwsServer } from '../../sandbox/servers/aws-server';
import { CloudTrailApi } from '../../sandbox/servers/cloudtrail-api';
import { CredentialRegistry } from '../../sandbox/servers/credentials';
import { FaultInjector } from '../../sandbox/servers/faults';
import { ScenarioIndex } from '../../sandbox/servers/scenario-index';
import { SandboxStats } from '../../sandbox/servers/stats';

/** The sandbox's AWS server for `scenario`, and member-role credentials of `accountId` it accepts. */
export interface MemberSessionServer {
  server: RunningServer;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

/**
 * Starts the sandbox's AWS server (Config, CloudTrail, STS, Organizations) with a ComplianceReader session already
 * issued for `accountId`, so a test can call member-account APIs without an AssumeRole round trip. `clock` drives
 * CloudTrail's 2-calls-per-second limit. Close `server` in afterAll.
 */
export const startMemberSessionServer = async (
  scenario: Scenario,
  accountId: string,
  clock?: () => number,
): Promise<MemberSessionServer> => {
  const index = new ScenarioIndex(scenario);
  const registry = new CredentialRegistry('111111111111');
  const credentials = registry.issue(accountId, 'ComplianceReader', 'test', 3600);
  const server = await startAwsServer({
    scenario,
    index,
    registry,
    faults: new FaultInjector(),
    stats: new SandboxStats(),
    ...(clock ? { cloudTrail: new CloudTrailApi(index, clock) } : {}),
  });
  return { server, credentials };
};
