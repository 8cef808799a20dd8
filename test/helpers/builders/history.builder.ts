import { keys } from '../../../core/domain/keys';
import type { ObjectStore } from '../../../core/platform/storage/object-store.port';
import { type HistoryEntry, KEY_ENCODING } from '../../../core/reports/history/history.schema';
import { encodeKeys } from '../../../core/reports/history/resource-keys';

/** `account⇥region⇥rule⇥type⇥id`, the key the merger stores per non-compliant resource. */
export const aResourceKey = (
  resourceId: string,
  { accountId = '111111111111', region = 'us-east-1', rule = 'required-tags', type = 'AWS::S3::Bucket' } = {},
): string => [accountId, region, rule, type, resourceId].join('\t');

/**
 * A history entry of run `run-0` ending 2026-11-01: account 111111111111 (us-east-1 recording) with the given
 * non-compliant keys (sorted and front coded here) and a 50 % score unless overridden.
 */
export const aHistoryEntry = (
  overrides: Partial<Omit<HistoryEntry, 'nonCompliantKeys'>> = {},
  resourceKeys: string[] = [aResourceKey('bucket-a')],
): HistoryEntry => {
  const sorted = [...resourceKeys].sort();
  return {
    schemaVersion: 1,
    runId: 'run-0',
    startDate: '2026-10-26',
    endDate: '2026-11-01',
    generatedAt: '2026-11-02T01:00:00.000Z',
    totals: {
      accounts: 1,
      scanned: 1,
      failed: 0,
      compliant: sorted.length,
      nonCompliant: sorted.length,
      score: 0.5,
      configDisabledRegions: 0,
    },
    accounts: [
      {
        accountId: '111111111111',
        accountName: 'prod (then)',
        status: 'ok',
        compliant: sorted.length,
        nonCompliant: sorted.length,
        score: 0.5,
        regions: ['us-east-1'],
      },
    ],
    rules: [{ rule: 'required-tags', nonCompliant: sorted.length }],
    changes: null,
    ...overrides,
    nonCompliantKeys: { encoding: KEY_ENCODING, count: sorted.length, values: encodeKeys(sorted) },
  };
};

/** Writes an entry (or raw text) under `history/<endDate>.json`. */
export const seedHistory = async (store: ObjectStore, entry: HistoryEntry | { endDate: string; raw: string }) => {
  const body = 'raw' in entry ? entry.raw : JSON.stringify(entry);
  await store.put(keys.history(entry.endDate), body, 'application/json');
};
