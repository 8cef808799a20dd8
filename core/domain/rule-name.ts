/**
 * One rewrite of a member-account rule name back to the rule it was deployed from. Applied in order; the first
 * that matches wins. The random suffixes are stripped only together with a marker (prefix or infix), so a plain
 * rule such as `my-rule-deadbeef` keeps its name.
 */
const NORMALIZERS: ReadonlyArray<{ pattern: RegExp; replacement: string }> = [
  // Conformance packs: `<rule>-conformance-pack-<random>`
  { pattern: /^(.+)-conformance-pack-[a-z0-9]+$/i, replacement: '$1' },
  // Security Hub standards: `securityhub-<rule>-<8 hex>`
  { pattern: /^securityhub-(.+)-[a-z0-9]{8}$/i, replacement: '$1' },
  // Organization rules: `OrgConfigRule-<rule>-<random>`
  { pattern: /^OrgConfigRule-(.+)-[a-z0-9]{8}$/, replacement: '$1' },
  { pattern: /^OrgConfigRule-(.+)$/, replacement: '$1' },
];

/**
 * The name of the same rule across accounts: strips the random suffixes AWS adds when a conformance pack, Security Hub
 * or an organization rule deploys a Config rule into a member account (as real member accounts name them).
 *
 * @example normalizeRuleName('cloudwatch-log-group-encrypted-conformance-pack-6cruwvtg2') // 'cloudwatch-log-group-encrypted'
 * @example normalizeRuleName('securityhub-iam-inline-policy-blocked-kms-actions-baa2cf8c') // 'iam-inline-policy-blocked-kms-actions'
 */
export const normalizeRuleName = (name: string): string => {
  for (const { pattern, replacement } of NORMALIZERS) {
    if (pattern.test(name)) return name.replace(pattern, replacement);
  }
  return name;
};
