import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { ValidationError } from '../core/shared/errors';
import { type Scenario, ScenarioSchema } from './scenario.schema';

const FIX_HINT = 'fix the field (the format is documented on ScenarioSchema in sandbox/scenario.schema.ts)';

const valueAt = (data: unknown, path: readonly PropertyKey[]): unknown => {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
};

const preview = (value: unknown): string => {
  const text = JSON.stringify(value);
  if (text === undefined) return 'nothing';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/**
 * Formats zod issues like `z.prettifyError`, but with plain dot paths (`accounts.111111111111.regions.us-east-1`)
 * and the value found there, so that a reader can find the field in the file.
 */
const formatIssues = (issues: readonly z.core.$ZodIssue[], data: unknown): string =>
  issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      const where = path === '' ? '(top level)' : path;
      const received = issue.code === 'unrecognized_keys' ? '' : ` (value: ${preview(valueAt(data, issue.path))})`;
      return `✖ ${issue.message}${received}\n  → at ${where}`;
    })
    .join('\n');

/**
 * Validates parsed JSON as a scenario, applying defaults.
 *
 * @param json - the parsed file content
 * @param source - where it came from, named in error messages (e.g. the file path)
 * @throws ValidationError naming the source, each bad field's path and value, and the fix
 * @example parseScenario(JSON.parse(text), 'sandbox/scenarios/demo.json')
 */
export const parseScenario = (json: unknown, source: string): Scenario => {
  const result = ScenarioSchema.safeParse(json);
  if (!result.success) {
    throw new ValidationError(
      `invalid scenario file ${source}: ${formatIssues(result.error.issues, json)}\n${FIX_HINT}`,
      { cause: result.error },
    );
  }
  return result.data;
};

/**
 * Reads and validates a scenario file.
 *
 * @throws ValidationError when the file is missing, is not JSON, or does not match {@link ScenarioSchema}
 * @example const scenario = loadScenario('sandbox/scenarios/demo.json');
 */
export const loadScenario = (path: string): Scenario => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ValidationError(`cannot read scenario file ${path}: ${(error as Error).message}; check the path`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`invalid scenario file ${path}: not JSON (${(error as Error).message}); fix the syntax`, {
      cause: error,
    });
  }
  return parseScenario(json, path);
};
