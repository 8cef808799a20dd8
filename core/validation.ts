import { z } from 'zod';
import { ValidationError } from './errors';

/**
 * Parses `data` with `schema` at a boundary, turning a zod failure into an error whose message names
 * every bad field and value. `ErrorClass` lets a boundary pick its own error name (e.g. InvalidInputError).
 *
 * @example parseWith(AccountPartialSchema, json, 'partial runs/r1/partials/111111111111.json')
 */
export const parseWith = <S extends z.ZodType>(
  schema: S,
  data: unknown,
  what: string,
  ErrorClass: new (message: string, options?: ErrorOptions) => Error = ValidationError,
): z.output<S> => {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new ErrorClass(`invalid ${what}: ${z.prettifyError(result.error)}`, { cause: result.error });
  }
  return result.data;
};
