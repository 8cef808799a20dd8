import type { LaceworkAlertDetails, LaceworkCloudAccount } from '../../core/domain/lacework.schema';
import type { LaceworkScenarioInput } from '../lacework-scenario.schema';
import type { OrganizationAccount } from '../scenario.schema';
import { ISO_27001_SECTIONS, OUTSIDE_POLICY, UNKNOWN_POLICY_ID } from './lacework-catalog';
import { complianceAlert, type LaceworkAccountRef, policyRecord, reportRecord } from './lacework-records';
import { Prng } from './prng';

/** Options of the Lacework part of {@link generateScenario}. */
export interface GenerateLaceworkOptions {
  /** @default - `AWS ISO 27001:2013` */
  framework?: string;
  /** First day of the alerts (UTC, inclusive). @default - `2026-10-01` */
  alertsFrom?: string;
  /** Last day of the alerts (UTC, inclusive). @default - `2026-12-31` */
  alertsTo?: string;
  /** ACTIVE accounts (the last ones) that have no compliance report. @default - 2 */
  accountsWithoutReport?: number;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

const cloudAccount = (account: OrganizationAccount, i: number, prng: Prng): LaceworkCloudAccount => {
  const roleArn = `arn:aws:iam::${account.Id}:role/lacework-audit-role`;
  const legacy = i === 2;
  return {
    createdOrUpdatedBy: 'cloud-team@example.com',
    createdOrUpdatedTime: '2025-03-01T10:00:00.000Z',
    data: {
      ...(legacy ? {} : { awsAccountId: account.Id }),
      crossAccountCredentials: { externalId: prng.lowerAlnum(12), roleArn },
    },
    enabled: 1,
    intgGuid: `SANDBOX_${prng.upperAlnum(40)}`,
    isOrg: 0,
    name: `${account.Name}-config`,
    state: {
      details: {},
      lastSuccessfulTime: Date.UTC(2026, 10, 20, 6),
      lastUpdatedTime: Date.UTC(2026, 10, 20, 6),
      ok: true,
    },
    type: 'AwsCfg',
  };
};

/** Every Monday-to-Sunday week touching the range gets 2 or 3 compliance alerts (clipped to the range). */
const alertTimes = (fromMs: number, toMs: number, prng: Prng): number[] => {
  const times: number[] = [];
  const firstMonday = fromMs - ((new Date(fromMs).getUTCDay() + 6) % 7) * DAY_MS;
  for (let week = firstMonday; week <= toMs; week += WEEK_MS) {
    const lo = Math.max(week, fromMs);
    const hi = Math.min(week + WEEK_MS, toMs);
    const n = prng.int(2, 3);
    for (let k = 0; k < n; k += 1) times.push(lo + Math.floor(prng.next() * (hi - lo)));
  }
  return times.sort((a, b) => a - b);
};

const platformAlert = (alertId: number, startMs: number): LaceworkAlertDetails => ({
  alertId,
  startTime: new Date(startMs).toISOString(),
  endTime: new Date(startMs + 3_600_000).toISOString(),
  alertType: 'CloudActivityLogIngestionFailed',
  severity: 'High',
  derivedFields: { category: 'Policy', sub_category: 'Platform', source: '' },
  status: 'Open',
  alertName: 'Cloud Activity log ingestion failure detected',
  alertInfo: { subject: 'Ingestion failure', description: 'New integration failure detected' },
  policyId: 'CUSTOM_PLATFORM_130',
  alertSource: 'UnknownAlertSource',
});

/**
 * The `lacework` section of a generated scenario, deterministic for a seed (its own PRNG, so the AWS part is the same
 * with or without it): one framework of ~23 policies in 4 sections (one Manual, one Violation, one disabled, one
 * referenced but missing), an AwsCfg integration per ACTIVE account (one legacy one without `awsAccountId`, plus a
 * disabled integration and a CloudTrail one), a report per ACTIVE account but the last `accountsWithoutReport`, and
 * 2–3 compliance alerts per week of the alert range plus a few Platform alerts (to be filtered out).
 */
export const generateLaceworkSection = (
  organization: readonly OrganizationAccount[],
  seed: number,
  options: GenerateLaceworkOptions = {},
): LaceworkScenarioInput => {
  const prng = new Prng((seed ^ 0x1ace0) >>> 0);
  const framework = options.framework ?? 'AWS ISO 27001:2013';
  const active = organization.filter((account) => (account.State ?? account.Status) === 'ACTIVE');
  const refs: LaceworkAccountRef[] = active.map((account) => ({ id: account.Id, name: account.Name }));
  const catalog = ISO_27001_SECTIONS.flatMap((section) => section.policies);
  const cloudAccounts = active.map((account, i) => cloudAccount(account, i, prng));
  const first = cloudAccounts[0];
  if (first !== undefined) {
    cloudAccounts.push({ ...first, intgGuid: `SANDBOX_${prng.upperAlnum(40)}`, name: 'retired-config', enabled: 0 });
    cloudAccounts.push({ ...first, intgGuid: `SANDBOX_${prng.upperAlnum(40)}`, name: 'org-trail', type: 'AwsCtSqs' });
  }
  const rates = new Map(catalog.map((policy) => [policy.id, prng.pick([0, 0, 0.1, 0.25, 0.4, 0.6])]));
  const withReport = refs.slice(0, Math.max(0, refs.length - (options.accountsWithoutReport ?? 2)));
  const reports = Object.fromEntries(
    withReport.map((ref) => [
      ref.id,
      { [framework]: reportRecord(framework, ISO_27001_SECTIONS, [OUTSIDE_POLICY], rates, ref, prng) },
    ]),
  );
  const alertable = [
    ...catalog.filter((p) => p.policyType === 'Compliance' && !p.missing && p.enabled !== false),
    OUTSIDE_POLICY,
  ];
  const fromMs = Date.parse(`${options.alertsFrom ?? '2026-10-01'}T00:00:00Z`);
  const toMs = Date.parse(`${options.alertsTo ?? '2026-12-31'}T00:00:00Z`) + DAY_MS - 1;
  let alertId = 1_200_000 + prng.int(0, 9999);
  const alerts = alertTimes(fromMs, toMs, prng).map((ms, i) => {
    alertId += prng.int(1, 40);
    const policy =
      i === 5 ? { ...OUTSIDE_POLICY, id: UNKNOWN_POLICY_ID, title: 'Custom policy' } : prng.pick(alertable);
    return complianceAlert(alertId, ms, policy, refs.length > 0 ? refs : [{ id: '000000000000', name: 'none' }], prng);
  });
  for (let k = 0; k < 4; k += 1) {
    alertId += 7;
    alerts.push(platformAlert(alertId, fromMs + prng.int(0, toMs - fromMs)));
  }
  return {
    frameworks: [framework],
    cloudAccounts,
    reportDefinitions: [
      {
        reportDefinitionGuid: `SANDBOX_${prng.upperAlnum(40)}`,
        reportName: framework,
        displayName: framework,
        reportType: 'COMPLIANCE',
        subReportType: 'AWS',
        reportNotificationType: 'AWS_ISO_27001:2013',
        reportDefinition: {
          sections: ISO_27001_SECTIONS.map((s) => ({
            category: s.category,
            title: s.title,
            policies: s.policies.map((p) => p.id),
          })),
        },
        createdBy: 'SYSTEM',
        createdTime: '2023-03-16T14:10:24Z',
        version: 1,
        enabled: 1,
      },
    ],
    policies: [...catalog.filter((p) => !p.missing), OUTSIDE_POLICY].map(policyRecord),
    alerts,
    reports,
  };
};
