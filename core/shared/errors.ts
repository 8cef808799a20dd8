/**
 * The application's error family. Every `name` is a string literal so that minifying cannot change it:
 * Step Functions Retry/Catch match on `Error` = the thrown error's name, and the chain imports {@link ErrorNames}.
 * Messages follow CDK's rule: what failed, the value received, what to do; lower case, no trailing period.
 */
export const ErrorNames = {
  App: 'AppError',
  Validation: 'ValidationError',
  InvalidInput: 'InvalidInput',
  NoAccountsFound: 'NoAccountsFound',
  AllAccountsFailed: 'AllAccountsFailed',
  Config: 'ConfigError',
  NotFound: 'NotFoundError',
  ExternalService: 'ExternalServiceError',
  Throttled: 'ThrottledError',
  MemberRoleNotAssumable: 'MemberRoleNotAssumable',
  ConfigNotEnabled: 'ConfigNotEnabled',
} as const;

export type ErrorName = (typeof ErrorNames)[keyof typeof ErrorNames];

/** Base class: carries a literal name and an optional `cause`. */
export class AppError extends Error {
  override name: string = ErrorNames.App;
}

/** Data that crossed a boundary (S3 object, HTTP reply, scenario file) did not match its schema. */
export class ValidationError extends AppError {
  override name: string = ErrorNames.Validation;
}

/** The execution input is malformed; the first state fails with this name and the reason. */
export class InvalidInputError extends AppError {
  override name: string = ErrorNames.InvalidInput;
}

/** The organization (after filters) has no account to scan: a silent empty report would be a failure. */
export class NoAccountsFoundError extends AppError {
  override name: string = ErrorNames.NoAccountsFound;
}

/** Every account of the run failed: the reports say why, but a run that scanned nothing is a failure. */
export class AllAccountsFailedError extends AppError {
  override name: string = ErrorNames.AllAccountsFailed;
}

/** Environment or stage configuration is missing or malformed. */
export class ConfigError extends AppError {
  override name: string = ErrorNames.Config;
}

export class NotFoundError extends AppError {
  override name: string = ErrorNames.NotFound;
}

/** A remote service failed; `retryable` tells the workflow whether a Retry can help. */
export class ExternalServiceError extends AppError {
  override name: string = ErrorNames.ExternalService;
  readonly service: string;
  readonly retryable: boolean;
  constructor(message: string, opts: { service: string; retryable: boolean; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.service = opts.service;
    this.retryable = opts.retryable;
  }
}

/** A remote service kept throttling after the SDK's own retries; the state's Retry backs off further. */
export class ThrottledError extends ExternalServiceError {
  override name: string = ErrorNames.Throttled;
  constructor(message: string, opts: { service: string; cause?: unknown }) {
    super(message, { ...opts, retryable: true });
  }
}

/** STS refused to assume the member role (role missing, trust policy, ExternalId, SCP). Expected: recorded, not thrown past the scan. */
export class MemberRoleNotAssumableError extends AppError {
  override name: string = ErrorNames.MemberRoleNotAssumable;
  readonly code: string;
  constructor(message: string, opts: { code: string; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.code = opts.code;
  }
}

/**
 * AWS Config is not enabled in an account and region (`NoAvailableConfigurationRecorderException` from a compliance
 * call). Part of the ComplianceSource contract: the scan marks the region `not-enabled` (data, not a failure).
 */
export class ConfigNotEnabledError extends AppError {
  override name: string = ErrorNames.ConfigNotEnabled;
  readonly accountId: string;
  readonly region: string;
  constructor(message: string, opts: { accountId: string; region: string; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.accountId = opts.accountId;
    this.region = opts.region;
  }
}

/** Error names the workflow retries (with backoff) before giving up on an account. */
export const RETRYABLE_ERROR_NAMES: readonly string[] = [ErrorNames.Throttled, ErrorNames.ExternalService];
