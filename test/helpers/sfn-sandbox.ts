import { type OperatorContext, openOperatorContext } from '../../cli/operator/operator-target';
import type { RunningServer } from '../../sandbox/servers/aws-server';
import { startSfnServer } from '../../sandbox/servers/sfn-server';
import { ExecutionRegistry } from '../../sandbox/sfn/execution-registry';
import { type FakeRunPlan, fakeSfnEngine } from './fakes/fake-sfn-engine';

/** The state machine the fake Step Functions sandbox serves. */
export const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:999999999999:stateMachine:ComplianceReport-dev';

/** A Step Functions server on loopback over a registry fed by the fake engine, and an operator context on it. */
export interface SfnSandbox {
  registry: ExecutionRegistry;
  server: RunningServer;
  context: OperatorContext;
  close(): Promise<void>;
}

/** Starts {@link SfnSandbox}; `now` moves the registry's clock (e.g. 15 days on, for the redrive window). */
export const startSfnSandbox = async (
  plan: FakeRunPlan,
  options: { gate?: () => Promise<void>; now?: () => Date; s3Endpoint?: string } = {},
): Promise<SfnSandbox> => {
  const registry: ExecutionRegistry = new ExecutionRegistry({
    stateMachineArns: [STATE_MACHINE_ARN],
    engine: fakeSfnEngine(plan, () => registry, options.gate),
    ...(options.now ? { now: options.now } : {}),
  });
  const server = await startSfnServer({ registry });
  const context = await openOperatorContext({
    endpoint: server.url,
    stateMachineArn: STATE_MACHINE_ARN,
    help: false,
    ...(options.s3Endpoint ? { s3Endpoint: options.s3Endpoint } : {}),
  });
  return {
    registry,
    server,
    context,
    close: async () => {
      await registry.settled();
      context.sfn.destroy();
      context.s3.destroy();
      await server.close();
    },
  };
};
