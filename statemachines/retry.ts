import { Duration } from 'aws-cdk-lib';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { RETRYABLE_ERROR_NAMES } from '../core/shared/errors';

/** Lambda throttling: worth a backed-off retry, like our own retryable errors. */
const LAMBDA_THROTTLED = 'Lambda.TooManyRequestsException';

/** Retryable errors of the tasks that talk to AWS, Lacework, Slack or Jira (see `RETRYABLE_ERROR_NAMES`). */
export const TASK_RETRY_ERRORS: readonly string[] = [...RETRYABLE_ERROR_NAMES, LAMBDA_THROTTLED];

/** Backed-off, jittered retry of the retryable errors: 5 s, 10 s, 20 s … up to `maxAttempts`. */
export const retryProps = (maxAttempts: number): sfn.RetryProps => ({
  errors: [...TASK_RETRY_ERRORS],
  interval: Duration.seconds(5),
  backoffRate: 2,
  maxAttempts,
  jitterStrategy: sfn.JitterType.FULL,
});

/** A Pass that turns a caught error (`$.error`) into a small `failed` record, so the run goes on. */
export const recordFailure = (scope: import('constructs').Construct, id: string, stateName: string, comment: string) =>
  sfn.Pass.jsonPath(scope, id, {
    stateName,
    comment,
    parameters: {
      status: 'failed',
      errors: sfn.JsonPath.array(
        sfn.JsonPath.format('{}: {}', sfn.JsonPath.stringAt('$.error.Error'), sfn.JsonPath.stringAt('$.error.Cause')),
      ),
    },
  });

/** Catch everything into `$.error`, keeping the state's input beside it. */
export const CATCH_ALL: sfn.CatchProps = { errors: [sfn.Errors.ALL], resultPath: '$.error' };
