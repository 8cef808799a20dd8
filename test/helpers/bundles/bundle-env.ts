import type { Sandbox } from '../../../sandbox';
import type { SynthesizedFunction, TemplateValue } from './synth-bundles';

/** Where the bundles' AWS and HTTP calls go instead of AWS: the sandbox's servers and the test's own. */
export interface BundleEndpoints {
  sandbox: Sandbox;
  /** The loopback Secrets Manager holding the template's secret names. */
  secretsManager: string;
  /** dynalite, for the events functions. */
  dynamodb?: string;
  /** The events table's name (the template's `Ref` to it). */
  eventsTable?: string;
}

/**
 * Template values resolved at deploy time, replaced by the sandbox's; everything else is used as the template gives it.
 * Also what stays different from AWS on purpose: TRACE_LIMIT (CloudTrail's 2 lookups/s make 50 traces slow).
 */
const deployedValues = (endpoints: BundleEndpoints): Record<string, string> => {
  const { sandbox } = endpoints;
  return {
    REPORT_BUCKET: sandbox.bucket,
    MEMBER_ROLE_NAME: sandbox.memberRoleName,
    MEMBER_EXTERNAL_ID: sandbox.externalId,
    REGIONS: sandbox.regions.join(','),
    FRAMEWORKS: sandbox.lacework.frameworks.join(','),
    TRACE_LIMIT: '3',
    ...(endpoints.eventsTable ? { EVENTS_TABLE_NAME: endpoints.eventsTable } : {}),
  };
};

const resolveValue = (fn: SynthesizedFunction, name: string, value: TemplateValue, known: Record<string, string>) => {
  const replaced = known[name];
  if (replaced !== undefined) return replaced;
  if (typeof value === 'string') return value;
  throw new Error(
    `${fn.stack}/${fn.logicalId}: environment variable ${name} is ${JSON.stringify(value)}, resolved at deploy time; add its sandbox value to deployedValues in test/helpers/bundles/bundle-env.ts`,
  );
};

/**
 * The whole environment of one bundle's process: the template's `Environment.Variables` (deploy-time values replaced
 * by the sandbox's), the variables the Lambda runtime sets (region, function name, the role's credentials: here the
 * sandbox hub's), and endpoints only through variables: the SDK's `AWS_ENDPOINT_URL` (STS, Organizations, Config,
 * CloudTrail), `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL_SECRETS_MANAGER`, `AWS_ENDPOINT_URL_DYNAMODB`, and ours for
 * Lacework (LACEWORK_API_BASE_URL, local only). Nothing is inherited from the test process.
 */
export const bundleEnvironment = (fn: SynthesizedFunction, endpoints: BundleEndpoints): Record<string, string> => {
  const { sandbox } = endpoints;
  const known = deployedValues(endpoints);
  const template = Object.fromEntries(
    Object.entries(fn.environment).map(([name, value]) => [name, resolveValue(fn, name, value, known)]),
  );
  const functionName = `${fn.stack}-${fn.logicalId}`.slice(0, 64);
  return {
    ...template,
    // Set by the Lambda runtime.
    AWS_REGION: sandbox.region,
    AWS_DEFAULT_REGION: sandbox.region,
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    LAMBDA_TASK_ROOT: fn.bundleFile.replace(/\/[^/]+$/, ''),
    _HANDLER: fn.handler,
    TZ: ':UTC',
    AWS_ACCESS_KEY_ID: sandbox.hubCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: sandbox.hubCredentials.secretAccessKey,
    AWS_SESSION_TOKEN: 'sandbox-session-token',
    // No shared config or credentials files: the environment is the only source, as in Lambda.
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    // The sandbox instead of AWS, through the SDK's own variables.
    AWS_ENDPOINT_URL: sandbox.endpoints.aws,
    AWS_ENDPOINT_URL_S3: sandbox.endpoints.s3,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.secretsManager,
    ...(endpoints.dynamodb ? { AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb } : {}),
    // s3rver stores an aws-chunked body as is: checksums only where S3 requires them (what the local wiring sets).
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    LACEWORK_API_BASE_URL: sandbox.endpoints.lacework,
  };
};
