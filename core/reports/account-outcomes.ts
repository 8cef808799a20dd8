import type { Account } from '../domain/account.schema';
import { keys } from '../domain/keys';
import { type AccountPartial, AccountPartialSchema, type ScanError } from '../domain/partial.schema';
import type { ScanSummary } from '../domain/scan-account.schema';
import type { ObjectStore } from '../platform/storage/object-store.port';
import type { Log } from '../shared/log.port';
import type { FailedAccount } from './report-model';

/** One account of the run, joined from accounts.json, its partial and its map summary. */
export type AccountOutcome =
  | { kind: 'scanned'; account: Pick<Account, 'id' | 'name'>; partial: AccountPartial }
  | { kind: 'failed'; failure: FailedAccount };

/** What {@link accountOutcomes} joins. */
export interface AccountOutcomeSources {
  runId: string;
  /** accounts.json's accounts; the names come from here. */
  accounts: readonly Pick<Account, 'id' | 'name'>[];
  /** Ids from the List accounts output; any missing from `accounts` still get a row (no name). */
  ids?: readonly string[];
  summaries: ReadonlyMap<string, ScanSummary>;
  store: ObjectStore;
  log: Log;
  /** Partials read ahead of the one being folded (S3 latency hides behind the work). @default 8 */
  readAhead?: number;
}

/** Default read-ahead: enough to hide S3 GET latency, small enough that a few large partials fit in memory. */
export const DEFAULT_READ_AHEAD = 8;

/** `us-east-1 AccessDenied: not authorized` — region first when known. */
export const formatScanError = (error: ScanError): string =>
  `${error.region ? `${error.region} ` : ''}${error.code}: ${error.message}`;

const oneLine = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('; ');

type PartialRead =
  | { ok: true; partial: AccountPartial }
  | { ok: false; reason: 'missing' | 'corrupt'; message: string };

const readPartial = async (store: ObjectStore, key: string, accountId: string): Promise<PartialRead> => {
  const text = await store.getText(key);
  if (text === undefined) return { ok: false, reason: 'missing', message: 'no partial written' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'corrupt', message: `partial is corrupt: ${key}: ${(error as Error).message}` };
  }
  const parsed = AccountPartialSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.message} at ${i.path.join('.') || '(root)'}`).join('; ');
    return { ok: false, reason: 'corrupt', message: `partial is corrupt: ${key}: ${oneLine(issues)}` };
  }
  if (parsed.data.accountId !== accountId) {
    const message = `partial is corrupt: ${key}: accountId is ${parsed.data.accountId}, expected ${accountId}`;
    return { ok: false, reason: 'corrupt', message };
  }
  return { ok: true, partial: parsed.data };
};

const failedFromPartial = (account: Pick<Account, 'id' | 'name'>, partial: AccountPartial): FailedAccount => ({
  accountId: account.id,
  accountName: account.name,
  phase: partial.errors[0]?.phase ?? 'scan',
  error: partial.errors.length ? partial.errors.map(formatScanError).join('; ') : 'scan failed with no error recorded',
});

const failedFromRead = (
  account: Pick<Account, 'id' | 'name'>,
  read: Exclude<PartialRead, { ok: true }>,
  summary: ScanSummary | undefined,
): FailedAccount => {
  const catchReason = summary?.errors.length ? summary.errors.map(oneLine).join('; ') : undefined;
  const error =
    read.reason === 'missing' ? (catchReason ?? read.message) : [read.message, catchReason].filter(Boolean).join('; ');
  return { accountId: account.id, accountName: account.name, phase: 'scan', error };
};

/** accounts.json's accounts plus any listed id it lacks, each once, in account id order. */
const accountsInOrder = (sources: AccountOutcomeSources): Pick<Account, 'id' | 'name'>[] => {
  const byId = new Map<string, Pick<Account, 'id' | 'name'>>();
  for (const account of sources.accounts) if (!byId.has(account.id)) byId.set(account.id, account);
  for (const id of sources.ids ?? []) if (!byId.has(id)) byId.set(id, { id, name: '' });
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};

/**
 * Yields every account exactly once, in account id order: `scanned` when its partial exists, parses and is not
 * `failed`; otherwise `failed` with the reason (the partial's errors, `partial is corrupt: <key>: <issues>`, the map
 * summary's Catch errors, or `no partial written`). Up to `readAhead` partials are fetched ahead of the one being
 * yielded, so at most that many are in memory. Never throws for one bad partial; store errors (e.g. S3 unavailable)
 * do propagate so the state's Retry can act.
 */
export async function* accountOutcomes(sources: AccountOutcomeSources): AsyncGenerator<AccountOutcome> {
  const known = new Set(sources.accounts.map((a) => a.id).concat(sources.ids ?? []));
  const unknown = [...sources.summaries.keys()].filter((id) => !known.has(id));
  if (unknown.length) sources.log.warn('map summaries for accounts not in accounts.json', { accountIds: unknown });

  const ordered = accountsInOrder(sources);
  const keyOf = (account: Pick<Account, 'id'>) =>
    sources.summaries.get(account.id)?.partialKey ?? keys.partial(sources.runId, account.id);
  const reads: (Promise<PartialRead> | undefined)[] = [];
  const start = (i: number) => {
    const account = ordered[i];
    if (!account) return;
    const read = readPartial(sources.store, keyOf(account), account.id);
    read.catch(() => undefined); // awaited in order below; this only stops an early failure being "unhandled"
    reads[i] = read;
  };
  const window = Math.max(1, sources.readAhead ?? DEFAULT_READ_AHEAD);
  for (let i = 0; i < window; i += 1) start(i);

  for (let i = 0; i < ordered.length; i += 1) {
    const account = ordered[i] as Pick<Account, 'id' | 'name'>;
    const read = await (reads[i] as Promise<PartialRead>);
    reads[i] = undefined;
    start(i + window);
    const summary = sources.summaries.get(account.id);
    if (!read.ok) {
      sources.log.warn('account has no usable partial', {
        accountId: account.id,
        key: keyOf(account),
        reason: read.reason,
      });
      yield { kind: 'failed', failure: failedFromRead(account, read, summary) };
    } else if (read.partial.status === 'failed') {
      yield { kind: 'failed', failure: failedFromPartial(account, read.partial) };
    } else {
      yield { kind: 'scanned', account, partial: read.partial };
    }
  }
}
