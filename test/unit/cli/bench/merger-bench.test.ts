import { formatMergerBench, runMergerBench } from '../../../../cli/bench/merger-bench';
import { MERGER_BENCH_RUN, partialOf } from '../../../../cli/bench/merger-bench-data';

describe('merger bench', () => {
  it('generates partials of the requested shape: rows per region spread over the rules', () => {
    // Arrange
    const shape = { accounts: 2, regions: 2, rowsPerRegion: 5, rules: 2, changedShare: 0 };

    // Act
    const partial = partialOf(shape, 1);

    // Assert
    expect(partial).toMatchObject({ runId: MERGER_BENCH_RUN.runId, accountId: '100000000001', status: 'ok' });
    expect(partial.regions.map((r) => r.nonCompliant.length)).toEqual([5, 5]);
    expect(partial.regions[0]?.rules.map((r) => r.nonCompliantCount)).toEqual([3, 2]);
  });

  it('runs the real merger on a small organization and reports the changes, the ratio and the RSS', async () => {
    // Arrange
    const options = { accounts: 3, regions: 1, rowsPerRegion: 40, rules: 2, changedShare: 0.5 };

    // Act
    const figures = await runMergerBench(options);

    // Assert
    expect(figures).toMatchObject({ accounts: 3, regions: 1, rows: 120 });
    expect(figures.newRows).toBeGreaterThan(0);
    expect(figures.newRows).toBe(figures.resolvedRows);
    expect(figures.ratio).toBeGreaterThan(0);
    expect(formatMergerBench(figures).join('\n')).toMatch(
      /120 non-compliant rows \(new \d+, resolved \d+\)[\s\S]*ratio merger \/ bare write: [\d.]+ \(target ≤ 1\.5\)/,
    );
  });
});
