import type { Finding } from '../../domain/change-context.model';
import type { Severity } from '../../domain/severity';
import { callTarget, isDenied, isFailed, normalizedEventName } from '../analysis/call-facts';
import { type CloudTrailRecord, eventTimeMs } from '../analysis/cloudtrail-record.schema';
import { SEQUENCE_RULES, type SequenceRule, type SequenceStep } from './privesc-sequences';
import { SINGLE_RULES, type SingleRule } from './privesc-singles';

/** Options of the catalogue match. */
export interface CatalogueOptions {
  /** @default 5 - distinct roles assumed in the window that make an AssumeRole fan-out (row 19) */
  fanOutRoles?: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const idOf = (pattern: number, slug: string): string => `privesc-${pad(pattern)}-${slug}`;

/** A call counts as an attempt when it succeeded or was denied; other failures (ValidationException, …) are not. */
const attempted = (record: CloudTrailRecord): boolean => !isFailed(record) || isDenied(record);
const paramsMissing = (record: CloudTrailRecord): boolean => record.requestParameters == null;

const matchesStep = (record: CloudTrailRecord, step: SequenceStep | SingleRule): boolean => {
  return (
    record.eventSource === step.eventSource &&
    step.eventNames.includes(normalizedEventName(record)) &&
    attempted(record)
  );
};

const singleFinding = (record: CloudTrailRecord, rule: SingleRule): Finding | undefined => {
  if (!matchesStep(record, rule)) return undefined;
  const denied = isDenied(record);
  const detail =
    denied && paramsMissing(record) ? 'parameters not recorded on the denied call' : (rule.applies?.(record) ?? '');
  if (detail === false) return undefined;
  const severity: Severity = denied
    ? rule.tier === 'escalation'
      ? 'Medium'
      : 'Low'
    : rule.tier === 'escalation' && (rule.privileged?.(record) ?? true)
      ? 'High'
      : 'Medium';
  return {
    id: idOf(rule.pattern, rule.slug),
    pattern: rule.pattern,
    title: rule.title,
    severity,
    events: [record.eventID],
    kind: 'single',
    outcome: denied ? 'denied' : 'succeeded',
    ...(detail !== '' && { detail }),
  };
};

const stepApplies = (record: CloudTrailRecord, step: SequenceStep): boolean => {
  if (!matchesStep(record, step)) return false;
  if (step.when === undefined || (isDenied(record) && paramsMissing(record))) return true;
  return step.when(record);
};

const linkAgrees = (record: CloudTrailRecord, rule: SequenceRule, keys: readonly string[] | undefined) => {
  const own = rule.link?.(record);
  if (rule.link === undefined || keys === undefined || own === undefined) return { ok: true, keys: keys ?? own };
  const shared = own.filter((key) => keys.includes(key));
  return { ok: shared.length > 0, keys: shared };
};

/** Completes the sequence from `start` (index into `records`), steps strictly in order; `undefined` when it doesn't. */
const completeFrom = (
  records: readonly CloudTrailRecord[],
  start: number,
  rule: SequenceRule,
): CloudTrailRecord[] | undefined => {
  const first = records[start] as CloudTrailRecord;
  const chain = [first];
  let keys = rule.link?.(first);
  let at = start;
  for (const step of rule.steps.slice(1)) {
    const next = records.findIndex((r, i) => i > at && stepApplies(r, step) && linkAgrees(r, rule, keys).ok);
    if (next < 0) return undefined;
    const record = records[next] as CloudTrailRecord;
    keys = linkAgrees(record, rule, keys).keys;
    chain.push(record);
    at = next;
  }
  return chain;
};

const sequenceFindings = (records: readonly CloudTrailRecord[], rule: SequenceRule): Finding[] => {
  const findings: Finding[] = [];
  const used = new Set<string>();
  const firstStep = rule.steps[0] as SequenceStep;
  records.forEach((record, index) => {
    if (used.has(record.eventID) || !stepApplies(record, firstStep)) return;
    const chain = completeFrom(records, index, rule);
    if (chain === undefined) return;
    for (const r of chain) used.add(r.eventID);
    const denied = chain.some(isDenied);
    findings.push({
      id: idOf(rule.pattern, rule.slug),
      pattern: rule.pattern,
      title: rule.title,
      severity: denied ? 'Medium' : 'Critical',
      events: chain.map((r) => r.eventID),
      kind: 'sequence',
      outcome: denied ? 'denied' : 'succeeded',
      detail: chain.map((r) => `${r.eventName}${r.errorCode ? ` (${r.errorCode})` : ''}`).join(' → '),
    });
  });
  return findings;
};

const fanOutFindings = (records: readonly CloudTrailRecord[], threshold: number): Finding[] => {
  const assumes = records.filter((r) => r.eventSource === 'sts.amazonaws.com' && r.eventName === 'AssumeRole');
  const findings: Finding[] = [];
  for (const denied of [false, true]) {
    const group = assumes.filter((r) => (denied ? isDenied(r) : !isFailed(r)));
    const roles = new Set(group.map((r) => callTarget(r) ?? r.eventID));
    if (roles.size < threshold) continue;
    findings.push({
      id: idOf(19, 'assume-role-fan-out'),
      pattern: 19,
      title: 'AssumeRole fan-out',
      severity: denied ? 'Medium' : 'High',
      events: group.map((r) => r.eventID),
      kind: 'sequence',
      outcome: denied ? 'denied' : 'succeeded',
      detail: `${roles.size} distinct roles`,
    });
  }
  return findings;
};

/**
 * Matches one origin's calls against the privilege-escalation catalogue: single events, ordered sequences (every step
 * after the previous one, tied by the same resource where the row has one) and the AssumeRole fan-out. Give it ONLY the
 * origin's records: a step by another actor must not complete a sequence. Singles that are part of a completed,
 * successful sequence are folded into it. Failed-but-not-denied calls never match.
 */
export const matchCatalogue = (records: readonly CloudTrailRecord[], options: CatalogueOptions = {}): Finding[] => {
  const ordered = records
    .map((record, index) => ({ record, index, time: eventTimeMs(record) ?? 0 }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((entry) => entry.record);
  const sequences = SEQUENCE_RULES.flatMap((rule) => sequenceFindings(ordered, rule));
  const covered = new Set(sequences.filter((f) => f.outcome === 'succeeded').flatMap((f) => f.events));
  const singles = ordered
    .flatMap((record) => SINGLE_RULES.map((rule) => singleFinding(record, rule)))
    .filter((f): f is Finding => f !== undefined && !f.events.every((id) => covered.has(id)));
  return [...singles, ...sequences, ...fanOutFindings(ordered, options.fanOutRoles ?? 5)];
};
