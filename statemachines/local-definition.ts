import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { buildComplianceReportChain } from './compliance-report.chain';
import { type TaskKey, TaskStates } from './state-names';

/** Options of {@link renderLocalDefinition}; the defaults match the `dev` stage. */
export interface RenderDefinitionProps {
  /**
   * Child executions running at once.
   * @default 40
   */
  readonly mapConcurrency?: number;
  /**
   * Share of failed accounts (0–100) the Map Run tolerates.
   * @default 10
   */
  readonly toleratedFailurePercentage?: number;
  /**
   * The report bucket's name (the local runner passes its store's, so ItemReader and ResultWriter name that bucket).
   * @default LOCAL_BUCKET_NAME
   */
  readonly bucketName?: string;
}

/** An Amazon States Language definition as plain JSON. */
export type AslDefinition = {
  StartAt: string;
  States: Record<string, Record<string, unknown>>;
  [field: string]: unknown;
};

/** Account, region and names of the throwaway stack the definition is rendered in (never deployed). */
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_BUCKET_NAME = 'compliance-report-local';
export const localFunctionArn = (name: string): string =>
  `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:compliance-report-${name}`;

/**
 * Renders the workflow with the same chain factory the deployed stack uses, in a throwaway App/Stack with fake
 * function ARNs and bucket name, and resolves it to ASL (CDK's `StateGraph` render, A3's render-util). The only
 * CloudFormation token left after `stack.resolve` is the partition (`${AWS::Partition}` / `{Ref: AWS::Partition}`);
 * {@link renderLocalDefinition} replaces it with `aws`.
 */
export const renderDeployedDefinition = (props: RenderDefinitionProps = {}): unknown => {
  const app = new App({ context: { '@aws-cdk/aws-stepfunctions:useDistributedMapResultWriterV2': true } });
  const stack = new Stack(app, 'LocalDefinition', { env: { account: LOCAL_ACCOUNT, region: LOCAL_REGION } });
  const functions = Object.fromEntries(
    Object.keys(TaskStates).map((key) => {
      const name = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      return [key, lambda.Function.fromFunctionArn(stack, `${key}Function`, localFunctionArn(name))];
    }),
  ) as Record<TaskKey, lambda.IFunction>;
  const chain = buildComplianceReportChain(stack, {
    functions,
    bucket: s3.Bucket.fromBucketName(stack, 'ReportBucket', props.bucketName ?? LOCAL_BUCKET_NAME),
    mapConcurrency: props.mapConcurrency ?? 40,
    toleratedFailurePercentage: props.toleratedFailurePercentage ?? 10,
  });
  return stack.resolve(new sfn.StateGraph(chain.startState, 'compliance-report').toGraphJson());
};

/**
 * The workflow as a plain ASL object with no tokens, ready for aws-local-stepfunctions (the local runner and tests).
 * Handlers bind by state name (`StateNames`), so the fake ARNs are never called.
 */
export const renderLocalDefinition = (props: RenderDefinitionProps = {}): AslDefinition =>
  replacePartition(renderDeployedDefinition(props)) as AslDefinition;

// biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's partition placeholder, not a JS template
const PARTITION_PLACEHOLDER = '${AWS::Partition}';

/** Replaces the CloudFormation partition in every form `stack.resolve` leaves it: `${AWS::Partition}`, `{Ref}`, `Fn::Join`. */
const replacePartition = (value: unknown): unknown => {
  if (typeof value === 'string') return value.replaceAll(PARTITION_PLACEHOLDER, 'aws');
  if (Array.isArray(value)) return value.map(replacePartition);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (record.Ref === 'AWS::Partition') return 'aws';
  const join = record['Fn::Join'];
  if (Array.isArray(join) && Object.keys(record).length === 1) {
    const [separator, parts] = join as [string, unknown[]];
    return parts.map(replacePartition).join(separator);
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, replacePartition(v)]));
};
