import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Scenario } from '../scenario.schema';
import { CloudTrailApi } from './cloudtrail-api';
import { answerConfig, corruptConfigAnswer } from './config-api';
import type { CredentialRegistry } from './credentials';
import type { FaultInjector } from './faults';
import { HubRateLimiter } from './hub-rate-limits';
import { listenOnLoopback, type RunningServer } from './loopback';
import { answerOrganizations } from './organizations-api';
import type { ScenarioIndex } from './scenario-index';
import type { SandboxStats } from './stats';
import { answerSts } from './sts-api';
import { AwsFault, parseJsonBody, parseSigV4, readBody, sendJson, sendJsonFault, sendXml, sendXmlFault } from './wire';

/** What the AWS server answers from. */
export interface AwsServerDeps {
  scenario: Scenario;
  index: ScenarioIndex;
  registry: CredentialRegistry;
  faults: FaultInjector;
  stats: SandboxStats;
  /** @default - the scenario's `faults.hubRateLimit` */
  hubLimits?: HubRateLimiter;
  /** @default - a CloudTrail LookupEvents API over the scenario */
  cloudTrail?: CloudTrailApi;
}

export type { RunningServer } from './loopback';

const JSON_SERVICES: Record<string, string> = {
  StarlingDoveService: 'config',
  AWSOrganizationsV20161128: 'organizations',
  // The SDK sends `CloudTrail_20131101.<Op>`; the Smithy model names the long form.
  CloudTrail_20131101: 'cloudtrail',
  'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101': 'cloudtrail',
};

const unrecognized = (): AwsFault =>
  new AwsFault('UnrecognizedClientException', 'The security token included in the request is invalid.');

const handleJson = async (req: IncomingMessage, res: ServerResponse, target: string, deps: AwsServerDeps) => {
  const dot = target.lastIndexOf('.');
  const [prefix, operation] = [target.slice(0, Math.max(dot, 0)), target.slice(dot + 1)];
  const service = JSON_SERVICES[prefix] ?? 'unknown';
  deps.stats.recordCall(`${service}.${operation}`);
  try {
    const body = parseJsonBody(await readBody(req));
    await deps.faults.delay();
    const identity = parseSigV4(req.headers.authorization);
    const caller = deps.registry.resolve(identity?.accessKeyId);
    if (identity === undefined || caller === undefined) throw unrecognized();
    if (service === 'config') {
      deps.faults.checkConfigCall(caller.accountId, identity.region, { operation, body });
      const answer = corruptConfigAnswer(
        deps.faults.configCorruption(caller.accountId, operation),
        answerConfig(operation, body, { accountId: caller.accountId, region: identity.region }, deps.index),
      );
      if (typeof answer === 'string') res.writeHead(200, { 'content-type': 'text/html' }).end(answer);
      else sendJson(res, 200, answer);
    } else if (service === 'cloudtrail' && deps.cloudTrail) {
      sendJson(
        res,
        200,
        deps.cloudTrail.answer(operation, body, { accountId: caller.accountId, region: identity.region }),
      );
    } else if (service === 'organizations') {
      deps.hubLimits?.check('organizations', caller);
      sendJson(res, 200, answerOrganizations(operation, body, caller, deps.index, deps.scenario.faults ?? {}));
    } else {
      throw new AwsFault('UnknownOperationException', `the sandbox does not serve ${target}`);
    }
  } catch (error) {
    const fault = error instanceof AwsFault ? error : new AwsFault('InternalFailure', String(error), 500);
    deps.stats.recordError(service, operation, fault.code);
    sendJsonFault(res, fault);
  }
};

const handleQuery = async (req: IncomingMessage, res: ServerResponse, deps: AwsServerDeps) => {
  const params = new URLSearchParams(await readBody(req));
  const action = params.get('Action') ?? 'Unknown';
  deps.stats.recordCall(`sts.${action}`);
  try {
    await deps.faults.delay();
    const caller = deps.registry.resolve(parseSigV4(req.headers.authorization)?.accessKeyId);
    if (caller === undefined) {
      throw new AwsFault('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
    }
    deps.hubLimits?.check('sts', caller);
    sendXml(res, 200, answerSts(params, caller, deps.scenario, deps.index, deps.registry));
  } catch (error) {
    const fault = error instanceof AwsFault ? error : new AwsFault('InternalFailure', String(error), 500);
    deps.stats.recordError('sts', action, fault.code);
    sendXmlFault(res, fault);
  }
};

/**
 * Starts ONE `node:http` server on 127.0.0.1 (a free port) for STS, Organizations, Config and CloudTrail, routed by protocol:
 * `x-amz-target` (JSON 1.1) picks Config, CloudTrail or Organizations; a form body picks the STS query protocol.
 */
export const startAwsServer = async (options: AwsServerDeps): Promise<RunningServer> => {
  const deps = {
    ...options,
    hubLimits: options.hubLimits ?? new HubRateLimiter(options.scenario.faults?.hubRateLimit),
    cloudTrail: options.cloudTrail ?? new CloudTrailApi(options.index),
  };
  const server: Server = createServer((req, res) => {
    const target = req.headers['x-amz-target'];
    const done =
      typeof target === 'string'
        ? handleJson(req, res, target, deps)
        : req.method === 'POST'
          ? handleQuery(req, res, deps)
          : Promise.resolve(
              sendJsonFault(res, new AwsFault('UnknownOperationException', 'expected an AWS API POST', 404)),
            );
    done.catch((error: unknown) => {
      if (!res.headersSent) sendJsonFault(res, new AwsFault('InternalFailure', String(error), 500));
    });
  });
  return listenOnLoopback(server);
};
