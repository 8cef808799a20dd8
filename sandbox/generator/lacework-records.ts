import type { LaceworkAlertDetails, LaceworkComplianceReport, LaceworkPolicy } from '../../core/domain/lacework.schema';
import type { CatalogPolicy, LaceworkResourceKind } from './lacework-catalog';
import type { Prng } from './prng';

/** The account an alert or a report is about. */
export interface LaceworkAccountRef {
  id: string;
  name: string;
}

const SEVERITY_NUMBER = { critical: 1, high: 2, medium: 3, low: 4, info: 5 } as const;
const REGIONS = ['us-east-1', 'eu-west-1'];

/** The policy as `GET /Policies/{id}` returns it. */
export const policyRecord = (policy: CatalogPolicy): LaceworkPolicy => ({
  policyId: policy.id,
  policyType: policy.policyType,
  queryId: `LW_Global_AWS_${policy.id.replace('lacework-global-', 'Rule')}`,
  title: policy.title,
  enabled: policy.enabled ?? true,
  description: `${policy.title}.\nLacework evaluates this control daily from each integrated account's configuration.`,
  remediation: `1. Sign in to the AWS console of the affected account.\n2. ${policy.title.replace(/^Ensure /, 'Make sure ')}.\n3. Wait for the next daily assessment.`,
  severity: policy.severity,
  limit: 1000,
  evalFrequency: 'Daily',
  alertEnabled: policy.policyType !== 'Manual',
  tags: ['domain:AWS', 'subdomain:Configuration', 'framework:iso-27001-2013'],
  owner: 'Lacework',
  lastUpdateTime: '2026-06-30T12:00:00.000Z',
  lastUpdateUser: 'SYSTEM',
});

/** A resource ARN of the policy's kind in the account. */
export const resourceArn = (
  kind: LaceworkResourceKind,
  account: LaceworkAccountRef,
  region: string,
  prng: Prng,
): string => {
  const a = account.id;
  switch (kind) {
    case 'root':
      return `arn:aws:iam::${a}:root`;
    case 'iam-user':
      return `arn:aws:iam::${a}:user/${prng.pick(['deploy-bot', 'ci-runner', 'alice', 'bob', 'reporting'])}`;
    case 'iam-policy':
      return `arn:aws:iam::${a}:policy/${prng.pick(['AdminAll', 'LegacyFullAccess', 'BreakGlass'])}`;
    case 'ebs':
      return `arn:aws:ec2:${region}:${a}:volume/vol-0${prng.hex(16)}`;
    case 'rds':
      return `arn:aws:rds:${region}:${a}:db:${account.name}-db-${prng.int(1, 9)}`;
    case 'kms':
      return `arn:aws:kms:${region}:${a}:key/${prng.uuid()}`;
    case 's3':
      return `arn:aws:s3:::${account.name}-${prng.pick(['logs', 'assets', 'exports'])}-${prng.hex(4)}`;
    case 'trail':
      return `arn:aws:cloudtrail:${region}:${a}:trail/${account.name}-trail`;
    case 'vpc':
      return `arn:aws:ec2:${region}:${a}:vpc/vpc-0${prng.hex(16)}`;
    case 'sg':
      return `arn:aws:ec2:${region}:${a}:security-group/sg-0${prng.hex(16)}`;
    case 'nacl':
      return `arn:aws:ec2:${region}:${a}:network-acl/acl-0${prng.hex(16)}`;
  }
};

const count = (n: number, prng: Prng): number | string => (prng.chance(0.15) ? String(n) : n);

/**
 * One recommendation of an account's report for a policy. `rate` is the policy's chance of being NonCompliant in an
 * account (0 for some policies, so the demo has clean rows); Manual policies always need a manual assessment.
 */
const recommendation = (
  policy: CatalogPolicy,
  rate: number,
  account: LaceworkAccountRef,
  category: string,
  prng: Prng,
) => {
  const assessed = policy.kind === 'root' ? 1 : prng.int(1, 40);
  const other = prng.next();
  const status =
    policy.policyType === 'Manual'
      ? 'RequiresManualAssessment'
      : prng.chance(rate)
        ? prng.chance(0.12)
          ? 'non-compliant'
          : 'NonCompliant'
        : other < 0.08
          ? 'CouldNotAssess'
          : other < 0.13
            ? 'Suppressed'
            : other < 0.18
              ? 'RequiresManualAssessment'
              : 'Compliant';
  const violated = status.toLowerCase().replace('-', '') === 'noncompliant' ? prng.int(1, assessed) : 0;
  const manual = status === 'RequiresManualAssessment';
  const region = prng.pick(REGIONS);
  return {
    ACCOUNT_ID: account.id,
    ACCOUNT_ALIAS: account.name,
    START_TIME: Date.UTC(2026, 10, 20, 6, 0, 0),
    SUPPRESSIONS: status === 'Suppressed' ? ['suppressed by the platform team'] : [],
    INFO_LINK: `https://docs.fortinet.com/document/lacework-forticnapp/latest/lacework-forticnapp-policies?cshid=${policy.id.toUpperCase().replace(/-/g, '_')}`,
    ASSESSED_RESOURCE_COUNT: manual ? 0 : count(assessed, prng),
    STATUS: status,
    REC_ID: policy.id,
    CATEGORY: category,
    SERVICE: `aws:${policy.kind}`,
    TITLE: policy.title,
    VIOLATIONS: Array.from({ length: Math.min(violated, 2) }, () => ({
      region,
      reasons: [policy.title.replace(/^Ensure /, 'Not: ')],
      resource: resourceArn(policy.kind, account, region, prng),
    })),
    RESOURCE_COUNT: count(violated, prng),
    SEVERITY: SEVERITY_NUMBER[policy.severity],
  };
};

/** The account's report object for the framework: every framework policy, plus a rec or two outside it. */
export const reportRecord = (
  framework: string,
  sections: readonly { title: string; policies: readonly CatalogPolicy[] }[],
  outside: readonly CatalogPolicy[],
  rates: ReadonlyMap<string, number>,
  account: LaceworkAccountRef,
  prng: Prng,
): LaceworkComplianceReport => {
  const rec = (policy: CatalogPolicy, category: string) =>
    recommendation(policy, rates.get(policy.id) ?? 0.25, account, category, prng);
  const recommendations = sections.flatMap((section) => section.policies.map((policy) => rec(policy, section.title)));
  for (const policy of outside) if (prng.chance(0.6)) recommendations.push(rec(policy, 'Other'));
  const nonCompliant = recommendations.filter((r) => /^non-?compliant$/i.test(r.STATUS)).length;
  return {
    reportType: framework,
    reportTitle: framework,
    accountId: account.id,
    accountAlias: account.name,
    reportTime: '2026-11-20T06:00:00.000Z',
    summary: [{ NUM_RECOMMENDATIONS: recommendations.length, NUM_NOT_COMPLIANT: nonCompliant }],
    recommendations,
  };
};

/** A compliance alert as `Alerts/{id}?scope=Details` returns it. */
export const complianceAlert = (
  alertId: number,
  startMs: number,
  policy: { id: string; title: string; severity: CatalogPolicy['severity']; kind: LaceworkResourceKind },
  accounts: readonly LaceworkAccountRef[],
  prng: Prng,
): LaceworkAlertDetails => {
  const resources = Array.from({ length: prng.chance(0.25) ? 2 : 1 }, () => {
    const account = prng.pick(accounts);
    const region = prng.pick(REGIONS);
    return {
      KEY: {
        resource: resourceArn(policy.kind, account, region, prng),
        account_id: account.id,
        ...(prng.chance(0.7) ? { account_alias: account.name } : {}),
        resource_region: region,
      },
      PROPS: { resource_type: policy.kind },
    };
  });
  return {
    alertId,
    startTime: new Date(startMs).toISOString(),
    endTime: new Date(startMs + 3_600_000).toISOString(),
    alertType: prng.chance(0.7) ? 'NewViolations' : 'ComplianceChanged',
    severity: policy.severity.charAt(0).toUpperCase() + policy.severity.slice(1),
    reachability: 'UnknownReachability',
    internetExposure: 'UnknownInternetExposure',
    derivedFields: { category: 'Policy', sub_category: prng.chance(0.85) ? 'Compliance' : 'compliance', source: 'AWS' },
    lastUserUpdatedTime: '0',
    status: prng.chance(0.7) ? 'Open' : 'Closed',
    alertName: policy.title,
    alertInfo: { subject: policy.title, description: `New violation: ${policy.title}` },
    policyId: policy.id,
    alertSource: 'AWS',
    entityMap: { Resource: resources },
  };
};
