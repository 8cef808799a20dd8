import { z } from 'zod';
import { RegionSchema } from '../../core/domain/execution-input.schema';

/** The flags every operator command takes (the target state machine and how to reach it). */
export const TARGET_FLAGS = {
  'state-machine-arn': { type: 'string' },
  stage: { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
  endpoint: { type: 'string' },
  's3-endpoint': { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** The usage lines of {@link TARGET_FLAGS}. */
export const TARGET_USAGE = `Target (the SDK's default credential chain; region from the ARN, --region or the profile):
  --state-machine-arn <arn>  the state machine (needed with an execution name instead of an ARN, and by start)
  --stage <name>             or: the stage, resolved from the output StateMachineArn of ComplianceReport-<stage>-Stateless
  --region <r>               AWS region
  --profile <name>           AWS profile (SSO: aws sso login --profile <name> first)
  --endpoint <url>           a Step Functions endpoint instead of AWS's (the sandbox: http://127.0.0.1:<port>)
  --s3-endpoint <url>        an S3 endpoint instead of AWS's (the sandbox's S3), for reports
  --help                     this text
`;

/** The zod shape of {@link TARGET_FLAGS}. */
export const TargetShape = {
  stateMachineArn: z
    .string()
    .regex(
      /^arn:aws[\w-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[^:]+$/,
      'expected arn:aws:states:<region>:<account>:stateMachine:<name>',
    )
    .optional(),
  stage: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/, 'expected a stage name such as dev or prod')
    .optional(),
  region: RegionSchema.optional(),
  profile: z.string().min(1).optional(),
  endpoint: z.url().optional(),
  s3Endpoint: z.url().optional(),
  help: z.boolean().default(false),
};

/** The target options after parsing. */
export type TargetOptions = z.output<z.ZodObject<typeof TargetShape>>;
