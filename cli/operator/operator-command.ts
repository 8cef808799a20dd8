import { type ParseArgsConfig, parseArgs } from 'node:util';
import { z } from 'zod';
import { parseWith } from '../../core/shared/validation';
import { ExitError } from '../exit-error';
import { TARGET_FLAGS, type TargetOptions, TargetShape } from './operator-options';
import { executionArnFrom, type OperatorContext, openOperatorContext } from './operator-target';

type Flags = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses an operator command's arguments: the target flags plus `flags`, validated with `shape`, and the positional
 * arguments. A bad flag ends the CLI with exit code 2, the reason and the usage.
 */
export const parseOperatorArgs = <S extends z.ZodRawShape>(
  argv: string[],
  flags: Flags,
  shape: S,
  usage: string,
): { options: TargetOptions & z.output<z.ZodObject<S>>; positionals: string[] } => {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { ...TARGET_FLAGS, ...flags } });
  } catch (error) {
    throw new ExitError(`${(error as Error).message}\n\n${usage}`, 2);
  }
  const camel = Object.fromEntries(
    Object.entries(parsed.values).map(([k, v]) => [k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );
  try {
    const options = parseWith(z.object({ ...TargetShape, ...shape }), camel, 'options');
    return { options: options as TargetOptions & z.output<z.ZodObject<S>>, positionals: parsed.positionals };
  } catch (error) {
    throw new ExitError(`${(error as Error).message}\n\n${usage}`, 2);
  }
};

/** The flags that point the hints a command prints at the same endpoints (empty on AWS). */
export const hintSuffixOf = (options: TargetOptions): string =>
  [
    options.endpoint ? ` --endpoint ${options.endpoint}` : '',
    options.s3Endpoint ? ` --s3-endpoint ${options.s3Endpoint}` : '',
  ].join('');

/** The context and execution ARN of a command that takes `<execution>`. */
export const openForExecution = async (
  options: TargetOptions,
  positionals: string[],
  usage: string,
): Promise<{ context: OperatorContext; executionArn: string }> => {
  if (positionals.length !== 1)
    throw new ExitError(`expected one <execution>, got ${positionals.length}\n\n${usage}`, 2);
  const [execution] = positionals;
  const context = await openOperatorContext(options, execution?.startsWith('arn:') ? execution : undefined);
  return { context, executionArn: executionArnFrom(execution, context) };
};

/** Writes lines to stdout. */
export const print = (lines: string[]): void => {
  process.stdout.write(`${lines.join('\n')}\n`);
};
