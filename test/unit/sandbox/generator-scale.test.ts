import { generateScenario } from '../../../sandbox';
import { accountSizes, HUGE_SIZE, hugeAccountCount } from '../../../sandbox/generator/account-sizes';
import { Prng } from '../../../sandbox/generator/prng';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-1', 'us-west-2'];

describe('accountSizes', () => {
  it('makes a few huge accounts, about 8 % medium ones and many small ones', () => {
    // Act
    const sizes = accountSizes(1000, new Prng(42));

    // Assert
    const huge = sizes.filter((size) => size >= HUGE_SIZE.min);
    const medium = sizes.filter((size) => size >= 6 && size < HUGE_SIZE.min);
    const small = sizes.filter((size) => size < 2);
    expect(huge).toHaveLength(4);
    expect(medium.length).toBeGreaterThan(50);
    expect(medium.length).toBeLessThan(110);
    expect(small.length).toBeGreaterThan(880);
    expect(sizes[0]).toBeLessThan(HUGE_SIZE.min);
  });

  it('scales the huge accounts with the organization', () => {
    // Act
    const counts = [5, 40, 100, 1000, 5000].map(hugeAccountCount);

    // Assert
    expect(counts).toEqual([0, 2, 3, 4, 8]);
  });
});

describe('generateScenario at scale', () => {
  it('generates 5,000 accounts × 4 regions × 150 rules without building any region', () => {
    // Arrange
    const started = Date.now();

    // Act
    const scenario = generateScenario({ accounts: 5000, regions: REGIONS, rulesPerRegion: 150, seed: 42 });

    // Assert
    expect(Date.now() - started).toBeLessThan(2000);
    expect(Object.keys(scenario.accounts)).toHaveLength(5000);
    expect(Object.keys(scenario.accounts[scenario.organization.accounts[1]?.Id ?? '']?.regions ?? {})).toEqual(REGIONS);
  });

  it('builds a region on read, the same records on every read', () => {
    // Arrange
    const scenario = generateScenario({ accounts: 30, regions: REGIONS, rulesPerRegion: 150, seed: 9 });
    const region = Object.values(scenario.accounts)[3]?.regions['eu-west-1'];

    // Act
    const first = JSON.stringify([region?.configRules, region?.evaluations]);
    const second = JSON.stringify([region?.configRules, region?.evaluations]);

    // Assert
    expect(region?.configRules).toHaveLength(150);
    expect(second).toBe(first);
  });

  it('gives the huge accounts most of the evaluations', () => {
    // Arrange
    const scenario = generateScenario({ accounts: 200, regions: REGIONS.slice(0, 1), rulesPerRegion: 20, seed: 3 });

    // Act
    const perAccount = Object.values(scenario.accounts)
      .map((account) => Object.values(account.regions).reduce((n, region) => n + region.evaluations.length, 0))
      .sort((a, b) => b - a);

    // Assert
    const total = perAccount.reduce((a, b) => a + b, 0);
    const topThree = (perAccount[0] ?? 0) + (perAccount[1] ?? 0) + (perAccount[2] ?? 0);
    expect(topThree / total).toBeGreaterThan(0.3);
    expect(perAccount[100]).toBeLessThan(40);
  });
});
