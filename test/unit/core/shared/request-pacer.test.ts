import { RequestPacer } from '../../../../core/shared/request-pacer';

describe('RequestPacer', () => {
  it('lets a burst through, then spaces callers at the rate in arrival order', async () => {
    // Arrange
    const waits: number[] = [];
    const pacer = new RequestPacer(
      { ratePerSecond: 10, burst: 2 },
      () => 0,
      async (ms) => {
        waits.push(ms);
      },
    );

    // Act
    await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire(), pacer.acquire()]);

    // Assert
    expect(waits.map((ms) => Math.round(ms))).toEqual([100, 200]);
  });

  it('refills over time up to the burst', async () => {
    // Arrange
    let now = 0;
    const waits: number[] = [];
    const pacer = new RequestPacer(
      { ratePerSecond: 10, burst: 1 },
      () => now,
      async (ms) => {
        waits.push(ms);
      },
    );
    await pacer.acquire();

    // Act
    now = 10_000;
    await pacer.acquire();
    await pacer.acquire();

    // Assert
    expect(waits.map((ms) => Math.round(ms))).toEqual([100]);
  });
});
