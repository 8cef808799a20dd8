import type { ChangeContext, TracedChange, TraceEvent } from '../../domain/change-context.schema';
import { addDays, type DateRange } from '../../domain/date-range';
import type { NonCompliantResource } from '../../domain/partial.schema';
import type { Severity } from '../../domain/severity';
import type { CloudTrailRecord } from '../analysis/cloudtrail-record.schema';
import type { CloudTrailLookup } from '../cloudtrail-lookup.port';
import type { ConfigHistory } from '../config-history.port';
import { type AnalysisContext, type AnalyzeChange, analyzeActorOnly } from './analyze-change';
import { DEFAULT_TRACE_WINDOW, findChange, type TraceWindowOptions } from './find-change';
import { LookupIssuingEvents } from './issuing-events';
import { managedRuleSeverity, selectCandidates, type TraceCandidate } from './select-candidates';

/** Default bound of traced resources per account: the most severe are traced, the others only counted. */
export const DEFAULT_TRACE_LIMIT = 50;

/** Where CloudTrail records calls to the global STS endpoint (sts.amazonaws.com). */
const GLOBAL_STS_REGION = 'us-east-1';

/** Input of {@link traceChanges}: one account's scan result and the run's date range. */
export interface TraceChangesInput {
  accountId: string;
  /** The run's date range; evaluations recorded in it (UTC days, end inclusive) are candidates. */
  dateRange: DateRange;
  /** The account partial's `regions` (only `region` and `nonCompliant` are read). */
  regions: ReadonlyArray<{ region: string; nonCompliant: readonly NonCompliantResource[] }>;
  /** Most resources traced per account, most severe first. @default 50 */
  limit?: number;
  /** @default - 24 h before the evaluation, 15 min after */
  window?: Partial<TraceWindowOptions>;
}

/** Ports of {@link traceChanges}, bound to the account and its member credentials by the caller. */
export interface TraceChangesDeps {
  /** The account's CloudTrail in a region. */
  cloudTrail: (region: string) => CloudTrailLookup;
  /** The account's Config history in a region. */
  configHistory: (region: string) => ConfigHistory;
  /** @default {@link analyzeActorOnly} */
  analyze?: AnalyzeChange;
  /** @default - the shipped managed-rule severities, by normalized rule name */
  severityOf?: (ruleName: string) => Severity | undefined;
}

const describe = (err: unknown): { code: string; message: string } =>
  err instanceof Error ? { code: err.name, message: err.message } : { code: 'Error', message: String(err) };

const optional = <K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } =>
  (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };

const toTraceEvent = (record: CloudTrailRecord): TraceEvent => ({
  eventId: record.eventID,
  eventName: record.eventName,
  eventSource: record.eventSource,
  eventTime: record.eventTime,
  ...optional('awsRegion', record.awsRegion),
  ...optional('sourceIPAddress', record.sourceIPAddress),
  ...optional('userAgent', record.userAgent),
  ...optional('errorCode', record.errorCode),
  ...optional('readOnly', record.readOnly),
  userIdentity: { ...record.userIdentity },
});

interface RegionPorts {
  history: ConfigHistory;
  lookup: CloudTrailLookup;
  context: AnalysisContext;
}

const traceOne = async (
  candidate: TraceCandidate,
  ports: RegionPorts,
  analyze: AnalyzeChange,
  window: TraceWindowOptions,
): Promise<{ traced: TracedChange } | { untraced: ChangeContext['untraced'][number] }> => {
  const base = {
    region: candidate.region,
    ruleName: candidate.ruleName,
    resourceType: candidate.resourceType,
    resourceId: candidate.resourceId,
  };
  const recordedTime = new Date(candidate.recordedMs).toISOString();
  const result = await findChange(candidate, ports, window);
  if (!result.found) return { untraced: { ...base, recordedTime, reason: result.reason, detail: result.detail } };
  let analysis: Awaited<ReturnType<AnalyzeChange>> = {};
  let analysisError: string | undefined;
  try {
    analysis = await analyze(result.record, ports.context);
    analysisError = analysis.error;
  } catch (err) {
    const { code, message } = describe(err);
    analysisError = `${code}: ${message}`;
  }
  return {
    traced: {
      ...base,
      recordedTime,
      ...optional('severity', candidate.severity),
      foundBy: result.foundBy,
      ...optional('configurationItemCaptureTime', result.item?.captureTime.toISOString()),
      event: toTraceEvent(result.record),
      ...optional('actor', analysis.actor),
      ...optional('chain', analysis.chain),
      ...optional('interface', analysis.interface),
      ...optional('activity', analysis.activity),
      ...optional('analysisError', analysisError),
    },
  };
};

/**
 * **Trace changes** for one account, to tell who made each resource non-compliant: for the non-compliant resources
 * whose evaluation was recorded within the run's date range (bounded by `limit`, most severe first, the rest counted in
 * `notTraced`), finds the CloudTrail event that changed each one (Config `relatedEvents` → LookupEvents by EventId,
 * fallback LookupEvents by ResourceName) and hands it to the `core/trace` analysis. Sequential per account: CloudTrail
 * allows 2 LookupEvents calls per second per account and region, and the adapters pace to it.
 *
 * Never throws: a region whose ports cannot be built, or any unexpected failure, lands in `errors`; a resource that
 * cannot be traced lands in `untraced` with the reason.
 */
export const traceChanges = async (input: TraceChangesInput, deps: TraceChangesDeps): Promise<ChangeContext> => {
  const from = new Date(`${input.dateRange.startDate}T00:00:00Z`);
  const to = new Date(`${addDays(input.dateRange.endDate, 1)}T00:00:00Z`);
  const limit = input.limit ?? DEFAULT_TRACE_LIMIT;
  const context: ChangeContext = {
    schemaVersion: 1,
    accountId: input.accountId,
    window: { from: from.toISOString(), to: to.toISOString() },
    candidates: 0,
    limit,
    traced: [],
    untraced: [],
    notTraced: 0,
    errors: [],
  };
  try {
    const window = { ...DEFAULT_TRACE_WINDOW, ...input.window };
    const analyze = deps.analyze ?? analyzeActorOnly;
    const { selected, candidates } = selectCandidates(
      input.regions,
      { from, to },
      limit,
      deps.severityOf ?? managedRuleSeverity,
    );
    context.candidates = candidates;
    context.notTraced = candidates - selected.length;
    const regionPorts = new Map<string, RegionPorts | undefined>();
    for (const candidate of selected) {
      if (!regionPorts.has(candidate.region)) {
        try {
          const lookup = deps.cloudTrail(candidate.region);
          // AssumeRole through the global STS endpoint is logged in us-east-1: search there after the region itself.
          const stsRegions =
            candidate.region === GLOBAL_STS_REGION ? [lookup] : [lookup, deps.cloudTrail(GLOBAL_STS_REGION)];
          const context = { lookup, issuing: new LookupIssuingEvents(stsRegions) };
          regionPorts.set(candidate.region, { history: deps.configHistory(candidate.region), lookup, context });
        } catch (err) {
          regionPorts.set(candidate.region, undefined);
          context.errors.push({ region: candidate.region, ...describe(err) });
        }
      }
      const ports = regionPorts.get(candidate.region);
      const outcome =
        ports === undefined
          ? {
              untraced: {
                region: candidate.region,
                ruleName: candidate.ruleName,
                resourceType: candidate.resourceType,
                resourceId: candidate.resourceId,
                recordedTime: new Date(candidate.recordedMs).toISOString(),
                reason: 'lookup-failed' as const,
                detail: 'the region could not be read (see errors)',
              },
            }
          : await traceOne(candidate, ports, analyze, window);
      if ('traced' in outcome) context.traced.push(outcome.traced);
      else context.untraced.push(outcome.untraced);
    }
  } catch (err) {
    context.errors.push(describe(err));
  }
  return context;
};
