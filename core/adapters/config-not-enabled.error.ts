import { AppError } from '../errors';

/**
 * AWS Config is not enabled in an account and region (`NoAvailableConfigurationRecorderException` from a compliance
 * call, after `recorderState()` already answered). Part of the {@link ComplianceSource} contract: the scan service
 * recognises it with `instanceof` and marks the region `not-enabled` (data, not a failure).
 *
 * Why here: this module is SDK-free, so services and fakes may import it without pulling in an SDK. It belongs with
 * `core/errors.ts` (as `ErrorNames.ConfigNotEnabled`); it lives in `core/adapters/` only because that file is owned
 * elsewhere. Move it there without changing the literal name.
 *
 * @see ../ports/compliance-source.port.ts
 */
export class ConfigNotEnabledError extends AppError {
  override name: string = 'ConfigNotEnabled';
  readonly accountId: string;
  readonly region: string;
  constructor(message: string, opts: { accountId: string; region: string; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.accountId = opts.accountId;
    this.region = opts.region;
  }
}
