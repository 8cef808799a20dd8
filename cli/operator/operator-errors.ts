import { ExitError } from '../exit-error';

/** What an operator command was doing when AWS refused: the IAM action, the resource and the login profile. */
export interface OperatorCall {
  /** The IAM action of the call, e.g. `states:DescribeExecution`. */
  action: string;
  /** The ARN, bucket key or stack the call was about. */
  resource: string;
  /** The `--profile` in use, for the login hint. */
  profile?: string;
  /** The state machine, for the "how to list executions" hint. */
  stateMachineArn?: string;
  /** The `--endpoint` (the sandbox), for the "is it running" hint. */
  endpoint?: string;
}

const NO_CREDENTIALS = /CredentialsProviderError|Could not load credentials|ExpiredToken|token.*expired|SSO session/i;
const ACCESS_DENIED = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|AuthorizationError)$/;

const listHint = (call: OperatorCall): string =>
  call.stateMachineArn
    ? `list its executions with: aws stepfunctions list-executions --state-machine-arn ${call.stateMachineArn} --max-results 10`
    : 'list executions with: aws stepfunctions list-executions --state-machine-arn <arn> (the stack output StateMachineArn)';

/**
 * Turns an SDK error into an {@link ExitError} in the operator's terms: no credentials → how to log in; access denied
 * → which permission; an unknown execution → its ARN and how to list executions; an unreachable sandbox → start it.
 * Other errors keep AWS's name and message, with the call that failed.
 */
export const operatorError = (error: unknown, call: OperatorCall): ExitError => {
  const e = error instanceof Error ? error : new Error(String(error));
  const text = `${e.name} ${e.message}`;
  const profile = call.profile ?? process.env.AWS_PROFILE ?? '<profile>';
  if (NO_CREDENTIALS.test(text)) {
    return new ExitError(
      `no valid AWS credentials for ${call.action} (${e.message}).\n` +
        `Log in with: aws sso login --profile ${profile}\n` +
        `then pass --profile ${profile} (or export AWS_PROFILE=${profile}).`,
    );
  }
  if (ACCESS_DENIED.test(e.name)) {
    return new ExitError(
      `access denied: your role may not call ${call.action} on ${call.resource}.\n` +
        `Grant "${call.action}" on that resource to the role you use (profile ${profile}), or use a role that has it.\n` +
        `AWS said: ${e.message}`,
    );
  }
  if (e.name === 'ExecutionDoesNotExist') {
    return new ExitError(
      `no execution ${call.resource} (${e.message}).\nCheck the ARN and the region; ${listHint(call)}`,
    );
  }
  if (e.name === 'InvalidArn') {
    return new ExitError(
      `not a valid ARN: ${call.resource} (${e.message}).\n` +
        'Give an execution ARN (arn:aws:states:<region>:<account>:execution:<state machine>:<name>) or an execution name with --stage/--state-machine-arn.',
    );
  }
  if (e.name === 'StateMachineDoesNotExist') {
    return new ExitError(
      `no state machine ${call.resource} in this account and region; check --state-machine-arn / --stage and --region.`,
    );
  }
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|socket hang up/.test(text) && call.endpoint) {
    return new ExitError(
      `could not reach ${call.endpoint} for ${call.action}: is the sandbox still running? (${e.message})`,
    );
  }
  return new ExitError(`${call.action} on ${call.resource} failed: ${e.name}: ${e.message}`);
};

/** Runs one SDK call, turning its error into the operator's message ({@link operatorError}). */
export const attempt = async <T>(call: OperatorCall, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    throw operatorError(error, call);
  }
};
