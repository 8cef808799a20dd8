import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { z } from 'zod';
import { parseWith } from '../../core/shared/validation';
import { ExitError } from '../exit-error';

/**
 * Parses a command's flags strictly (`node:util` parseArgs), turns kebab-case names into camelCase and validates them
 * with `schema`. An unknown flag or a bad value ends the CLI with exit code 2, the reason and the command's usage.
 */
export const parseCliArgs = <S extends z.ZodType>(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  usage: string,
): z.output<S> => {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options }));
  } catch (error) {
    throw new ExitError(`${(error as Error).message}\n\n${usage}`, 2);
  }
  const camel = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );
  try {
    return parseWith(schema, camel, 'options');
  } catch (error) {
    throw new ExitError(`${(error as Error).message}\n\n${usage}`, 2);
  }
};
