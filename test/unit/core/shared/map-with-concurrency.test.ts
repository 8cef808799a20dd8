import { mapWithConcurrency } from '../../../../core/shared/map-with-concurrency';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('mapWithConcurrency', () => {
  describe('mapWithConcurrency', () => {
    it('keeps the input order and never exceeds the limit', async () => {
      // Arrange
      let inFlight = 0;
      let peak = 0;
      const fn = async (n: number) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await tick();
        inFlight--;
        return n * 2;
      };

      // Act
      const result = await mapWithConcurrency([1, 2, 3, 4, 5], 2, fn);

      // Assert
      expect(result).toEqual([2, 4, 6, 8, 10]);
      expect(peak).toBe(2);
    });

    it('returns an empty array for no items', async () => {
      await expect(mapWithConcurrency([], 3, async () => 1)).resolves.toEqual([]);
    });

    it('throws the first error after the calls in flight settle and starts no new item', async () => {
      // Arrange
      const started: number[] = [];
      let settled = 0;
      const fn = async (n: number) => {
        started.push(n);
        await tick();
        settled++;
        if (n === 1) throw new Error('boom 1');
        return n;
      };

      // Act
      const result = mapWithConcurrency([1, 2, 3, 4], 2, fn);

      // Assert
      await expect(result).rejects.toThrow('boom 1');
      expect(started).toEqual([1, 2]);
      expect(settled).toBe(2);
    });

    it('throws RangeError for a limit below 1', async () => {
      await expect(mapWithConcurrency([1], 0, async () => 1)).rejects.toThrow(RangeError);
    });
  });
});
