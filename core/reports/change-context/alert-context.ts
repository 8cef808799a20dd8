import type { LaceworkAlertRow } from '../../domain/lacework-report';
import type { ChangeContextRow } from './change-context-collector';

/** The change context shown beside a Lacework alert. */
export interface AlertChangeContext {
  changedBy: string;
  via: string;
  changedAt: string;
}

const NONE: AlertChangeContext = Object.freeze({ changedBy: '', via: '', changedAt: '' });

/**
 * Gives Lacework compliance alerts the change context of the resources Trace changes traced: an alert matches a traced
 * resource when its Account names the resource's account and its Resource (an ARN, often with the account suffix)
 * contains the resource id. Alerts on resources outside the scanned accounts, or not traced, get empty columns.
 */
export const alertContextLookup = (
  rows: readonly ChangeContextRow[],
): ((alert: LaceworkAlertRow) => AlertChangeContext) => {
  const byAccount = new Map<string, ChangeContextRow[]>();
  for (const row of rows) {
    if (row.status !== 'traced' || row.resourceId === '') continue;
    byAccount.set(row.accountId, [...(byAccount.get(row.accountId) ?? []), row]);
  }
  return (alert) => {
    for (const [accountId, traced] of byAccount) {
      if (!alert.account.includes(accountId)) continue;
      const match = traced.find((t) => alert.resource.includes(t.resourceId));
      if (match) return { changedBy: match.actor, via: match.chain || match.interface, changedAt: match.changedAt };
    }
    return NONE;
  };
};
