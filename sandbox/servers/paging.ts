import { AwsFault } from './wire';

/**
 * Opaque page tokens: base64 of `{o: offset, s: scope}`, where `scope` ties a token to the request that produced it
 * (operation + filters), so a token reused with other parameters answers like AWS does.
 */
export const encodeToken = (offset: number, scope: string): string =>
  Buffer.from(JSON.stringify({ o: offset, s: scope }), 'utf8').toString('base64');

/**
 * Decodes a page token into an offset (0 when absent).
 *
 * @param errorCode - the service's error name (`InvalidNextTokenException` for Config, `InvalidInputException` for Organizations)
 */
export const decodeToken = (token: unknown, scope: string, errorCode: string): number => {
  if (token === undefined || token === null || token === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')) as { o?: unknown; s?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.s === scope) {
      return parsed.o;
    }
  } catch {
    // fall through to the AWS answer below
  }
  throw new AwsFault(errorCode, 'The nextToken provided is invalid');
};

/** One page of `items` from `offset`, with the token of the next page when more remain. */
export const page = <T>(
  items: readonly T[],
  offset: number,
  size: number,
  scope: string,
): { items: T[]; nextToken?: string } => {
  const slice = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length ? { items: slice, nextToken: encodeToken(next, scope) } : { items: slice };
};
