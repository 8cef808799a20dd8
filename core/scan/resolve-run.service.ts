import { rangeFromInput } from '../domain/date-range';
import { ExecutionInputSchema } from '../domain/execution-input.schema';
import { type ResolvedRun, ResolvedRunSchema, type ResolveRunRequest } from '../domain/resolve-run.schema';
import type { Clock } from '../platform/clock.port';
import { ConfigError, InvalidInputError } from '../shared/errors';
import { parseWith } from '../shared/validation';

/** Stage configuration the input can override. */
export interface RunDefaults {
  regions: string[];
  frameworks: string[];
  timeZone: string;
  includeAccounts: string[];
  excludeAccounts: string[];
}

/** Stage defaults and clock of {@link resolveRun}. */
export interface ResolveRunDeps {
  defaults: RunDefaults;
  clock: Clock;
}

/** Run ids become S3 key segments and STS session names, so they stay in this alphabet. */
const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;

const referenceTime = (request: ResolveRunRequest, scheduledTime: string | undefined, clock: Clock): Date => {
  const candidate = scheduledTime ?? request.executionStartTime;
  if (candidate !== undefined) {
    const ms = Date.parse(candidate);
    if (Number.isNaN(ms)) {
      throw new InvalidInputError(`invalid executionStartTime "${candidate}": expected an ISO 8601 timestamp`);
    }
    return new Date(ms);
  }
  return clock.now();
};

/**
 * **Resolve run**: turns the execution input into the {@link ResolvedRun} every later state uses.
 *
 * 1. Validate the input with `ExecutionInputSchema` (unknown fields, bad dates → InvalidInputError).
 * 2. Check the run id (the execution name): 1–80 letters, digits, `-` or `_`.
 * 3. Resolve the date range in the report time zone: both dates; `startDate` alone → 7 days; `endDate` alone → the 7
 *    days ending on it; `currentWeek` → this Monday–Sunday; none → the previous Monday–Sunday relative to
 *    `scheduledTime`, else the execution start time, else the clock.
 * 4. Apply overrides: `accounts` → include filter, `regions`, `frameworks`, `notify` (default true).
 */
export const resolveRun = async (request: ResolveRunRequest, deps: ResolveRunDeps): Promise<ResolvedRun> => {
  const input = parseWith(ExecutionInputSchema, request.input ?? {}, 'execution input', InvalidInputError);
  if (!RUN_ID_PATTERN.test(request.executionName)) {
    throw new InvalidInputError(
      `invalid run id "${request.executionName}": the execution name must be 1-80 letters, digits, '-' or '_'; start the execution with such a name`,
    );
  }
  const { defaults } = deps;
  const now = referenceTime(request, input.scheduledTime, deps.clock);
  const range = rangeFromInput(input, now, defaults.timeZone);
  const run = {
    runId: request.executionName,
    ...range,
    timeZone: defaults.timeZone,
    regions: input.regions ?? defaults.regions,
    frameworks: input.frameworks ?? defaults.frameworks,
    includeAccounts: input.accounts ?? defaults.includeAccounts,
    excludeAccounts: defaults.excludeAccounts,
    notify: input.notify ?? true,
  };
  // The input was checked above, so anything failing here comes from stage config (REGIONS, INCLUDE_ACCOUNTS, …).
  return parseWith(ResolvedRunSchema, run, 'resolved run (check the stage configuration)', ConfigError);
};
