import { ListMapRunsCommand } from '@aws-sdk/client-sfn';
import { operatorError } from '../../../cli/operator/operator-errors';
import { openOperatorContext } from '../../../cli/operator/operator-target';

const named = (name: string, message: string): Error => Object.assign(new Error(message), { name });
const CALL = {
  action: 'states:RedriveExecution',
  resource: 'arn:aws:states:eu-west-1:123456789012:execution:sm:r1',
  profile: 'compliance-prod',
};

describe('operator error messages', () => {
  it('tells how to log in when the credential chain has no credentials, as the SDK reports it', async () => {
    // Arrange: the sandbox endpoint is never reached: resolving credentials fails first.
    const context = await openOperatorContext(
      { endpoint: 'http://127.0.0.1:9', help: false, profile: 'compliance-prod' },
      undefined,
      {
        credentials: async () =>
          Promise.reject(named('CredentialsProviderError', 'Could not load credentials from any providers')),
      },
    );

    // Act
    const error = await context.sfn
      .send(new ListMapRunsCommand({ executionArn: CALL.resource }))
      .catch((e: unknown) => e);
    const message = operatorError(error, { ...CALL, action: 'states:ListMapRuns' }).message;

    // Assert
    expect(message).toBe(
      'no valid AWS credentials for states:ListMapRuns (Could not load credentials from any providers).\n' +
        'Log in with: aws sso login --profile compliance-prod\n' +
        'then pass --profile compliance-prod (or export AWS_PROFILE=compliance-prod).',
    );
  });

  it('names the permission when AWS denies the call', () => {
    // Act
    const message = operatorError(
      named(
        'AccessDeniedException',
        'User: arn:aws:sts::123456789012:assumed-role/ReadOnly/me is not authorized to perform: states:RedriveExecution',
      ),
      CALL,
    ).message;

    // Assert
    expect(message.split('\n').slice(0, 2)).toEqual([
      `access denied: your role may not call states:RedriveExecution on ${CALL.resource}.`,
      'Grant "states:RedriveExecution" on that resource to the role you use (profile compliance-prod), or use a role that has it.',
    ]);
  });

  it('says the sandbox is not reachable when the endpoint refuses the connection', () => {
    // Act
    const message = operatorError(named('Error', 'connect ECONNREFUSED 127.0.0.1:9'), {
      ...CALL,
      endpoint: 'http://127.0.0.1:9',
    }).message;

    // Assert
    expect(message).toBe(
      'could not reach http://127.0.0.1:9 for states:RedriveExecution: is the sandbox still running? (connect ECONNREFUSED 127.0.0.1:9)',
    );
  });
});
