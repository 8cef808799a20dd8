import type { Finding, Hop } from '../../domain/change-context.model';
import type { TracedChange } from '../../domain/change-context.schema';

/**
 * Pure text helpers for the change context columns of the reports. Every value comes from CloudTrail, so it is
 * attacker-controllable: these return plain text, and each renderer escapes it (HTML) or writes it as a cell value.
 */

/** The four change columns of a Non-compliant resources row; empty strings when the resource was not traced. */
export interface ChangeColumns {
  changedBy: string;
  origin: string;
  via: string;
  changedAt: string;
}

/** The columns of a resource nobody traced. */
export const NO_CHANGE_COLUMNS: ChangeColumns = Object.freeze({ changedBy: '', origin: '', via: '', changedAt: '' });

/** The join key of a traced entry and a non-compliant row (within one account). */
export const changeKeyOf = (r: {
  region: string;
  ruleName: string;
  resourceType: string;
  resourceId: string;
}): string => JSON.stringify([r.region, r.ruleName, r.resourceType, r.resourceId]);

const hopName = (hop: Hop): string => hop.roleName ?? hop.roleArn ?? hop.sessionName ?? '(unresolved hop)';

/** `cli (aws-cli/2.15.0)`, `console`, or empty when unknown. */
export const interfaceText = (t: TracedChange): string => {
  if (!t.interface) return '';
  return t.interface.tool ? `${t.interface.kind} (${t.interface.tool})` : t.interface.kind;
};

const rawIdentity = (t: TracedChange): string => {
  const arn = t.event.userIdentity.arn;
  return typeof arn === 'string' ? arn : '';
};

/** Who made the change: the chain's origin (the person for Identity Center), else the actor, else the raw ARN. */
export const changedByOf = (t: TracedChange): string => t.chain?.origin.display ?? t.actor?.display ?? rawIdentity(t);

/** `iam-user: arn:aws:iam::1:user/alice`, or the identity key (`identity-center:alice@example.com`); empty when not analysed. */
export const originOf = (t: TracedChange): string => {
  const origin = t.chain?.origin ?? t.actor;
  if (!origin) return '';
  return origin.arn ? `${origin.kind}: ${origin.arn}` : origin.key;
};

/** The chain's role names joined by " → " (origin first), or the interface when the change was direct. */
export const viaOf = (t: TracedChange): string => {
  const hops = t.chain?.hops ?? [];
  return hops.length > 0 ? hops.map(hopName).join(' → ') : interfaceText(t);
};

/** The four columns of a traced change. */
export const changeColumnsOf = (t: TracedChange): ChangeColumns => ({
  changedBy: changedByOf(t),
  origin: originOf(t),
  via: viaOf(t),
  changedAt: t.event.eventTime,
});

/** The whole chain in words: `alice → OpsRole → AdminRole`, with `(incomplete: reason)` when it is not complete. */
export const chainText = (t: TracedChange): string => {
  if (!t.chain) return t.analysisError ? `not analysed: ${t.analysisError}` : '';
  const steps = [t.chain.origin.display, ...t.chain.hops.map(hopName)].join(' → ');
  return t.chain.complete ? steps : `${steps} (incomplete: ${t.chain.unresolvedReason ?? 'unresolved hop'})`;
};

const SEVERITY_RANK: Record<string, number> = { Critical: 0, High: 1, Medium: 2, Low: 3, Informational: 4 };

/** The findings worst first. */
export const findingsOf = (t: TracedChange): Finding[] =>
  [...(t.activity?.findings ?? [])].sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9));

/** `1 Critical, 2 High: Attach admin policy; Create access key`, or empty. */
export const findingsText = (findings: readonly Finding[]): string => {
  if (findings.length === 0) return '';
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const byTier = [...counts].map(([severity, n]) => `${n} ${severity}`).join(', ');
  return `${byTier}: ${findings.map((f) => (f.outcome === 'denied' ? `${f.title} (denied)` : f.title)).join('; ')}`;
};
