/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping the input order in the result.
 * On the first failure no new item is started; once the calls in flight settle, that first error is thrown
 * (so nothing keeps running after the caller has moved on).
 *
 * @example const results = await mapWithConcurrency(regions, 4, (region) => scanRegion(region));
 */
export const mapWithConcurrency = async <T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> => {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`invalid concurrency ${limit}: use a whole number of at least 1`);
  }
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  return results;
};
