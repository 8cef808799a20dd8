import type { CallRef, Finding } from '../../domain/change-context.model';
import type { TracedChange } from '../../domain/change-context.schema';
import { chainText, findingsOf, interfaceText } from '../change-context/change-columns';
import type { ChangeContextReport, Investigation } from '../change-context/change-context-collector';
import { barChart } from './bar-chart';
import { escapeHtml as e, formatCount } from './escape-html';

/** How many calls a timeline lists (the principal may make thousands in the window). */
export const TIMELINE_LIMIT = 25;
/** How many services the usage chart shows. */
export const SERVICES_LIMIT = 8;

/** Severity → a fixed class name (never a CloudTrail string in an attribute). */
const SEVERITY_CLASS: Record<string, string> = {
  Critical: 'sev-critical',
  High: 'sev-high',
  Medium: 'sev-medium',
  Low: 'sev-low',
  Informational: 'sev-info',
};

const chainDiagram = (t: TracedChange): string => {
  const origin = t.chain?.origin ?? t.actor;
  const nodes = [
    `<span class="node origin">${e(origin?.display ?? 'unknown origin')}<small>${e(origin?.kind ?? '')}</small></span>`,
    ...(t.chain?.hops ?? []).map(
      (h) =>
        `<span class="node${h.status === 'unresolved' ? ' unresolved' : ''}">${e(h.roleName ?? h.roleArn ?? 'unresolved hop')}<small>${e([h.via, h.accountId, h.crossAccount ? 'cross-account' : ''].filter(Boolean).join(' · '))}</small></span>`,
    ),
    `<span class="node target">${e(t.event.eventName)}<small>${e(t.resourceId)}</small></span>`,
  ];
  const note =
    t.chain && !t.chain.complete
      ? `<p class="muted">Incomplete: ${e(t.chain.unresolvedReason ?? 'unresolved hop')}</p>`
      : '';
  return `<div class="chain" aria-label="${e(chainText(t))}">${nodes.join('<span class="arrow" aria-hidden="true">→</span>')}</div>${note}`;
};

const timeline = (t: TracedChange): string => {
  const a = t.activity;
  if (!a) return '<p class="muted">No activity summary.</p>';
  const denied = new Set(a.deniedCalls.map((c) => c.eventId));
  const calls = new Map<string, { call: CallRef; tags: string[] }>();
  for (const c of a.writeCalls) calls.set(c.eventId, { call: c, tags: ['write'] });
  for (const c of a.failedCalls) calls.set(c.eventId, { call: c, tags: [denied.has(c.eventId) ? 'denied' : 'failed'] });
  const sorted = [...calls.values()].sort((x, y) =>
    x.call.time < y.call.time ? -1 : x.call.time > y.call.time ? 1 : 0,
  );
  if (sorted.length === 0)
    return `<p class="muted">No write, failed or denied call in ${formatCount(a.totalCalls)} calls.</p>`;
  const items = sorted.slice(0, TIMELINE_LIMIT).map(({ call, tags }) => {
    const change = call.eventId === t.event.eventId ? '<span class="tag change">this change</span>' : '';
    const target = call.target ? ` <span class="muted">${e(call.target)}</span>` : '';
    const error = call.errorCode ? ` <span class="muted">${e(call.errorCode)}</span>` : '';
    return `<li class="${tags.join(' ')}"><time>${e(call.time)}</time> ${tags.map((g) => `<span class="tag ${g}">${g}</span>`).join('')}${change} ${e(call.eventSource)} ${e(call.eventName)}${target}${error}</li>`;
  });
  const more =
    sorted.length > TIMELINE_LIMIT
      ? `<p class="muted">${formatCount(sorted.length - TIMELINE_LIMIT)} more calls not shown.</p>`
      : '';
  return `<ol class="timeline">${items.join('')}</ol>${more}`;
};

const usageChart = (t: TracedChange): string => {
  const totals = new Map<string, number>();
  for (const h of t.activity?.servicesPerHour ?? [])
    totals.set(h.eventSource, (totals.get(h.eventSource) ?? 0) + h.count);
  const bars = [...totals]
    .map(([label, value]) => ({ label, value }))
    .sort((x, y) => y.value - x.value)
    .slice(0, SERVICES_LIMIT);
  return barChart('Calls per service in the window', bars);
};

const findingList = (findings: readonly Finding[]): string =>
  findings.length === 0
    ? '<p class="muted">No privilege-escalation finding.</p>'
    : `<ul class="findings">${findings
        .map(
          (f) =>
            `<li><span class="sev ${SEVERITY_CLASS[f.severity] ?? 'sev-info'}">${e(f.severity)}</span> ${e(f.title)} <span class="muted">${e(f.outcome)}${f.detail ? ` · ${e(f.detail)}` : ''}</span></li>`,
        )
        .join('')}</ul>`;

const investigation = ({ accountId, accountName, change: t }: Investigation): string => {
  const facts = [
    `${accountId}${accountName ? ` (${accountName})` : ''}`,
    t.region,
    t.ruleName,
    `changed ${t.event.eventTime}`,
    interfaceText(t),
    t.event.sourceIPAddress ?? '',
  ].filter(Boolean);
  const agent = t.event.userAgent ? `<p class="muted text">User agent: ${e(t.event.userAgent)}</p>` : '';
  return `<article class="investigation"><h3>${e(t.resourceType)} ${e(t.resourceId)}</h3><p class="muted">${facts.map((f) => e(f)).join(' · ')}</p>${agent}
${chainDiagram(t)}
<div class="panels"><figure><figcaption>Calls by the origin</figcaption>${timeline(t)}</figure><figure><figcaption>Service usage</figcaption>${usageChart(t)}</figure></div>
<h4>Findings</h4>${findingList(findingsOf(t))}</article>`;
};

/**
 * The **Investigation** section of summary.html: per traced resource (the first {@link INVESTIGATION_LIMIT}, then how
 * many more), the role chain as boxes and arrows, the origin's write / failed / denied calls in time order, the
 * calls-per-service chart and the findings. Every CloudTrail string is escaped: they are attacker-controllable.
 */
export const investigationSection = (report: ChangeContextReport | undefined): string => {
  if (!report || report.totals.traced === 0) {
    const errors = report?.totals.errors ?? [];
    return `<p class="muted">No resource traced for this run.</p>${errors.length ? `<ul class="errors">${errors.map((m) => `<li>${e(m)}</li>`).join('')}</ul>` : ''}`;
  }
  const { totals } = report;
  const untraced = Object.values(totals.untraced).reduce((s, n) => s + (n ?? 0), 0);
  const head = `<p>${formatCount(totals.traced)} traced · ${formatCount(untraced)} untraced · ${formatCount(totals.notTraced)} over the limit (see the Change context tab).</p>`;
  const more =
    report.moreInvestigations > 0
      ? `<p class="muted">${formatCount(report.moreInvestigations)} more traced resources in the workbook's Change context tab.</p>`
      : '';
  const errors = totals.errors.length
    ? `<ul class="errors">${totals.errors.map((m) => `<li>${e(m)}</li>`).join('')}</ul>`
    : '';
  return `${head}${report.investigations.map(investigation).join('\n')}${more}${errors}`;
};
