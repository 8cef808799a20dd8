import { AppError } from '../../shared/errors';

/** Error name of {@link InvalidQueryParameterError} (a literal, so minifying cannot change it). */
export const INVALID_QUERY_PARAMETER = 'InvalidQueryParameter';

/**
 * A query API parameter is missing, malformed or does not fit the other parameters; the API answers 400 with the
 * message and the parameter's name.
 */
export class InvalidQueryParameterError extends AppError {
  override name: string = INVALID_QUERY_PARAMETER;
  /** The offending parameter, as the caller spelt it (`account`, `from`, `cursor`, …). */
  readonly parameter: string;

  constructor(parameter: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.parameter = parameter;
  }
}
