import type { LaceworkComplianceRow } from '../../domain/lacework-report';
import { pyCompare, pyTitle } from '../python-compat';
import type { PolicyTotals } from './framework-aggregation';
import type { PolicyDetails } from './policy-catalog';

/**
 * `status_rank` of the legacy Framework Compliance Mapping tool: enabled 1, disabled 2, unknown 3, anything else 999
 * (compared lower-case).
 */
export const statusRank = (status: string): number =>
  ({ enabled: 1, disabled: 2, unknown: 3 })[status.toLowerCase()] ?? 999;

/** `severity_rank` of both legacy tools: critical 1, high 2, medium 3, low 4, info 5, unknown 6, anything else 999. */
export const severityRank = (severity: string): number =>
  ({ critical: 1, high: 2, medium: 3, low: 4, info: 5, unknown: 6 })[severity.toLowerCase()] ?? 999;

/**
 * The legacy mapping tool's sort: `(Policy Type, status rank, severity rank, Policy ID)`, strings compared as Python
 * does (code points, case-sensitive: `Compliance` < `Violation` < `compliance`).
 */
export const compareComplianceRows = (a: LaceworkComplianceRow, b: LaceworkComplianceRow): number =>
  pyCompare(a.policyType, b.policyType) ||
  statusRank(a.status) - statusRank(b.status) ||
  severityRank(a.severity) - severityRank(b.severity) ||
  pyCompare(a.policyId, b.policyId);

/** Options of {@link buildComplianceRows}. */
export interface ComplianceRowOptions {
  /**
   * Policy types (compared lower-case) whose rows are dropped. The report drops Manual policies only, as the legacy
   * tool's CSV did; from 07f53f8 the legacy tool also dropped `violation`, which a caller can ask for here.
   * @default ['manual']
   */
  dropPolicyTypes?: readonly string[];
}

const describedOr = (value: string | undefined): string => value || 'N/A';

const rowFields = (
  details: PolicyDetails | undefined,
): Pick<LaceworkComplianceRow, 'policyName' | 'severity' | 'status' | 'policyType' | 'description' | 'remediation'> => {
  if (details === undefined || details.outcome !== 'found') {
    const policyName = details?.outcome === 'not-found' ? 'Not Found' : 'Error';
    return {
      policyName,
      severity: 'Unknown',
      status: 'Unknown',
      policyType: 'Unknown',
      description: 'N/A',
      remediation: 'N/A',
    };
  }
  return {
    policyName: details.title,
    severity: details.severity ? pyTitle(details.severity) : 'Unknown',
    status: details.enabled === undefined ? 'Unknown' : details.enabled ? 'Enabled' : 'Disabled',
    policyType: details.policyType ?? 'Unknown',
    description: describedOr(details.description),
    remediation: describedOr(details.remediation),
  };
};

/**
 * The legacy mapping tool's CSV rows: one row per framework policy. Policy Name = the title (`Not Found` for a policy
 * that does not exist, `Error` when its fetch failed; their Severity, Status and Policy Type read `Unknown`), Severity
 * title-cased, Status from the policy's enabled flag, Framework Name = the definition's `reportName`, Policy Type raw,
 * the counts from the totals; Description/Remediation (workbook only) default `N/A`. Manual policies are dropped, then
 * rows are sorted by {@link compareComplianceRows}.
 */
export const buildComplianceRows = (
  frameworkName: string,
  policyIds: readonly string[],
  totals: ReadonlyMap<string, PolicyTotals>,
  details: ReadonlyMap<string, PolicyDetails>,
  options: ComplianceRowOptions = {},
): LaceworkComplianceRow[] => {
  const drop = new Set((options.dropPolicyTypes ?? ['manual']).map((t) => t.toLowerCase()));
  return policyIds
    .map((policyId): LaceworkComplianceRow => {
      const sums = totals.get(policyId);
      return {
        ...rowFields(details.get(policyId)),
        policyId,
        frameworkName,
        compliantResources: sums?.compliant ?? 0,
        nonCompliantResources: sums?.nonCompliant ?? 0,
        accountsWithViolations: sums?.accountsWithViolations ?? 0,
      };
    })
    .filter((row) => !drop.has(row.policyType.toLowerCase()))
    .sort(compareComplianceRows);
};
