import type { CloudTrailLookup } from '../ports/cloudtrail-lookup.port';
import type { CloudTrailRecord } from '../trace/cloudtrail-record.schema';
import { actorFromIdentity } from '../trace/identity';
import type { IssuingEventLookup } from '../trace/issuing-event.port';
import type { ActivitySummary, Actor, Interface, RoleChain } from '../trace/model';

/** What `core/trace` says about a change event: who (origin and chain), through which interface, and what else. */
export interface ChangeAnalysis {
  actor?: Actor;
  chain?: RoleChain;
  interface?: Interface;
  activity?: ActivitySummary;
}

/** What an analysis may read: the region's CloudTrail and the issuing-event search built on it. */
export interface AnalysisContext {
  lookup: CloudTrailLookup;
  issuing: IssuingEventLookup;
}

/** Analyses one change event; a rejection is recorded on the traced change (`analysisError`), never thrown on. */
export type AnalyzeChange = (record: CloudTrailRecord, context: AnalysisContext) => Promise<ChangeAnalysis>;

/**
 * The analysis available until the role-chain walk, interface classification and activity summary land in
 * `core/trace`: the immediate actor from the record's `userIdentity`.
 */
export const analyzeActorOnly: AnalyzeChange = async (record) => ({
  actor: actorFromIdentity(record.userIdentity, record),
});
