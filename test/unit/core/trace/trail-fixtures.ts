import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CloudTrailRecord, parseCloudTrailRecord } from '../../../../core/trace/analysis/cloudtrail-record.schema';
import { selectIssuingEvent } from '../../../../core/trace/analysis/role-chain';
import type { IssuingEventLookup } from '../../../../core/trace/issuing-event.port';

/** Scenario files under test/fixtures/cloudtrail (records in the CloudTrailEvent shape). */
export type TrailScenario =
  | 'one-hop'
  | 'multi-hop-cross-account'
  | 'same-session-name'
  | 'saml'
  | 'web-identity'
  | 'identity-center'
  | 'missing-first-hop'
  | 'federation-token';

/** Loads a scenario's records, parsed as LookupEvents' `CloudTrailEvent` strings would be. */
export const loadTrail = (name: TrailScenario): CloudTrailRecord[] => {
  const file = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/cloudtrail', `${name}.json`), 'utf8')) as {
    records: unknown[];
  };
  return file.records.map((raw) => {
    const parsed = parseCloudTrailRecord(JSON.stringify(raw));
    if (!parsed.ok) throw new Error(`fixture ${name} holds a malformed record: ${parsed.reason}`);
    return parsed.record;
  });
};

/** The last record of a scenario: the change event. */
export const changeOf = (records: readonly CloudTrailRecord[]): CloudTrailRecord => {
  const last = records[records.length - 1];
  if (last === undefined) throw new Error('empty scenario');
  return last;
};

/** In-memory lookup over a record list (what LookupEvents would return), recording the keys asked for. */
export const fakeLookup = (records: readonly CloudTrailRecord[]): IssuingEventLookup & { asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    findIssuingEvent: async (accessKeyId, beforeTime) => {
      asked.push(accessKeyId);
      return selectIssuingEvent(records, accessKeyId, beforeTime);
    },
  };
};
