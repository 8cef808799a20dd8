import { z } from 'zod';
import { keys } from '../domain/keys';
import { AccountPartialSchema } from '../domain/partial.schema';
import type { ObjectStore } from '../ports/object-store.port';
import { parseWith } from '../validation';
import { type ReconcileDeps, type ReconcileResult, reconcileAccount } from './reconcile.service';

/** Input of the nightly reconciliation: the weekly run whose partials to compare with, optionally some accounts. */
export const ReconcileInputSchema = z.looseObject({
  runId: z.string().min(1),
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

/**
 * Reconciles each account with its partial of a weekly run (`runs/<runId>/partials/<account>.json`), one account
 * after another (a nightly job; order and pace do not matter).
 */
export const reconcileRun = async (
  input: ReconcileInput,
  deps: ReconcileDeps & { reports: ObjectStore },
): Promise<ReconcileRunResult> => {
  const accountIds = input.accountIds ?? (await deps.store.listAccounts());
  const accounts: ReconcileRunResult['accounts'] = [];
  for (const accountId of accountIds) {
    const key = keys.partial(input.runId, accountId);
    const text = await deps.reports.getText(key);
    if (text === undefined) {
      accounts.push({ accountId, status: 'no-partial' });
      continue;
    }
    const partial = parseWith(AccountPartialSchema, JSON.parse(text), `partial ${key}`);
    accounts.push(await reconcileAccount(partial, deps));
  }
  return { runId: input.runId, accounts };
};
