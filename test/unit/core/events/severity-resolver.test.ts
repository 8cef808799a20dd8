import { MANAGED_RULE_SEVERITIES } from '../../../../core/domain/rule-severities';
import { createSeverityResolver } from '../../../../core/events/severity-resolver';

describe('createSeverityResolver', () => {
  it.each([
    ['root-account-mfa-enabled', 'root-account-mfa-enabled', 'Critical'],
    ['securityhub-s3-bucket-public-read-prohibited-a1b2c3d4', 's3-bucket-public-read-prohibited', 'Critical'],
    ['cloudtrail-enabled-conformance-pack-x1y2z3w4q', 'cloudtrail-enabled', 'High'],
    ['OrgConfigRule-iam-password-policy-ab12cd34', 'iam-password-policy', 'Medium'],
    ['ROOT_ACCOUNT_MFA_ENABLED', 'ROOT_ACCOUNT_MFA_ENABLED', 'Critical'],
    ['my-custom-rule', 'my-custom-rule', 'Medium'],
  ])('maps %s to %s (%s)', (raw, normalized, severity) => {
    // Arrange
    const resolve = createSeverityResolver();
    // Act
    const result = resolve(raw);
    // Assert
    expect(result).toMatchObject({ ruleName: raw, normalizedRuleName: normalized, severity });
  });

  it('applies local overrides by raw name before the normalised name and the table', () => {
    // Arrange
    const resolve = createSeverityResolver({
      'iam-password-policy': 'High',
      'iam-password-policy-conformance-pack-legacy01': 'Low',
    });
    // Act
    const byNormalised = resolve('securityhub-iam-password-policy-1a2b3c4d');
    const byRaw = resolve('iam-password-policy-conformance-pack-legacy01');
    // Assert
    expect(byNormalised).toMatchObject({ severity: 'High', basis: 'override' });
    expect(byRaw).toMatchObject({ severity: 'Low', basis: 'override' });
  });

  it('ships at least 60 managed rules', () => {
    // Assert
    expect(Object.keys(MANAGED_RULE_SEVERITIES).length).toBeGreaterThanOrEqual(60);
  });
});
