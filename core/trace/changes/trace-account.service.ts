import { z } from 'zod';
import { keys } from '../../domain/keys';
import { AccountPartialSchema } from '../../domain/partial.schema';
import type { MemberAccess, MemberCredentials } from '../../platform/aws/member-access.port';
import type { ObjectStore } from '../../platform/storage/object-store.port';
import { MemberRoleNotAssumableError } from '../../shared/errors';
import type { Log } from '../../shared/log.port';
import { parseWith } from '../../shared/validation';
import type { CloudTrailLookup } from '../cloudtrail-lookup.port';
import type { ConfigHistory } from '../config-history.port';
import { analyzeWithCoreTrace } from './analyze-change';
import { traceChanges } from './trace-changes.service';

/** Payload of **Trace changes**: the map item plus the run's range, built by the chain. */
export const TraceAccountInputSchema = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  runId: z.string().min(1),
  startDate: z.string(),
  endDate: z.string(),
});
export type TraceAccountInput = z.infer<typeof TraceAccountInputSchema>;

/** What **Trace changes** returns to the child execution (small: the context itself is in S3). */
export interface TraceAccountResult {
  accountId: string;
  status: 'traced' | 'skipped';
  reason?: string;
  key?: string;
  traced: number;
  untraced: number;
  notTraced: number;
}

/** Ports and settings of {@link traceAccount}. */
export interface TraceAccountDeps {
  access: MemberAccess;
  store: ObjectStore;
  log: Log;
  /** CloudTrail and Config history of one member account and region, with its session. */
  traceSources: (
    accountId: string,
    region: string,
    credentials: MemberCredentials,
  ) => { cloudTrail: CloudTrailLookup; configHistory: ConfigHistory };
  /** Resources traced per account, most severe first. */
  limit: number;
}

/**
 * **Trace changes**: who made each resource of the account non-compliant within the range.
 *
 * 1. Read the account's partial; a failed scan (no member session) or no non-compliant resource → `skipped`.
 * 2. Assume the member role again (its own session: the scan's has ended).
 * 3. Trace at most `limit` resources (Config history → CloudTrail, role chain, interface, activity); what cannot be
 *    traced is recorded with the reason (the tracing service never throws for one resource).
 * 4. Write `runs/<runId>/traces/<accountId>.json` for Build reports and return the counts.
 */
export const traceAccount = async (input: TraceAccountInput, deps: TraceAccountDeps): Promise<TraceAccountResult> => {
  const { accountId, runId } = input;
  const skipped = (reason: string): TraceAccountResult => ({
    accountId,
    status: 'skipped',
    reason,
    traced: 0,
    untraced: 0,
    notTraced: 0,
  });
  if (deps.limit === 0) return skipped('tracing disabled (TRACE_LIMIT=0)');
  const text = await deps.store.getText(keys.partial(runId, accountId));
  if (text === undefined) return skipped('no partial');
  const partial = parseWith(AccountPartialSchema, JSON.parse(text), `partial ${keys.partial(runId, accountId)}`);
  const regions = partial.regions.filter((r) => r.nonCompliant.length > 0);
  if (partial.status === 'failed' || regions.length === 0) {
    return skipped(partial.status === 'failed' ? 'scan failed' : 'nothing non-compliant');
  }
  let credentials: MemberCredentials;
  try {
    credentials = await deps.access.assume(accountId, `compliance-trace-${runId}`.slice(0, 64));
  } catch (error) {
    if (error instanceof MemberRoleNotAssumableError) return skipped(`member role not assumable: ${error.code}`);
    throw error;
  }
  const sources = new Map(regions.map((r) => [r.region, deps.traceSources(accountId, r.region, credentials)]));
  const source = (region: string) => {
    const found = sources.get(region) ?? deps.traceSources(accountId, region, credentials);
    sources.set(region, found);
    return found;
  };
  const context = await traceChanges(
    { accountId, dateRange: input, regions, limit: deps.limit },
    {
      cloudTrail: (region) => source(region).cloudTrail,
      configHistory: (region) => source(region).configHistory,
      analyze: analyzeWithCoreTrace(),
    },
  );
  const key = keys.trace(runId, accountId);
  await deps.store.put(key, JSON.stringify(context), 'application/json');
  const result = {
    accountId,
    status: 'traced' as const,
    key,
    traced: context.traced.length,
    untraced: context.untraced.length,
    notTraced: context.notTraced,
  };
  deps.log.info('traced changes', { ...result, errors: context.errors.length });
  return result;
};
