import { Duration } from 'aws-cdk-lib';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
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

/** The Cause a caught error gets when it has none (a States.Timeout, a Fail state without Cause). */
export const NO_CAUSE = 'no cause given';

/**
 * `$.error` with a `Cause`: `States.JsonMerge({ Cause: NO_CAUSE }, $.error)`. The default object is base64-encoded
 * because an intrinsic's string literal would need its braces escaped, which local engines read differently.
 */
export const errorWithCause = (): string =>
  sfn.JsonPath.jsonMerge(
    sfn.JsonPath.stringToJson(
      sfn.JsonPath.base64Decode(Buffer.from(JSON.stringify({ Cause: NO_CAUSE })).toString('base64')),
    ),
    sfn.JsonPath.objectAt('$.error'),
  );

/**
 * A Pass whose output is `{ error }`: the caught error (`$.error`) with its `Cause` defaulted to {@link NO_CAUSE}, so
 * the states after it can format or fail with `$.error.Cause` whatever was caught.
 */
export const withCause = (scope: Construct, id: string, stateName: string, comment: string): sfn.Pass =>
  sfn.Pass.jsonPath(scope, id, { stateName, comment, parameters: { error: errorWithCause() } });

/**
 * Turns a caught error (`$.error`) into a small `failed` record, so the run goes on: `<stateName>` gives the error a
 * Cause ({@link withCause}), `<stateName>: record` formats `{ status: 'failed', errors: ['<Error>: <Cause>'] }`.
 */
export const recordFailure = (scope: Construct, id: string, stateName: string, comment: string): sfn.Chain =>
  sfn.Chain.start(withCause(scope, `${id}Cause`, stateName, comment)).next(
    sfn.Pass.jsonPath(scope, id, {
      stateName: `${stateName}: record`,
      parameters: {
        status: 'failed',
        errors: sfn.JsonPath.array(
          sfn.JsonPath.format('{}: {}', sfn.JsonPath.stringAt('$.error.Error'), sfn.JsonPath.stringAt('$.error.Cause')),
        ),
      },
    }),
  );

/** Catch everything into `$.error`, keeping the state's input beside it. */
export const CATCH_ALL: sfn.CatchProps = { errors: [sfn.Errors.ALL], resultPath: '$.error' };
