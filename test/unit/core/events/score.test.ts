import { computeScore, formatScore } from '../../../../core/events/score';

const states = (...types: ('COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE' | 'INSUFFICIENT_DATA')[]) =>
  types.map((complianceType) => ({ complianceType }));

describe('computeScore', () => {
  it.each([
    ['no evaluations', states(), null, 'n/a'],
    ['only not applicable', states('NOT_APPLICABLE', 'INSUFFICIENT_DATA'), null, 'n/a'],
    ['all compliant', states('COMPLIANT', 'NOT_APPLICABLE'), 1, '100%'],
    ['all failing', states('NON_COMPLIANT'), 0, '0%'],
    ['two of three', states('COMPLIANT', 'COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE'), 2 / 3, '66.7%'],
  ])('scores %s', (_case, input, score, text) => {
    // Act
    const result = computeScore(input);
    // Assert
    expect(result.score).toBe(score);
    expect(formatScore(result.score)).toBe(text);
  });
});
