import type { LaceworkFrameworkResult } from '../../../../../core/domain/partial.schema';
import { aggregateAccount, aggregateFramework } from '../../../../../core/lacework/frameworks/framework-aggregation';

type Rec = LaceworkFrameworkResult['recommendations'][number];
const rec = (REC_ID: string, STATUS: string, ASSESSED_RESOURCE_COUNT: unknown, RESOURCE_COUNT: unknown): Rec => ({
  REC_ID,
  STATUS,
  ASSESSED_RESOURCE_COUNT,
  RESOURCE_COUNT,
});
const ok = (recommendations: Rec[]): LaceworkFrameworkResult => ({ reportName: 'F', status: 'ok', recommendations });
const P1 = 'lacework-global-1';

describe('aggregateAccount', () => {
  it('adds ASSESSED_RESOURCE_COUNT for Compliant', () => {
    expect(aggregateAccount('a', [rec(P1, 'Compliant', 7, 99)]).byRecId.get(P1)).toEqual({
      compliant: 7,
      nonCompliant: 0,
      couldNotAssess: 0,
    });
  });

  it.each(['NonCompliant', 'non-compliant', 'NONCOMPLIANT'])('adds RESOURCE_COUNT for %s', (status) => {
    expect(aggregateAccount('a', [rec(P1, status, 99, 4)]).byRecId.get(P1)?.nonCompliant).toBe(4);
  });

  it.each(['RequiresManualAssessment', 'requires_manual_assessment', 'CouldNotAssess', 'could_not_assess'])(
    'adds ASSESSED_RESOURCE_COUNT to could-not-assess for %s',
    (status) => {
      expect(aggregateAccount('a', [rec(P1, status, 5, 99)]).byRecId.get(P1)).toEqual({
        compliant: 0,
        nonCompliant: 0,
        couldNotAssess: 5,
      });
    },
  );

  it.each(['Suppressed', 'Error', 'NotAssessed', 'failed'])('ignores %s', (status) => {
    expect(aggregateAccount('a', [rec(P1, status, 5, 5)]).byRecId.has(P1)).toBe(false);
  });

  it('converts string counts like Python int()', () => {
    // Arrange
    const recs = [rec(P1, 'Compliant', '12', null), rec(P1, 'NonCompliant', null, ' 3 '), rec(P1, 'Compliant', 2.9, 0)];

    // Act
    const stats = aggregateAccount('a', recs);

    // Assert
    expect(stats.byRecId.get(P1)).toEqual({ compliant: 14, nonCompliant: 3, couldNotAssess: 0 });
    expect(stats.warnings).toEqual([]);
  });

  it('skips a recommendation whose count is missing, with a warning', () => {
    // Arrange
    const recs = [{ REC_ID: P1, STATUS: 'NonCompliant' } as Rec, rec(P1, 'NonCompliant', 0, 1)];

    // Act
    const stats = aggregateAccount('a', recs);

    // Assert
    expect(stats.byRecId.get(P1)?.nonCompliant).toBe(1);
    expect(stats.warnings).toEqual([
      'account a: recommendation lacework-global-1 has a bad RESOURCE_COUNT undefined; skipped',
    ]);
  });

  it('skips only the recommendation with a bad count and records a warning (the rest still counts)', () => {
    // Arrange
    const recs = [rec(P1, 'NonCompliant', 1, null), rec(P1, 'NonCompliant', 1, 'n/a'), rec(P1, 'NonCompliant', 1, 2)];

    // Act
    const stats = aggregateAccount('111111111111', recs);

    // Assert
    expect(stats.byRecId.get(P1)?.nonCompliant).toBe(2);
    expect(stats.warnings).toEqual([
      'account 111111111111: recommendation lacework-global-1 has a bad RESOURCE_COUNT null; skipped',
      'account 111111111111: recommendation lacework-global-1 has a bad RESOURCE_COUNT "n/a"; skipped',
    ]);
  });

  it('adds a duplicate REC_ID twice', () => {
    expect(
      aggregateAccount('a', [rec(P1, 'Compliant', 4, 0), rec(P1, 'Compliant', 4, 0)]).byRecId.get(P1)?.compliant,
    ).toBe(8);
  });
});

describe('aggregateFramework', () => {
  it('sums over accounts and counts accounts whose own non-compliant sum is > 0', () => {
    // Arrange
    const accounts = [
      { accountId: 'a', result: ok([rec(P1, 'NonCompliant', 10, 2), rec(P1, 'Compliant', 8, 0)]) },
      { accountId: 'b', result: ok([rec(P1, 'NonCompliant', 10, 0), rec(P1, 'Compliant', 10, 0)]) },
      { accountId: 'c', result: ok([rec(P1, 'NonCompliant', 1, '1')]) },
    ];

    // Act
    const { totals, accountsAggregated } = aggregateFramework([P1], accounts);

    // Assert
    expect(totals.get(P1)).toEqual({ compliant: 18, nonCompliant: 3, couldNotAssess: 0, accountsWithViolations: 2 });
    expect(accountsAggregated).toBe(3);
  });

  it('leaves accounts with no report or an error out of every count', () => {
    // Arrange
    const accounts = [
      { accountId: 'a', result: ok([rec(P1, 'Compliant', 1, 0)]) },
      { accountId: 'b', result: { reportName: 'F', status: 'no-report' as const, recommendations: [] } },
      {
        accountId: 'c',
        result: {
          reportName: 'F',
          status: 'error' as const,
          error: 'x',
          recommendations: [rec(P1, 'Compliant', 5, 0)],
        },
      },
    ];

    // Act
    const { totals, accountsAggregated } = aggregateFramework([P1], accounts);

    // Assert
    expect(totals.get(P1)?.compliant).toBe(1);
    expect(accountsAggregated).toBe(1);
  });

  it('ignores REC_IDs outside the framework and gives zeros to policies nobody reported', () => {
    // Arrange
    const accounts = [{ accountId: 'a', result: ok([rec('AWS_CIS_3_10', 'NonCompliant', 1, 1)]) }];

    // Act
    const { totals } = aggregateFramework([P1], accounts);

    // Assert
    expect([...totals.entries()]).toEqual([
      [P1, { compliant: 0, nonCompliant: 0, couldNotAssess: 0, accountsWithViolations: 0 }],
    ]);
  });
});
