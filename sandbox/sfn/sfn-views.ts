import { AwsFault } from '../servers/wire';
import type { RedriveVerdict } from './redrive-rules';
import type { ExecutionStatus } from './sfn-records';

/** An execution as `DescribeExecution` describes it (dates as Dates; the server writes epoch seconds). */
export interface ExecutionView extends RedriveVerdict {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  input?: string;
  output?: string;
  error?: string;
  cause?: string;
  mapRunArn?: string;
  redriveCount: number;
  redriveDate?: Date;
}

const EXECUTION_ARN = /^arn:aws[\w-]*:states:[a-z0-9-]+:\d{12}:execution:[^:]+:[^:]+$/;
/** Characters a Step Functions name must not contain (whitespace, brackets, wildcards, specials, controls). */
const BAD_NAME_CHARACTER = /[\s<>{}[\]?*"#%\\^|~`$&,;:/]/;
const isControl = (c: string): boolean => {
  const code = c.charCodeAt(0);
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
};

/** Answers `InvalidArn` as the API does for a value that is not an execution ARN; returns the ARN otherwise. */
export const checkExecutionArn = (arn: string): string => {
  if (!EXECUTION_ARN.test(arn)) {
    throw new AwsFault('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${arn}'`);
  }
  return arn;
};

/** Answers `InvalidName` for a name AWS refuses: 1–80 characters without the characters the API reference lists. */
export const checkExecutionName = (name: string): void => {
  if (name.length < 1 || name.length > 80 || BAD_NAME_CHARACTER.test(name) || [...name].some(isControl)) {
    throw new AwsFault('InvalidName', `Invalid Name: '${name}'`);
  }
};

/** `arn:…:stateMachine:<sm>` → `arn:…:execution:<sm>:<name>`. */
export const executionArnOf = (stateMachineArn: string, name: string): string =>
  `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
