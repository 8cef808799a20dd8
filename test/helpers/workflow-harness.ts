import { type ExecuteWorkflowOptions, executeWorkflow } from '../../cli/local/execute-workflow';
import type { LocalRunResult } from '../../cli/local/run-local-workflow';
import { sandboxWiring } from '../../cli/local/sandbox-wiring';
import { loadEnv } from '../../core/platform/env';
import { createDeps, type Deps } from '../../lambdas/_shared/deps';
import { createLogger, type LogLevel } from '../../lambdas/_shared/logger';
import { type Sandbox, type Scenario, startSandbox } from '../../sandbox';

/** Per-run options of {@link WorkflowHarness.run}. */
export type HarnessRunOptions = Pick<
  ExecuteWorkflowOptions,
  'wrapHandlers' | 'mapConcurrency' | 'onMapRun' | 'toleratedFailurePercentage' | 'scanAccountTimeoutSeconds'
>;

/** A sandbox plus the deps wired to it, as `npm start` builds them, for workflow tests. */
export interface WorkflowHarness {
  sandbox: Sandbox;
  deps: Deps;
  /** One execution; `options` may swap handlers (test/helpers/fault-hooks.ts) or set the map concurrency (default 10). */
  run(input: unknown, executionName?: string, options?: HarnessRunOptions): Promise<LocalRunResult>;
  stop(): Promise<void>;
}

/**
 * Starts a sandbox for `scenario`; `env` overrides Lambda environment values (e.g. AWS_MAX_ATTEMPTS; TRACE_LIMIT is 0
 * unless given: CloudTrail's 2 lookups/s would make every workflow test wait, and tracing has its own tests); `logLevel`
 * turns the handlers' JSON logs on (they go to stdout, as in Lambda).
 */
export const startWorkflowHarness = async (
  scenario: Scenario,
  env: Record<string, string> = {},
  logLevel: LogLevel = 'SILENT',
): Promise<WorkflowHarness> => {
  const sandbox = await startSandbox(scenario);
  const wiring = sandboxWiring(sandbox);
  const deps = createDeps(loadEnv({ ...wiring.env, TRACE_LIMIT: '0', ...env }), {
    ...wiring.overrides,
    logger: createLogger('aws-config-compliance', logLevel),
    sleep: async () => undefined,
  });
  let runs = 0;
  return {
    sandbox,
    deps,
    run: (input, executionName, options = {}) => {
      runs += 1;
      return executeWorkflow({
        deps,
        input,
        executionName: executionName ?? `test-run-${runs}`,
        retryIntervalMs: 0,
        ...options,
      });
    },
    stop: () => sandbox.stop(),
  };
};
