import { AppError } from '../core/shared/errors';

/** Thrown by commands to end the CLI with an exit code and a message for the user (no stack trace). */
export class ExitError extends AppError {
  override name = 'ExitError';
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}
