import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PageKey } from '../model';
import { InvalidQueryParameterError } from './query-errors';

const CURSOR_VERSION = 1;

const CursorSchema = z.strictObject({
  v: z.literal(CURSOR_VERSION),
  /** The store's `lastEvaluatedKey`. */
  k: z.record(z.string(), z.union([z.string(), z.number()])),
  /** {@link filterHash} of the filters the page was read with. */
  f: z.string().regex(/^[0-9a-f]{32}$/),
});

/**
 * A stable digest of the filters a page was read with (keys sorted, absent values left out), so a cursor cannot be
 * replayed with other filters. `limit` is not part of it: a caller may change the page size between pages.
 */
export const filterHash = (filters: Readonly<Record<string, string | number | undefined>>): string => {
  const canonical = Object.keys(filters)
    .filter((key) => filters[key] !== undefined)
    .sort()
    .map((key) => [key, filters[key]]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 32);
};

/**
 * The opaque cursor of the next page: base64url of `{ v, k: lastEvaluatedKey, f: filterHash(filters) }`.
 *
 * @example encodeCursor(page.lastEvaluatedKey, { account: '111122223333' })
 */
export const encodeCursor = (
  lastEvaluatedKey: PageKey,
  filters: Readonly<Record<string, string | number | undefined>>,
): string =>
  Buffer.from(JSON.stringify({ v: CURSOR_VERSION, k: lastEvaluatedKey, f: filterHash(filters) })).toString('base64url');

/**
 * The store key to resume from. Throws {@link InvalidQueryParameterError} (`cursor`) when the cursor is not one of
 * ours, or was issued for other filters.
 */
export const decodeCursor = (
  cursor: string,
  filters: Readonly<Record<string, string | number | undefined>>,
): PageKey => {
  let parsed: z.output<typeof CursorSchema>;
  try {
    parsed = CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch (error) {
    throw new InvalidQueryParameterError(
      'cursor',
      'parameter "cursor": not a cursor this API issued; pass the nextCursor of the previous page unchanged',
      { cause: error },
    );
  }
  if (parsed.f !== filterHash(filters)) {
    throw new InvalidQueryParameterError(
      'cursor',
      'parameter "cursor": it was issued for other filters; repeat the filters of the first page, or start again without cursor',
    );
  }
  return parsed.k;
};
