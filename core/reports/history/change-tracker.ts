import type { ResourceRow } from '../report-model';
import type { PreviousRun } from './history-reader';
import { accountRegion, accountRegionOf, parseResourceKey, ResourceKeyMaker, sortUnique } from './resource-keys';

/** A resource non-compliant in the previous run and not in this one (a row of the **Resolved** tab). */
export interface ResolvedRow {
  accountId: string;
  accountName: string;
  region: string;
  rule: string;
  resourceType: string;
  resourceId: string;
}

/** New / Resolved counts against the previous run. */
export interface ChangeCounts {
  new: number;
  resolved: number;
}

const indexOf = (sorted: readonly string[], key: string): number => {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = sorted[mid] as string;
    if (value === key) return mid;
    if (value < key) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
};

/**
 * Compares this run's non-compliant rows with the previous run's keys as the rows stream past (one account at a
 * time), so nothing but the two key lists is held: each row is looked up by binary search (no ordering assumption)
 * and the previous keys it matches are ticked in a bitmap. What stays unticked afterwards is Resolved, but only in
 * accounts and regions scanned (Config recording) this run: an account that failed now has unknown, not resolved,
 * findings.
 */
export class ChangeTracker {
  private readonly keyMaker = new ResourceKeyMaker();
  private readonly matched: Uint8Array;
  private readonly current: string[] = [];
  private readonly scanned = new Set<string>();
  private readonly regionsByAccount = new Map<string, readonly string[]>();
  private sortedKeys: string[] | undefined;
  private resolvedCount: number | undefined;

  constructor(readonly previous?: PreviousRun) {
    this.matched = new Uint8Array(previous?.keys.length ?? 0);
  }

  /** Records the regions where an account was scanned with Config recording. */
  addScannedRegions(accountId: string, regions: readonly string[]): void {
    this.regionsByAccount.set(accountId, regions);
    for (const region of regions) this.scanned.add(accountRegion(accountId, region));
  }

  /** Looks rows up in the previous run; `flags[i]` is 1 when row `i` is New (always 0 without a previous run). */
  observe(rows: readonly ResourceRow[]): Uint8Array {
    const flags = new Uint8Array(rows.length);
    const previous = this.previous?.keys;
    rows.forEach((row, i) => {
      const key = this.keyMaker.keyOf(row.accountId, row.region, row.ruleName, row.resourceType, row.resourceId);
      this.current.push(key);
      if (!previous) return;
      const at = indexOf(previous, key);
      if (at < 0) flags[i] = 1;
      else this.matched[at] = 1;
    });
    return flags;
  }

  /** This run's keys, sorted and unique (for its history entry). Call after the last {@link observe}. */
  currentKeys(): string[] {
    this.sortedKeys ??= sortUnique(this.current);
    return this.sortedKeys;
  }

  /** The regions recorded for an account by {@link addScannedRegions}. */
  scannedRegionsOf(accountId: string): readonly string[] {
    return this.regionsByAccount.get(accountId) ?? [];
  }

  /** New and Resolved counts, or `null` when there is no previous run. Call after the last {@link observe}. */
  counts(): ChangeCounts | null {
    if (!this.previous) return null;
    let matchedCount = 0;
    for (const tick of this.matched) matchedCount += tick;
    if (this.resolvedCount === undefined) {
      this.resolvedCount = 0;
      for (const _ of this.resolvedIndexes()) this.resolvedCount += 1;
    }
    return { new: this.currentKeys().length - matchedCount, resolved: this.resolvedCount };
  }

  /** The Resolved rows in key order, decoded one at a time; `nameOf` names the accounts. */
  *resolved(nameOf: (accountId: string) => string): Generator<ResolvedRow> {
    const keys = this.previous?.keys ?? [];
    for (const i of this.resolvedIndexes()) {
      const parts = parseResourceKey(keys[i] as string);
      yield { ...parts, accountName: nameOf(parts.accountId) };
    }
  }

  private *resolvedIndexes(): Generator<number> {
    const keys = this.previous?.keys ?? [];
    for (let i = 0; i < keys.length; i += 1) {
      if (this.matched[i] === 0 && this.scanned.has(accountRegionOf(keys[i] as string))) yield i;
    }
  }
}
