import { type ChangeContext, ChangeContextSchema } from '../../domain/change-context.schema';
import type { ObjectStore } from '../../platform/storage/object-store.port';

/** An account's trace file as read: absent (not traced), usable, or unusable with the reason. */
export type ChangeContextRead =
  | { kind: 'missing' }
  | { kind: 'ok'; context: ChangeContext }
  | { kind: 'unusable'; error: string };

const firstIssue = (issues: readonly { path: PropertyKey[]; message: string }[]): string => {
  const issue = issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid';
};

/**
 * Reads `runs/<runId>/traces/<accountId>.json`. Never throws: tracing is optional, so a missing file means "not
 * traced", and a file that cannot be read, is not JSON, fails {@link ChangeContextSchema} or names another account is
 * `unusable` with the reason (the merger warns and lists it; the run goes on).
 */
export const readChangeContext = async (
  store: ObjectStore,
  key: string,
  accountId: string,
): Promise<ChangeContextRead> => {
  let text: string | undefined;
  try {
    text = await store.getText(key);
  } catch (error) {
    return { kind: 'unusable', error: `trace file ${key} could not be read: ${(error as Error).message}` };
  }
  if (text === undefined) return { kind: 'missing' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unusable', error: `trace file ${key} is not JSON` };
  }
  const parsed = ChangeContextSchema.safeParse(json);
  if (!parsed.success)
    return { kind: 'unusable', error: `trace file ${key} is invalid: ${firstIssue(parsed.error.issues)}` };
  if (parsed.data.accountId !== accountId) {
    return { kind: 'unusable', error: `trace file ${key} belongs to account ${parsed.data.accountId}` };
  }
  return { kind: 'ok', context: parsed.data };
};
