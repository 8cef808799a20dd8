import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { z } from 'zod';
import { EnvSchema } from '../../core/platform/env';
import { acknowledgeIam5, nagRef } from '../nag/nag-findings';

/** The handler environment: the `EnvSchema` variables (AWS_REGION is set by Lambda itself). */
export type ReportFunctionEnvironment = {
  readonly [K in Exclude<keyof z.input<typeof EnvSchema>, 'AWS_REGION'>]?: string;
};

export interface ReportFunctionProps {
  /** Path of the handler entry file, e.g. `lambdas/scan-account/index.ts` (exports `handler`). */
  readonly entry: string;
  readonly description: string;
  /**
   * Validated against `envSchema` at synth: an unknown or invalid variable fails the synth, not the cold start.
   * Typed against `EnvSchema`'s keys; functions with another schema pass their own record.
   */
  readonly environment: ReportFunctionEnvironment | Readonly<Record<string, string>>;
  /**
   * The zod schema the handler parses its environment with at cold start.
   * @default EnvSchema (core/platform/env.ts), the weekly workflow's functions
   */
  readonly envSchema?: z.ZodObject;
  /**
   * Run under an existing role (Trace changes shares Scan account's, which the member roles trust).
   * @default - a new role with no managed policy
   */
  readonly role?: iam.Role;
  /**
   * @default 512
   */
  readonly memorySize?: number;
  /**
   * @default Duration.minutes(1)
   */
  readonly timeout?: Duration;
  /**
   * Days the function's log group keeps logs.
   * @default logs.RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Powertools log level.
   * @default 'INFO'
   */
  readonly logLevel?: string;
}

/** Access a function gets to the report bucket. */
export type ReportBucketAccess = 'read' | 'write' | 'read-write';

/**
 * Our only Lambda construct (every function of the app is one), an L2.5 on `NodejsFunction`: Node.js 24 on arm64, X-Ray
 * tracing, an explicit log group with retention, an execution role without managed policies, Powertools env and source
 * maps. Bundled with the local esbuild (no Docker): minified CJS with source maps and kept names (error names survive).
 */
export class ReportFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ReportFunctionProps) {
    super(scope, id);
    validateEnvironment(this, props.environment, props.envSchema ?? EnvSchema);

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An inline role instead of AWSLambdaBasicExecutionRole: it can only write to its own log group.
    this.role =
      props.role ??
      new iam.Role(this, 'Role', {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `Execution role of ${id}`,
      });
    this.logGroup.grantWrite(this.role);

    this.function = new nodejs.NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.minutes(1),
      tracing: lambda.Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        ...(props.environment as Record<string, string>),
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        minify: true,
        sourceMap: true,
        keepNames: true,
        format: nodejs.OutputFormat.CJS,
        target: 'node22',
        forceDockerBundling: false,
        // Bundle the pinned AWS SDK instead of the runtime's copy: the code runs against the versions it was tested with.
        externalModules: [],
      },
    });
    acknowledgeIam5(
      this.role,
      ['Resource::*'],
      'X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords) has no resource-level permissions',
    );
  }

  /** Grants the function the given access to the report bucket (object and listing permissions, nothing else). */
  bindReportBucket(bucket: s3.IBucket, access: ReportBucketAccess): void {
    const objects = `Resource::${nagRef(this, bucket.arnForObjects('*'))}`;
    if (access !== 'write') {
      bucket.grantRead(this.function);
      acknowledgeIam5(
        this.role,
        ['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', objects],
        'reads run files, partials and history under keys chosen at run time (run id, account id), so every object of the report bucket; CDK grantRead action set',
      );
    }
    if (access !== 'read') {
      bucket.grantPut(this.function);
      acknowledgeIam5(
        this.role,
        ['Action::s3:Abort*', objects],
        'writes run files and reports under keys chosen at run time (run id, account id, end date); s3:Abort* lets a failed multipart upload be cleaned up',
      );
    }
  }
}

const validateEnvironment = (
  scope: Construct,
  environment: Readonly<Record<string, string | undefined>>,
  schema: z.ZodObject,
): void => {
  const known = new Set(Object.keys(schema.shape));
  const unknown = Object.keys(environment).filter((key) => !known.has(key) || key === 'AWS_REGION');
  if (unknown.length > 0) {
    throw new Error(
      `${scope.node.path}: environment variables ${unknown.join(', ')} are not in the function's environment schema; remove them or add them to the schema`,
    );
  }
  const result = schema.safeParse({ ...environment, AWS_REGION: 'us-east-1' });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message.toLowerCase()}`);
    throw new Error(`${scope.node.path}: invalid function environment: ${problems.join('; ')}; fix the stage config`);
  }
};
