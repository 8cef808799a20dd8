import { buildComplianceRows, severityRank, statusRank } from '../../../../../core/lacework/frameworks/compliance-rows';
import type { PolicyTotals } from '../../../../../core/lacework/frameworks/framework-aggregation';
import type { PolicyDetails } from '../../../../../core/lacework/frameworks/policy-catalog';

const found = (policyId: string, over: Partial<PolicyDetails> = {}): PolicyDetails => ({
  policyId,
  title: `Title ${policyId}`,
  severity: 'high',
  enabled: true,
  policyType: 'Compliance',
  outcome: 'found',
  ...over,
});
const detailsOf = (...list: PolicyDetails[]) => new Map(list.map((d) => [d.policyId, d]));
const noTotals = new Map<string, PolicyTotals>();
const ids = (rows: { policyId: string }[]) => rows.map((r) => r.policyId);

describe('buildComplianceRows', () => {
  it('maps a found policy and its totals', () => {
    // Arrange
    const totals = new Map([['p1', { compliant: 5, nonCompliant: 2, couldNotAssess: 1, accountsWithViolations: 1 }]]);
    const details = detailsOf(found('p1', { severity: 'critical', description: 'Why', remediation: '' }));

    // Act
    const rows = buildComplianceRows('AWS ISO 27001:2013', ['p1'], totals, details);

    // Assert
    expect(rows).toEqual([
      {
        policyName: 'Title p1',
        policyId: 'p1',
        severity: 'Critical',
        status: 'Enabled',
        frameworkName: 'AWS ISO 27001:2013',
        policyType: 'Compliance',
        compliantResources: 5,
        nonCompliantResources: 2,
        accountsWithViolations: 1,
        description: 'Why',
        remediation: 'N/A',
      },
    ]);
  });

  it('writes Not Found and Error rows with Unknown fields and zero counts when missing', () => {
    // Arrange
    const details = detailsOf(
      { policyId: 'gone', title: 'Not Found', outcome: 'not-found' },
      { policyId: 'broken', title: 'Error', outcome: 'error', error: 'ExternalServiceError: 503' },
    );

    // Act
    const rows = buildComplianceRows('F', ['broken', 'gone'], noTotals, details);

    // Assert
    expect(rows.map((r) => [r.policyName, r.severity, r.status, r.policyType, r.compliantResources])).toEqual([
      ['Error', 'Unknown', 'Unknown', 'Unknown', 0],
      ['Not Found', 'Unknown', 'Unknown', 'Unknown', 0],
    ]);
  });

  it('reads Disabled, and Unknown for a missing enabled flag or severity', () => {
    // Arrange
    const details = detailsOf(found('a', { enabled: false }), found('b', { enabled: undefined, severity: undefined }));

    // Act
    const rows = buildComplianceRows('F', ['a', 'b'], noTotals, details);

    // Assert
    expect(rows.map((r) => [r.policyId, r.status, r.severity])).toEqual([
      ['a', 'Disabled', 'High'],
      ['b', 'Unknown', 'Unknown'],
    ]);
  });

  it('drops Manual policies in any case but keeps Violation policies by default', () => {
    // Arrange
    const details = detailsOf(
      found('m1', { policyType: 'Manual' }),
      found('m2', { policyType: 'MANUAL' }),
      found('v1', { policyType: 'Violation' }),
      found('c1'),
    );

    // Act
    const rows = buildComplianceRows('F', ['c1', 'm1', 'm2', 'v1'], noTotals, details);

    // Assert
    expect(ids(rows)).toEqual(['c1', 'v1']);
  });

  it('drops Violation policies too when asked (legacy 07f53f8 behaviour)', () => {
    // Arrange
    const details = detailsOf(found('v1', { policyType: 'Violation' }), found('c1'));

    // Act
    const rows = buildComplianceRows('F', ['c1', 'v1'], noTotals, details, {
      dropPolicyTypes: ['manual', 'violation'],
    });

    // Assert
    expect(ids(rows)).toEqual(['c1']);
  });

  it('sorts by policy type as Python strings (case-sensitive, not locale)', () => {
    // Arrange
    const details = detailsOf(
      found('a', { policyType: 'compliance' }),
      found('b', { policyType: 'Violation' }),
      found('c', { policyType: 'Compliance' }),
      { policyId: 'd', title: 'Not Found', outcome: 'not-found' },
    );

    // Act
    const rows = buildComplianceRows('F', ['a', 'b', 'c', 'd'], noTotals, details);

    // Assert
    expect(rows.map((r) => r.policyType)).toEqual(['Compliance', 'Unknown', 'Violation', 'compliance']);
  });

  it('sorts by status rank, then severity rank, then policy id as a string', () => {
    // Arrange
    const details = detailsOf(
      found('lacework-global-2', { severity: 'critical' }),
      found('lacework-global-10', { severity: 'critical' }),
      found('lacework-global-3', { severity: 'info' }),
      found('lacework-global-4', { severity: 'low' }),
      found('lacework-global-5', { severity: 'weird' }),
      found('lacework-global-6', { severity: undefined }),
      found('lacework-global-1', { enabled: false, severity: 'critical' }),
      found('lacework-global-0', { enabled: undefined, severity: 'critical' }),
    );

    // Act
    const rows = buildComplianceRows('F', [...details.keys()], noTotals, details);

    // Assert
    expect(ids(rows)).toEqual([
      'lacework-global-10',
      'lacework-global-2',
      'lacework-global-4',
      'lacework-global-3',
      'lacework-global-6',
      'lacework-global-5',
      'lacework-global-1',
      'lacework-global-0',
    ]);
  });
});

describe('ranks', () => {
  it.each([
    ['Enabled', 1],
    ['disabled', 2],
    ['Unknown', 3],
    ['Skipped', 999],
  ])('ranks status %s as %i', (status, rank) => {
    expect(statusRank(status)).toBe(rank);
  });

  it.each([
    ['Critical', 1],
    ['high', 2],
    ['Medium', 3],
    ['Low', 4],
    ['Info', 5],
    ['Unknown', 6],
    ['Informational', 999],
  ])('ranks severity %s as %i', (severity, rank) => {
    expect(severityRank(severity)).toBe(rank);
  });
});
