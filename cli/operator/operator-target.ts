import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { regionOfArn } from '../../core/notify/console-url';
import { HUB_CREDENTIALS } from '../../sandbox/servers/credentials';
import { ExitError } from '../exit-error';
import { attempt, type OperatorCall } from './operator-errors';
import type { TargetOptions } from './operator-options';

/** The name of the stateless stack of a stage, whose output `StateMachineArn` names the state machine. */
export const statelessStackName = (stage: string): string => `ComplianceReport-${stage}-Stateless`;
/** The stateless stack's output with the state machine's ARN (infra/stacks/stateless-stack.ts). */
export const STATE_MACHINE_OUTPUT = 'StateMachineArn';

/** The clients and the facts every operator command works with. */
export interface OperatorContext {
  sfn: SFNClient;
  s3: S3Client;
  region: string;
  /** What each call's error message names besides the action and resource. */
  call: (action: string, resource: string) => OperatorCall;
  /** Resolved from --state-machine-arn or --stage (undefined when neither was given). */
  stateMachineArn?: string;
}

/** Options of {@link openOperatorContext} beyond the flags: tests inject credentials and a CloudFormation client. */
export interface OperatorContextOptions {
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  cloudFormation?: CloudFormationClient;
}

const SANDBOX_CREDENTIALS = { ...HUB_CREDENTIALS };

/**
 * Builds the SFN and S3 clients of a command: the SDK's default credential chain (with `--profile` if given), the
 * sandbox's static credentials with `--endpoint`. `hintArn` (an execution ARN) supplies the region when no
 * `--region` is given; `--stage` is resolved to the state machine ARN from the stateless stack's output.
 */
export const openOperatorContext = async (
  options: TargetOptions,
  hintArn?: string,
  extra: OperatorContextOptions = {},
): Promise<OperatorContext> => {
  const region =
    options.region ??
    regionOfArn(options.stateMachineArn ?? hintArn ?? '') ??
    process.env.AWS_REGION ??
    process.env.AWS_DEFAULT_REGION ??
    (options.endpoint ? 'us-east-1' : undefined);
  const credentials =
    extra.credentials ??
    (options.endpoint
      ? SANDBOX_CREDENTIALS
      : fromNodeProviderChain(options.profile ? { profile: options.profile } : {}));
  const common = { ...(region ? { region } : {}), credentials };
  const call = (action: string, resource: string): OperatorCall => ({
    action,
    resource,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  const stateMachineArn =
    options.stateMachineArn ??
    (options.stage === undefined
      ? undefined
      : await resolveStage(options.stage, extra.cloudFormation ?? new CloudFormationClient(common), call));
  return {
    sfn: new SFNClient({ ...common, ...(options.endpoint ? { endpoint: options.endpoint } : {}) }),
    s3: new S3Client({
      ...common,
      ...(options.s3Endpoint
        ? {
            endpoint: options.s3Endpoint,
            forcePathStyle: true,
            requestChecksumCalculation: 'WHEN_REQUIRED' as const,
            responseChecksumValidation: 'WHEN_REQUIRED' as const,
          }
        : {}),
    }),
    region: region ?? 'us-east-1',
    call: (action, resource) => ({ ...call(action, resource), ...(stateMachineArn ? { stateMachineArn } : {}) }),
    ...(stateMachineArn ? { stateMachineArn } : {}),
  };
};

const resolveStage = async (
  stage: string,
  cfn: CloudFormationClient,
  call: (action: string, resource: string) => OperatorCall,
): Promise<string> => {
  const stackName = statelessStackName(stage);
  const answer = await attempt(call('cloudformation:DescribeStacks', stackName), () =>
    cfn.send(new DescribeStacksCommand({ StackName: stackName })),
  ).catch((error: ExitError) => {
    if (/does not exist/.test(error.message)) {
      throw new ExitError(
        `no stack ${stackName} in this region: deploy stage ${stage} there, or pass --region / --state-machine-arn`,
      );
    }
    throw error;
  });
  const arn = answer.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === STATE_MACHINE_OUTPUT)?.OutputValue;
  if (!arn)
    throw new ExitError(
      `stack ${stackName} has no output ${STATE_MACHINE_OUTPUT}: redeploy it (npx cdk deploy ${stackName})`,
    );
  return arn;
};

/** An execution ARN from the `<execution>` argument: the ARN itself, or a name under the target state machine. */
export const executionArnFrom = (
  execution: string | undefined,
  context: Pick<OperatorContext, 'stateMachineArn'>,
): string => {
  if (!execution) throw new ExitError('give the execution: its ARN, or its name with --stage / --state-machine-arn', 2);
  if (execution.startsWith('arn:')) return execution;
  if (!context.stateMachineArn) {
    throw new ExitError(
      `"${execution}" is an execution name: add --stage <stage> or --state-machine-arn <arn>, or give the execution ARN`,
      2,
    );
  }
  return `${context.stateMachineArn.replace(':stateMachine:', ':execution:')}:${execution}`;
};
