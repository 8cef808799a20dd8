import type { Prng } from './prng';

/** Resources per type of a huge account (some rules then exceed the 100-result page and the CappedCount cap). */
export const HUGE_SIZE = { min: 100, max: 130 } as const;
/** Share and size of medium accounts. */
export const MEDIUM_SHARE = 0.08;
const MEDIUM_SIZE = { min: 6, max: 15 } as const;

/**
 * How many huge accounts an organization of `accounts` has: none below 10 accounts, then one per 20 accounts up to
 * 3, plus one more per 1,000 accounts (4 at 1,000, 8 at 5,000).
 */
export const hugeAccountCount = (accounts: number): number =>
  accounts < 10 ? 0 : Math.min(Math.max(1, Math.floor(accounts / 20)), 3 + Math.floor(accounts / 1000));

/**
 * A size (resources per resource type, before a ±50 % jitter per type) for each account of an organization, skewed like
 * real organizations: {@link hugeAccountCount} huge accounts (never the management account, index 0), about 8 %
 * medium ones (6–15) and many small ones (0.5–1.5, i.e. a resource or two per type).
 */
export const accountSizes = (accounts: number, prng: Prng): number[] => {
  const huge = new Set<number>();
  const hugeCount = hugeAccountCount(accounts);
  while (huge.size < hugeCount) huge.add(prng.int(1, accounts - 1));
  return Array.from({ length: accounts }, (_, i) =>
    huge.has(i)
      ? prng.int(HUGE_SIZE.min, HUGE_SIZE.max)
      : prng.chance(MEDIUM_SHARE)
        ? prng.int(MEDIUM_SIZE.min, MEDIUM_SIZE.max)
        : 0.5 + prng.next(),
  );
};
