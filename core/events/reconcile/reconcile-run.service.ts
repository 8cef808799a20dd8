import { z } from 'zod';
import { keys } from '../../domain/keys';
import { AccountPartialSchema } from '../../domain/partial.schema';
import type { ObjectStore } from '../../platform/storage/object-store.port';
import { NotFoundError } from '../../shared/errors';
import { parseWith } from '../../shared/validation';
import { type ReconcileDeps, type ReconcileResult, reconcileAccount } from './reconcile.service';

/**
 * Input of the nightly reconciliation: the weekly run whose partials to compare with (default: the latest weekly run,
 * from `history/`; the schedule sends only its `scheduledTime`), optionally some accounts.
 */
export const ReconcileInputSchema = z.looseObject({
  runId: z.string().min(1).optional(),
  /** @default - every account the events table knows */
  accountIds: z.array(z.string().regex(/^\d{12}$/)).optional(),
});
/** Parsed reconciliation input. */
export type ReconcileInput = z.infer<typeof ReconcileInputSchema>;

/** The run's answer: per account, or `no-partial` when the scan has none for it. */
export interface ReconcileRunResult {
  runId: string;
  accounts: (ReconcileResult | { accountId: string; status: 'no-partial' })[];
}

/** The run id of the newest `history/<endDate>.json` (keys sort by end date). */
const latestWeeklyRunId = async (reports: ObjectStore): Promise<string> => {
  let newest: string | undefined;
  for await (const key of reports.list('history/')) if (key.endsWith('.json')) newest = key;
  if (newest === undefined) {
    throw new NotFoundError(
      'no weekly run to reconcile with: history/ is empty; run the weekly report or pass { "runId" }',
    );
  }
  const entry = parseWith(
    z.looseObject({ runId: z.string().min(1) }),
    JSON.parse((await reports.getText(newest)) ?? '{}'),
    `history entry ${newest}`,
  );
  return entry.runId;
};

/**
 * Reconciles each account with its partial of a weekly run (`runs/<runId>/partials/<account>.json`), one account
 * after another (a nightly job; order and pace do not matter).
 */
export const reconcileRun = async (
  input: ReconcileInput,
  deps: ReconcileDeps & { reports: ObjectStore },
): Promise<ReconcileRunResult> => {
  const runId = input.runId ?? (await latestWeeklyRunId(deps.reports));
  const accountIds = input.accountIds ?? (await deps.store.listAccounts());
  const accounts: ReconcileRunResult['accounts'] = [];
  for (const accountId of accountIds) {
    const key = keys.partial(runId, accountId);
    const text = await deps.reports.getText(key);
    if (text === undefined) {
      accounts.push({ accountId, status: 'no-partial' });
      continue;
    }
    const partial = parseWith(AccountPartialSchema, JSON.parse(text), `partial ${key}`);
    accounts.push(await reconcileAccount(partial, deps));
  }
  return { runId, accounts };
};
