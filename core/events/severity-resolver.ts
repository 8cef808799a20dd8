import { normalizeRuleName } from '../domain/rule-name';
import { MANAGED_RULE_SEVERITIES } from '../domain/rule-severities';
import { DEFAULT_SEVERITY, type Severity } from '../domain/severity';

/** A rule's names and severity. */
export interface RuleSeverity {
  /** The name in the member account. */
  ruleName: string;
  /** The rule across accounts (affixes stripped). */
  normalizedRuleName: string;
  severity: Severity;
  /** Where the tier came from. */
  basis: 'override' | 'table' | 'default';
}

/** Resolves rule names to severities. */
export type SeverityResolver = (ruleName: string) => RuleSeverity;

/** Lower-case, `_` → `-`: managed rule identifiers (`ROOT_ACCOUNT_MFA_ENABLED`) and names then meet. */
const lookupKey = (name: string): string => name.trim().toLowerCase().replace(/_/g, '-');

/**
 * A resolver over the shipped table and local overrides. Overrides are matched by raw name first, then normalised name
 * (so one deployment can be re-tiered without touching the others); then the table; unknown rules are Medium.
 *
 * @example createSeverityResolver({})('securityhub-root-account-mfa-enabled-1a2b3c4d').severity // 'Critical'
 */
export const createSeverityResolver = (
  overrides: Readonly<Record<string, Severity>> = {},
  table: Readonly<Record<string, Severity>> = MANAGED_RULE_SEVERITIES,
): SeverityResolver => {
  const local = new Map(Object.entries(overrides).map(([name, severity]) => [lookupKey(name), severity]));
  return (ruleName) => {
    const normalizedRuleName = normalizeRuleName(ruleName);
    const override = local.get(lookupKey(ruleName)) ?? local.get(lookupKey(normalizedRuleName));
    if (override) return { ruleName, normalizedRuleName, severity: override, basis: 'override' };
    const shipped = table[lookupKey(normalizedRuleName)];
    if (shipped) return { ruleName, normalizedRuleName, severity: shipped, basis: 'table' };
    return { ruleName, normalizedRuleName, severity: DEFAULT_SEVERITY, basis: 'default' };
  };
};
