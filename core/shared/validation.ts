import { z } from 'zod';
import { ValidationError } from './errors';

/** Issues named in a validation message, and the longest line: a hostile payload must not make a huge error. */
export const MAX_ISSUES_IN_MESSAGE = 10;
export const MAX_ISSUE_LINE_CHARS = 300;

/**
 * `z.prettifyError` of the first {@link MAX_ISSUES_IN_MESSAGE} issues, each line cut to {@link MAX_ISSUE_LINE_CHARS}
 * characters, then `… and N more issues`. The whole error stays in `cause`.
 */
export const describeZodError = (error: z.ZodError): string => {
  const shown = z
    .prettifyError(new z.ZodError(error.issues.slice(0, MAX_ISSUES_IN_MESSAGE)))
    .split('\n')
    .map((line) => (line.length > MAX_ISSUE_LINE_CHARS ? `${line.slice(0, MAX_ISSUE_LINE_CHARS - 1)}…` : line))
    .join('\n');
  const more = error.issues.length - MAX_ISSUES_IN_MESSAGE;
  return more > 0 ? `${shown}\n… and ${more} more issues` : shown;
};

/**
 * Parses `data` with `schema` at a boundary, turning a zod failure into an error whose message names
 * the bad fields and values (see {@link describeZodError}). `ErrorClass` lets a boundary pick its own error name
 * (e.g. InvalidInputError).
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
    throw new ErrorClass(`invalid ${what}: ${describeZodError(result.error)}`, { cause: result.error });
  }
  return result.data;
};
