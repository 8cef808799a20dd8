import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';

/** What one invocation of a bundle answered, as the Lambda runtime would report it. */
export type BundleOutcome =
  | { ok: true; result: unknown; logs: string }
  | {
      ok: false;
      /** `init`: loading the bundle failed (a bad require, a throw at module level); `invoke`: the handler threw. */
      phase: 'init' | 'invoke';
      errorType: string;
      errorMessage: string;
      stack?: string;
      logs: string;
    };

/** Options of {@link invokeBundle}. */
export interface InvokeBundleOptions {
  /** The bundle's file (`asset.<hash>/index.js`) and exported handler name. */
  bundleFile: string;
  exportName: string;
  /** The whole environment of the process: nothing is inherited from the test's. */
  env: Readonly<Record<string, string>>;
  event: unknown;
  functionName: string;
  memorySize: number;
  /** Killed after this long, as Lambda ends a timed-out invocation. */
  timeoutSeconds: number;
}

// Runs in the child: loads the bundle with `require` as the Node.js runtime loads a CommonJS handler from
// LAMBDA_TASK_ROOT, then invokes the export with the event and a context, and reports over the IPC channel.
const RUNNER = `(() => {
const [bundleFile, exportName, eventJson, contextJson] = process.argv.slice(1);
const report = (message) => process.send(message, () => process.exit(0));
const describe = (phase, error) => ({
  ok: false, phase, errorType: (error && error.name) || typeof error, errorMessage: String((error && error.message) || error),
  stack: error && error.stack,
});
let mod;
try { mod = require(bundleFile); } catch (error) { report(describe('init', error)); return; }
const handler = mod && mod[exportName];
if (typeof handler !== 'function') {
  report({ ok: false, phase: 'init', errorType: 'Runtime.HandlerNotFound', errorMessage: bundleFile + ' exports no ' + exportName });
  return;
}
const context = JSON.parse(contextJson);
const deadline = Date.now() + context.timeoutMs;
Object.assign(context, {
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  done() {}, fail() {}, succeed() {},
});
Promise.resolve()
  .then(() => handler(JSON.parse(eventJson), context))
  .then((result) => report({ ok: true, result: result === undefined ? null : JSON.parse(JSON.stringify(result)) }))
  .catch((error) => report(describe('invoke', error)));
})();
`;

/**
 * Invokes a synthesized bundle in a fresh `node` process (so module-level state, a missing module or a bad `require`
 * show up as on a Lambda cold start), with exactly `env` as its environment, and returns what the handler answered.
 */
export const invokeBundle = (options: InvokeBundleOptions): Promise<BundleOutcome> => {
  const { bundleFile, exportName, env, event, functionName, memorySize, timeoutSeconds } = options;
  const requestId = randomUUID();
  const context = {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${env.AWS_REGION}:000000000000:function:${functionName}`,
    memoryLimitInMB: String(memorySize),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `2026/01/01/[$LATEST]${requestId.replace(/-/g, '')}`,
    timeoutMs: timeoutSeconds * 1000,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-e', RUNNER, bundleFile, exportName, JSON.stringify(event), JSON.stringify(context)],
      { cwd: dirname(bundleFile), env: { ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
    );
    let logs = '';
    let outcome: BundleOutcome | undefined;
    child.stdout?.on('data', (chunk: Buffer) => {
      logs += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      logs += chunk.toString();
    });
    child.on('message', (message) => {
      outcome = message as BundleOutcome;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000 + 2000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start node for ${functionName} (${bundleFile}): ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (outcome) resolve({ ...outcome, logs });
      else
        resolve({
          ok: false,
          phase: 'invoke',
          errorType: signal === 'SIGKILL' ? 'Sandbox.Timedout' : 'Runtime.ExitError',
          errorMessage: `${functionName} exited (code ${code}, signal ${signal}) without an answer`,
          logs,
        });
    });
  });
};
