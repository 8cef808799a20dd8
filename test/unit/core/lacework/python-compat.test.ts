import { pyCompare, pyInt, pyTitle } from '../../../../core/lacework/python-compat';

describe('pyCompare', () => {
  it('orders strings by code point, case-sensitively, like Python', () => {
    // Arrange
    const values = [
      'lacework-global-2',
      'compliance',
      'Violation',
      'lacework-global-10',
      'Compliance',
      '\u{1F600}',
      '\uFFFD',
    ];

    // Act
    const sorted = [...values].sort(pyCompare);

    // Assert
    expect(sorted).toEqual([
      'Compliance',
      'Violation',
      'compliance',
      'lacework-global-10',
      'lacework-global-2',
      '\uFFFD',
      '\u{1F600}',
    ]);
  });

  it('puts a prefix before the longer string', () => {
    expect(pyCompare('abc', 'abcd')).toBeLessThan(0);
    expect(pyCompare('abcd', 'abc')).toBeGreaterThan(0);
    expect(pyCompare('abc', 'abc')).toBe(0);
  });
});

describe('pyTitle', () => {
  it.each([
    ['critical', 'Critical'],
    ['HIGH', 'High'],
    ['very_high', 'Very_High'],
    ['medium risk', 'Medium Risk'],
    ['', ''],
  ])('title-cases %j as %j', (input, expected) => {
    expect(pyTitle(input)).toBe(expected);
  });
});

describe('pyInt', () => {
  it.each([
    [12, 12],
    [12.9, 12],
    [-0.5, 0],
    ['12', 12],
    [' 7 ', 7],
    ['+3', 3],
    ['1_000', 1000],
    [true, 1],
    [false, 0],
  ])('converts %j to %j', (input, expected) => {
    expect(pyInt(input)).toBe(expected);
  });

  it.each([[null], [''], ['12.0'], ['abc'], ['1__0'], [Number.NaN], [Number.POSITIVE_INFINITY], [{}], [[]]])(
    'rejects %j as Python int() would',
    (input) => {
      expect(pyInt(input)).toBeUndefined();
    },
  );
});
