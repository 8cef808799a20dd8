import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { ExecutionRegistry } from '../sfn/execution-registry';
import type { RunningServer } from './aws-server';
import { listenOnLoopback } from './loopback';
import { answerStepFunctions } from './sfn-api';
import type { SandboxStats } from './stats';
import { AwsFault, parseJsonBody, parseSigV4, readBody } from './wire';

/** The `x-amz-target` prefix of the Step Functions API (`AWSStepFunctions.StartExecution`). */
export const SFN_TARGET_PREFIX = 'AWSStepFunctions.';
const JSON_1_0 = 'application/x-amz-json-1.0';

const send = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': JSON_1_0,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(text);
};

/**
 * Starts a loopback server (127.0.0.1, a free port) speaking the Step Functions API over AWS JSON 1.0: a POST with
 * `x-amz-target: AWSStepFunctions.<Op>` and a SigV4-signed JSON body, answered from `registry`; errors as
 * `{"__type": "<error name>", "message": …}` with HTTP 400 (500 for the sandbox's own faults).
 */
export const startSfnServer = async (deps: {
  registry: ExecutionRegistry;
  stats?: SandboxStats;
}): Promise<RunningServer> => {
  const server = createServer((req, res) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(SFN_TARGET_PREFIX) ? target.slice(SFN_TARGET_PREFIX.length) : target;
    deps.stats?.recordCall(`sfn.${operation}`);
    const answer = async () => {
      if (req.method !== 'POST' || !target.startsWith(SFN_TARGET_PREFIX)) {
        throw new AwsFault(
          'UnknownOperationException',
          `expected a POST with x-amz-target ${SFN_TARGET_PREFIX}<Op>, got ${req.method} "${target}"`,
        );
      }
      const body = parseJsonBody(await readBody(req));
      if (parseSigV4(req.headers.authorization) === undefined) {
        throw new AwsFault('UnrecognizedClientException', 'The security token included in the request is invalid.');
      }
      return answerStepFunctions(operation, body, deps.registry);
    };
    answer().then(
      (body) => send(res, 200, body),
      (error: unknown) => {
        const fault = error instanceof AwsFault ? error : new AwsFault('InternalFailure', String(error), 500);
        deps.stats?.recordError('sfn', operation, fault.code);
        if (!res.headersSent) send(res, fault.status, { __type: fault.code, message: fault.message });
      },
    );
  });
  return listenOnLoopback(server);
};
