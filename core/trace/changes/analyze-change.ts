import type { ActivitySummary, Actor, Interface, RoleChain } from '../../domain/change-context.model';
import { summarizeActivity } from '../analysis/activity';
import { type CloudTrailRecord, parseInstantMs } from '../analysis/cloudtrail-record.schema';
import { actorFromIdentity } from '../analysis/identity';
import { classifyInterface } from '../analysis/interface';
import { resolveRoleChain } from '../analysis/role-chain';
import type { CloudTrailLookup, LookupQuery } from '../cloudtrail-lookup.port';
import type { IssuingEventLookup } from '../issuing-event.port';

/** What `core/trace` says about a change event: who (origin and chain), through which interface, and what else. */
export interface ChangeAnalysis {
  actor?: Actor;
  chain?: RoleChain;
  interface?: Interface;
  activity?: ActivitySummary;
  /** A part that failed (e.g. the activity lookups were throttled); the other parts are kept. */
  error?: string;
}

/** What an analysis may read: the region's CloudTrail and the issuing-event search built on it. */
export interface AnalysisContext {
  lookup: CloudTrailLookup;
  issuing: IssuingEventLookup;
}

/** Analyses one change event; a rejection is recorded on the traced change (`analysisError`), never thrown on. */
export type AnalyzeChange = (record: CloudTrailRecord, context: AnalysisContext) => Promise<ChangeAnalysis>;

/** The immediate actor from the record's `userIdentity`, with no lookups (the fallback analysis). */
export const analyzeActorOnly: AnalyzeChange = async (record) => ({
  actor: actorFromIdentity(record.userIdentity, record),
});

/** Options of {@link analyzeWithCoreTrace}. */
export interface CoreTraceOptions {
  /** @default 24 */
  hoursBefore?: number;
  /** @default 24 */
  hoursAfter?: number;
  /** Events read per activity query (access key or user name), newest first. @default 500 */
  maxEventsPerQuery?: number;
}

const HOUR_MS = 3_600_000;

/** The LookupEvents queries that read the origin's calls: every access key of the chain, and the origin's user name. */
const activityQueries = (record: CloudTrailRecord, chain: RoleChain): LookupQuery['attribute'][] => {
  const keys = new Set<string>();
  if (record.userIdentity.accessKeyId) keys.add(record.userIdentity.accessKeyId);
  for (const hop of chain.hops) if (hop.accessKeyId) keys.add(hop.accessKeyId);
  const attributes: LookupQuery['attribute'][] = [...keys].map((value) => ({ key: 'AccessKeyId', value }));
  const name = chain.origin.kind === 'identity-center' ? chain.origin.sessionName : chain.origin.userName;
  if (name) attributes.push({ key: 'Username', value: name });
  return attributes;
};

/**
 * The full analysis of a change with `core/trace` (who is behind it, through which role chain and interface, and what
 * else that origin did): `resolveRoleChain` (issuing events found through LookupEvents), `classifyInterface`, then
 * `summarizeActivity` over the origin's calls read by access key and user name within ±24 h of the change. A failure of
 * the activity lookups keeps the chain and interface (`error` says why).
 */
export const analyzeWithCoreTrace =
  (options: CoreTraceOptions = {}): AnalyzeChange =>
  async (record, { lookup, issuing }) => {
    const chain = await resolveRoleChain(record, issuing);
    const analysis: ChangeAnalysis = { actor: chain.origin, chain, interface: classifyInterface(record) };
    const around = parseInstantMs(record.eventTime);
    if (around === undefined) return { ...analysis, error: `unreadable eventTime ${record.eventTime}` };
    const hoursBefore = options.hoursBefore ?? 24;
    const hoursAfter = options.hoursAfter ?? 24;
    try {
      const records = new Map<string, CloudTrailRecord>([[record.eventID, record]]);
      for (const attribute of activityQueries(record, chain)) {
        const { events } = await lookup.lookup({
          attribute,
          startTime: new Date(around - hoursBefore * HOUR_MS),
          endTime: new Date(around + hoursAfter * HOUR_MS),
          maxEvents: options.maxEventsPerQuery ?? 500,
        });
        for (const event of events) if (event.record) records.set(event.eventId, event.record);
      }
      const activity = summarizeActivity([...records.values()], chain, {
        around: new Date(around),
        hoursBefore,
        hoursAfter,
      });
      return { ...analysis, activity };
    } catch (err) {
      return { ...analysis, error: `activity: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}` };
    }
  };
