import { PRICES, type RunCounts, runCost, scaleCounts } from '../../../../cli/bench/cost-model';

const ZERO: RunCounts = {
  accounts: 100,
  parentTransitions: 0,
  childTransitions: 0,
  lambdaRequests: 0,
  lambdaGbSeconds: 0,
  s3PutOrList: 0,
  s3Get: 0,
  secretsManagerCalls: 0,
  logBytes: 0,
};

describe('runCost', () => {
  it.each([
    ['parentTransitions', 1000, 'stepFunctions', 0.025],
    ['childTransitions', 1000, 'stepFunctions', 0.025],
    ['lambdaGbSeconds', 1000, 'lambdaDuration', 0.0133334],
    ['lambdaRequests', 1_000_000, 'lambdaRequests', 0.2],
    ['s3PutOrList', 1000, 's3', 0.005],
    ['s3Get', 1000, 's3', 0.0004],
    ['secretsManagerCalls', 10_000, 'secretsManager', 0.05],
    ['logBytes', 1024 ** 3, 'logs', 0.5],
  ] as const)('prices %s at its unit price', (field, count, item, usd) => {
    // Act
    const cost = runCost({ ...ZERO, [field]: count });

    // Assert
    expect(cost[item]).toBeCloseTo(usd, 10);
    expect(cost.total).toBeCloseTo(usd, 10);
  });

  it('adds every item into the total', () => {
    // Arrange
    const counts = { ...ZERO, parentTransitions: 110, childTransitions: 100, lambdaGbSeconds: 300, s3Get: 105 };

    // Act
    const cost = runCost(counts);

    // Assert
    expect(cost.total).toBeCloseTo(
      210 * PRICES.stepFunctionsTransition + 300 * PRICES.lambdaGbSecondArm + 105 * PRICES.s3Get,
      12,
    );
  });
});

describe('scaleCounts', () => {
  it('scales per-account counts linearly and keeps the per-run ones', () => {
    // Arrange: 10 parent states of its own + 1 per child execution
    const measured = {
      ...ZERO,
      parentTransitions: 110,
      childTransitions: 100,
      lambdaRequests: 106,
      secretsManagerCalls: 2,
    };

    // Act
    const scaled = scaleCounts(measured, 500);

    // Assert
    expect(scaled.accounts).toBe(500);
    expect(scaled.parentTransitions).toBe(510);
    expect(scaled.childTransitions).toBe(500);
    expect(scaled.lambdaRequests).toBe(530);
    expect(scaled.secretsManagerCalls).toBe(2);
  });
});
