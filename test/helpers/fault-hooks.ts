import type { LocalTaskHandlers } from '../../cli/local/run-local-workflow';
import { keys } from '../../core/domain/keys';
import type { ObjectStore } from '../../core/platform/storage/object-store.port';

/** Rewrites the handler table of one run (composes with others through {@link composeHooks}). */
export type HandlerHook = (handlers: LocalTaskHandlers) => LocalTaskHandlers;

/** What a crashed Lambda invocation looks like to Step Functions: an error name and a message, no app error. */
export interface CrashOptions {
  /** Accounts whose Scan account invocation crashes. */
  accountIds: readonly string[];
  /** `first`: only the first invocation of each account crashes (a retry then succeeds); `every`: each one does. */
  attempts: 'first' | 'every';
  /**
   * The error name Step Functions sees (its Retry and Catch match on it).
   * @default 'Runtime.ExitError' (the runtime died, e.g. out of memory)
   */
  errorName?: string;
}

/** Invocations a crash hook saw, per account (to assert the state's Retry ran or did not). */
export type InvocationCounts = Map<string, number>;

const accountOf = (event: unknown): string | undefined => {
  const id = (event as { accountId?: unknown } | null)?.accountId;
  return typeof id === 'string' ? id : undefined;
};

/**
 * Makes the Scan account invocation of some accounts throw outright, before the real handler runs, as a Lambda whose
 * runtime crashed would. Counts every account's invocations in `counts`.
 *
 * @example harness.run({}, 'run-1', { wrapHandlers: crashScanAccount({ accountIds: ['111111111111'], attempts: 'every' }) })
 */
export const crashScanAccount = (options: CrashOptions, counts: InvocationCounts = new Map()): HandlerHook => {
  const crashing = new Set(options.accountIds);
  const errorName = options.errorName ?? 'Runtime.ExitError';
  return (handlers) => ({
    ...handlers,
    scanAccount: async (event, context) => {
      const accountId = accountOf(event) ?? '';
      const seen = (counts.get(accountId) ?? 0) + 1;
      counts.set(accountId, seen);
      if (crashing.has(accountId) && (options.attempts === 'every' || seen === 1)) {
        const crash = new Error(`RequestId: ${context.awsRequestId} Error: Runtime exited with error: signal: killed`);
        crash.name = errorName;
        throw crash;
      }
      return handlers.scanAccount(event, context);
    },
  });
};

/** The text a {@link corruptPartialBeforeBuild} hook writes by default: a partial cut off mid-write (not JSON). */
export const CORRUPT_PARTIAL_BODY = '{"schemaVersion":1,"accountId":"trunc';

/**
 * Overwrites one account's partial in S3 just before **Build reports** runs (as a bad write or a hand edit would),
 * then runs the real Build reports.
 */
export const corruptPartialBeforeBuild = (
  store: ObjectStore,
  accountId: string,
  body: string = CORRUPT_PARTIAL_BODY,
): HandlerHook => {
  return (handlers) => ({
    ...handlers,
    buildReports: async (event, context) => {
      const runId = (event as { run?: { runId?: unknown } } | null)?.run?.runId;
      if (typeof runId !== 'string') throw new Error('Build reports input has no run.runId');
      await store.put(keys.partial(runId, accountId), body, 'application/json');
      return handlers.buildReports(event, context);
    },
  });
};

/** Applies hooks left to right. */
export const composeHooks =
  (...hooks: HandlerHook[]): HandlerHook =>
  (handlers) =>
    hooks.reduce((acc, hook) => hook(acc), handlers);

/**
 * Records every **Build reports** input (the payload the chain builds: run, accounts, scan) into `sink`, then runs the
 * real handler; a redrive test replays it with the map output amended.
 */
export const recordBuildReportsInput =
  (sink: unknown[]): HandlerHook =>
  (handlers) => ({
    ...handlers,
    buildReports: async (event, context) => {
      sink.push(structuredClone(event));
      return handlers.buildReports(event, context);
    },
  });
