/**
 * Builds an error shaped like one the AWS SDK v3 throws (name = error code, `$metadata.httpStatusCode`, optional
 * `$retryable`), for adapter tests with aws-sdk-client-mock.
 */
export const awsError = (
  name: string,
  opts: { status?: number; message?: string; throttling?: boolean } = {},
): Error & { $metadata: { httpStatusCode?: number }; $retryable?: { throttling: boolean } } =>
  Object.assign(new Error(opts.message ?? `${name} from the fake`), {
    name,
    $metadata: { httpStatusCode: opts.status ?? 400 },
    ...(opts.throttling === undefined ? {} : { $retryable: { throttling: opts.throttling } }),
  });
