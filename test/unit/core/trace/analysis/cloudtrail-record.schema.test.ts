import { summarizeActivity } from '../../../../../core/trace/analysis/activity';
import { parseCloudTrailRecord, parseInstantMs } from '../../../../../core/trace/analysis/cloudtrail-record.schema';
import { actorFromIdentity } from '../../../../../core/trace/analysis/identity';
import { classifyInterface } from '../../../../../core/trace/analysis/interface';
import { loadTrail } from '../trail-fixtures';

const valid = loadTrail('one-hop')[1];

describe('parseCloudTrailRecord', () => {
  it('parses the CloudTrailEvent string and keeps unknown fields', () => {
    // Arrange
    const text = JSON.stringify({ ...valid, eventContext: { tagContext: {} }, addendum: { reason: 'DELIVERY_DELAY' } });
    // Act
    const result = parseCloudTrailRecord(text);
    // Assert
    expect(result.ok && result.record.addendum).toEqual({ reason: 'DELIVERY_DELAY' });
  });

  it.each([
    { name: 'not JSON', input: '{"eventID": ', reason: 'record is not valid JSON', eventId: undefined },
    { name: 'not an object', input: 42, reason: 'record malformed', eventId: undefined },
    {
      name: 'without userIdentity',
      input: { ...valid, userIdentity: undefined },
      reason: 'userIdentity',
      eventId: valid?.eventID,
    },
    { name: 'without eventName', input: { ...valid, eventName: '' }, reason: 'eventName', eventId: valid?.eventID },
    {
      name: 'with a non-boolean readOnly',
      input: { ...valid, readOnly: 'yes' },
      reason: 'readOnly',
      eventId: valid?.eventID,
    },
  ])('returns the reason instead of throwing for a record $name', ({ input, reason, eventId }) => {
    // Act
    const result = parseCloudTrailRecord(input);
    // Assert
    if (result.ok) throw new Error('expected a parse failure');
    expect(result.eventId).toBe(eventId);
    expect(result.reason).toContain(reason);
  });

  it.each([
    {
      name: 'identity without arn or sessionContext',
      patch: { userIdentity: { type: 'AssumedRole', principalId: 'AROAX:s' } },
    },
    { name: 'anonymised IPs', patch: { sourceIPAddress: '225.01.00.16' } },
    { name: 'AWS Internal as the IP', patch: { sourceIPAddress: 'AWS Internal' } },
    { name: 'a region that does not exist', patch: { awsRegion: 'ap-isob-central-3r' } },
    { name: 'null requestParameters on a denied call', patch: { requestParameters: null, errorCode: 'AccessDenied' } },
    { name: 'an unknown event name', patch: { eventName: 'FrobnicateWidget20991231' } },
    { name: 'an unknown identity type', patch: { userIdentity: { type: 'Directory', userName: 'dir-user' } } },
  ])('accepts a record with $name and handles it downstream without throwing', ({ patch }) => {
    // Act
    const result = parseCloudTrailRecord({ ...valid, ...patch });
    // Assert
    if (!result.ok) throw new Error(result.reason);
    expect(() => classifyInterface(result.record)).not.toThrow();
    expect(actorFromIdentity(result.record.userIdentity).display).not.toBe('');
    expect(
      summarizeActivity([result.record], actorFromIdentity(result.record.userIdentity), {
        around: result.record.eventTime,
      }).skipped,
    ).toEqual([]);
  });

  it('marks an unknown identity type as unresolved with the reason', () => {
    // Act
    const actor = actorFromIdentity({ type: 'Directory', userName: 'dir-user' });
    // Assert
    expect(actor).toMatchObject({
      kind: 'unresolved',
      unresolvedReason: 'identity type Directory has no known origin',
    });
  });

  it('lists a record whose eventTime cannot be read as skipped', () => {
    // Arrange
    const bad = { ...valid, eventTime: 'Jul 30, 2024, 9:46:15 PM?' } as typeof valid & object;
    // Act
    const summary = summarizeActivity([bad], actorFromIdentity(bad.userIdentity), { around: '2024-07-30T10:00:00Z' });
    // Assert
    expect(summary.skipped).toEqual([
      { eventId: bad.eventID, reason: expect.stringContaining('unreadable eventTime') },
    ]);
  });
});

describe('parseInstantMs', () => {
  it.each([
    ['2024-07-30T21:31:15Z', Date.UTC(2024, 6, 30, 21, 31, 15)],
    ['20131102T010628Z', Date.UTC(2013, 10, 2, 1, 6, 28)],
    ['not a time', undefined],
    [undefined, undefined],
  ])('reads %s', (text, expected) => {
    // Act
    const ms = parseInstantMs(text);
    // Assert
    expect(ms).toBe(expected);
  });
});
