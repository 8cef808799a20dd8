import { formatEventsBench, runEventsBench } from '../../../../cli/bench/events-bench';
import { benchEvent } from '../../../../cli/bench/events-bench-data';

describe('bench-events', () => {
  it('generates recorded-shape events with unique ids in time order', () => {
    // Arrange
    const next = () => 0.5;

    // Act
    const [a, b] = [benchEvent(1, 10, next), benchEvent(2, 10, next)];

    // Assert
    expect(a.id).not.toBe(b.id);
    expect(a.detail.configRuleARN).toMatch(/^arn:aws:config:/);
    expect(a.time < b.time).toBe(true);
  });

  it('ingests through the real handlers and reports throughput and latency percentiles', async () => {
    // Arrange
    const options = { events: 300, accounts: 5, concurrency: 8, queries: 30, seed: 7 };

    // Act
    const result = await runEventsBench(options);

    // Assert
    expect(result).toMatchObject({ events: 300, queries: 30 });
    expect(result.eventsPerSecond).toBeGreaterThan(0);
    expect(result.p50Ms).toBeLessThanOrEqual(result.p95Ms);
    expect(formatEventsBench(result, options).join('\n')).toMatch(/events\/s[\s\S]*p50 [\d.]+ ms, p95 [\d.]+ ms/);
  });
});
