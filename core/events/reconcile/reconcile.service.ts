import { createHash } from 'node:crypto';
import type { AccountPartial } from '../../domain/partial.schema';
import type { Log } from '../../shared/log.port';
import type { ComplianceEventStore } from '../event-store.port';
import { type Observation, toIsoUtc } from '../ingest/observation';
import { type RecordDeps, recordObservation } from '../ingest/record-observation';
import type { LatestState, PageKey } from '../model';

/** What the reconciliation needs (no chat: its findings go to the digest only). */
export interface ReconcileDeps extends RecordDeps {
  log: Log;
}

/** A rule whose counts in the scan differ from the latest states (resources never seen by events). */
export interface CountDrift {
  region: string;
  ruleName: string;
  scan: { compliant: number; nonCompliant: number };
  events: { compliant: number; nonCompliant: number };
}

/** The reconciliation's answer for one account. */
export interface ReconcileResult {
  accountId: string;
  runId: string;
  /** Failing in the scan, not failing (or unknown) in the latest states. */
  missedViolations: number;
  /** Failing in the latest states, absent from the scan's failures for an evaluated rule. */
  missedResolutions: number;
  /** Records actually written (a rerun finds nothing left to fix). */
  recorded: number;
  countDrift: CountDrift[];
}

const key = (region: string, rule: string, type: string, id: string) => `${region}|${rule}|${type}|${id}`;

const readAll = async (store: ComplianceEventStore, accountId: string): Promise<LatestState[]> => {
  const all: LatestState[] = [];
  let start: PageKey | undefined;
  do {
    const page = await store.queryLatestByAccount(accountId, {
      limit: 500,
      ...(start ? { exclusiveStartKey: start } : {}),
    });
    all.push(...page.items);
    start = page.lastEvaluatedKey;
  } while (start);
  return all;
};

/**
 * Compares an account's latest states with the weekly scan's partial for that account (Config's own answer) and
 * records each difference as a history record flagged `reconciled` plus the corrected latest state: failures the
 * events missed, and failures the scan no longer reports for a rule it evaluated in an enabled region. Only
 * differences newer than the stored state count (events after the scan win). Count drift per rule is reported, not
 * recorded (the scan has no ids for compliant resources). Never alerts.
 */
export const reconcileAccount = async (partial: AccountPartial, deps: ReconcileDeps): Promise<ReconcileResult> => {
  const { accountId, runId } = partial;
  const states = await readAll(deps.store, accountId);
  const byKey = new Map(states.map((s) => [key(s.region, s.ruleName, s.resourceType, s.resourceId), s]));
  const scanTime = toIsoUtc(partial.finishedAt);
  const observations: Observation[] = [];
  const countDrift: CountDrift[] = [];
  const observe = (base: Omit<Observation, 'eventId' | 'source' | 'accountId'>) => {
    const digest = createHash('sha256')
      .update(`${runId}|${key(base.region, base.ruleName, base.resourceType, base.resourceId)}|${base.complianceType}`)
      .digest('hex')
      .slice(0, 24);
    observations.push({ ...base, accountId, eventId: `reconciled-${digest}`, source: 'reconciled' });
  };
  let missedViolations = 0;
  let missedResolutions = 0;
  for (const region of partial.regions.filter((r) => r.configStatus === 'enabled')) {
    const failing = new Set<string>();
    for (const r of region.nonCompliant.filter((n) => n.complianceType === 'NON_COMPLIANT')) {
      const k = key(region.region, r.ruleName, r.resourceType, r.resourceId);
      failing.add(k);
      const at = r.recordedTime ? toIsoUtc(r.recordedTime) : scanTime;
      const state = byKey.get(k);
      if (state?.complianceType === 'NON_COMPLIANT' || (state && state.orderingTimestamp >= at)) continue;
      missedViolations += 1;
      observe({
        region: region.region,
        ruleName: r.ruleName,
        resourceType: r.resourceType,
        resourceId: r.resourceId,
        complianceType: 'NON_COMPLIANT',
        orderingTimestamp: at,
        annotation: `reconciled with weekly scan ${runId}${r.annotation ? `: ${r.annotation}` : ''}`,
      });
    }
    const evaluated = new Set(region.rules.filter((r) => r.compliance !== 'NOT_EVALUATED').map((r) => r.ruleName));
    const regionStates = states.filter((s) => s.region === region.region);
    for (const s of regionStates) {
      const k = key(s.region, s.ruleName, s.resourceType, s.resourceId);
      if (s.complianceType !== 'NON_COMPLIANT' || failing.has(k) || !evaluated.has(s.ruleName)) continue;
      if (s.orderingTimestamp >= toIsoUtc(partial.startedAt)) continue;
      missedResolutions += 1;
      observe({
        region: s.region,
        ruleName: s.ruleName,
        resourceType: s.resourceType,
        resourceId: s.resourceId,
        complianceType: 'COMPLIANT',
        orderingTimestamp: scanTime,
        annotation: `not reported non-compliant by weekly scan ${runId}`,
      });
    }
    for (const rule of region.rules) {
      const mine = regionStates.filter((s) => s.ruleName === rule.ruleName);
      const events = {
        compliant: mine.filter((s) => s.complianceType === 'COMPLIANT').length,
        nonCompliant: mine.filter((s) => s.complianceType === 'NON_COMPLIANT').length,
      };
      const scan = { compliant: rule.compliantCount, nonCompliant: rule.nonCompliantCount };
      if (scan.compliant !== events.compliant || scan.nonCompliant !== events.nonCompliant) {
        countDrift.push({ region: region.region, ruleName: rule.ruleName, scan, events });
      }
    }
  }
  let recorded = 0;
  for (const obs of observations) {
    const outcome = await recordObservation(obs, deps);
    if (outcome.history === 'stored' && outcome.latest === 'updated') recorded += 1;
  }
  const result = { accountId, runId, missedViolations, missedResolutions, recorded, countDrift };
  deps.log.info('account reconciled', { ...result, countDrift: countDrift.length });
  return result;
};
