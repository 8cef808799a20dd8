import { AppError, ExternalServiceError, ThrottledError } from '../../shared/errors';

/**
 * Error names the AWS SDK v3 treats as throttling (`@smithy/service-error-classification`), plus HTTP 429.
 * Seeing one here means the SDK's own retries (adaptive mode, `maxAttempts`) were already spent.
 */
export const THROTTLING_ERROR_NAMES: ReadonlySet<string> = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'SlowDown',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'TransactionInProgressException',
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'RequestThrottled',
]);

/** Transient (non-throttling) failures the workflow's Retry can help with. */
export const TRANSIENT_ERROR_NAMES: ReadonlySet<string> = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalError',
  'InternalFailure',
  'InternalServerError',
  'InternalServiceError',
  'InternalException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ServiceException',
]);

const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/** What an AWS SDK v3 error looks like, read structurally (no SDK import needed). */
export interface AwsErrorShape {
  name: string;
  message: string;
  httpStatusCode?: number;
  throttling: boolean;
  retryable: boolean;
  networkCode?: string;
}

/** Reads name, HTTP status and `$retryable` from anything thrown by an SDK client. */
export const describeAwsError = (err: unknown): AwsErrorShape => {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    $metadata?: { httpStatusCode?: number };
    $retryable?: { throttling?: boolean };
  };
  const name = typeof e.name === 'string' && e.name !== '' ? e.name : 'UnknownError';
  const message = typeof e.message === 'string' ? e.message : String(err);
  const networkCode = typeof e.code === 'string' ? e.code : undefined;
  return {
    name,
    message,
    httpStatusCode: e.$metadata?.httpStatusCode,
    throttling:
      THROTTLING_ERROR_NAMES.has(name) || e.$metadata?.httpStatusCode === 429 || e.$retryable?.throttling === true,
    retryable: e.$retryable !== undefined,
    networkCode,
  };
};

/** True when `err` has one of the given AWS error names (the SDK sets `name` to the error code). */
export const hasAwsErrorName = (err: unknown, ...names: string[]): boolean =>
  typeof err === 'object' && err !== null && names.includes((err as { name?: unknown }).name as string);

/** Where a failing call happened, for the message (`service` also lands on ExternalServiceError). */
export interface AwsCallContext {
  /** Short service id, e.g. `config`, `s3`, `sts`, `organizations`. */
  service: string;
  /** The API operation, e.g. `GetComplianceDetailsByConfigRule`. */
  operation: string;
  /** Optional target, e.g. `111111111111/us-east-1` or `s3://bucket/key`. */
  target?: string;
}

/**
 * Turns an SDK failure into our error family, keeping the original as `cause`:
 * throttling (names above, HTTP 429, `$retryable.throttling`) → {@link ThrottledError};
 * HTTP 5xx, timeouts, connection resets, `$retryable` → {@link ExternalServiceError} with `retryable: true`;
 * anything else → ExternalServiceError with `retryable: false`. Our own errors pass through unchanged.
 * Adapters handle the codes that mean something in their domain (NoSuchKey, AccessDenied, …) first.
 */
export const toAppError = (err: unknown, ctx: AwsCallContext): AppError => {
  if (err instanceof AppError) return err;
  const info = describeAwsError(err);
  const where = `${ctx.service} ${ctx.operation}${ctx.target ? ` (${ctx.target})` : ''}`;
  if (info.throttling) {
    return new ThrottledError(
      `${where} throttled: ${info.name} after the SDK retries; lower the concurrency or let the workflow retry`,
      { service: ctx.service, cause: err },
    );
  }
  const status = info.httpStatusCode;
  const transient =
    (status !== undefined && status >= 500) ||
    TRANSIENT_ERROR_NAMES.has(info.name) ||
    (info.networkCode !== undefined && TRANSIENT_NETWORK_CODES.has(info.networkCode)) ||
    info.retryable;
  const statusText = status === undefined ? '' : ` (HTTP ${status})`;
  return new ExternalServiceError(`${where} failed: ${info.name}${statusText}: ${info.message}`, {
    service: ctx.service,
    retryable: transient,
    cause: err,
  });
};
