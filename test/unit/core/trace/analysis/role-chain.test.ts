import type { CloudTrailRecord } from '../../../../../core/trace/analysis/cloudtrail-record.schema';
import { resolveRoleChain, selectIssuingEvent } from '../../../../../core/trace/analysis/role-chain';
import type { IssuingEventLookup } from '../../../../../core/trace/issuing-event.port';
import { changeOf, fakeLookup, loadTrail } from '../trail-fixtures';

const originCases = [
  { scenario: 'one-hop', kind: 'iam-user', display: 'alice', hops: 1, via: ['AssumeRole'] },
  { scenario: 'same-session-name', kind: 'iam-user', display: 'alice', hops: 1, via: ['AssumeRole'] },
  {
    scenario: 'multi-hop-cross-account',
    kind: 'iam-user',
    display: 'alice',
    hops: 2,
    via: ['AssumeRole', 'AssumeRole'],
  },
  {
    scenario: 'saml',
    kind: 'saml',
    display: 'alice@example.com (SAML, SJ6386+EXAMPLE+cD6N1EXAMPLE=)',
    hops: 1,
    via: ['AssumeRoleWithSAML'],
  },
  {
    scenario: 'web-identity',
    kind: 'web-identity',
    display: '123456789012345678901 (web identity, accounts.google.com)',
    hops: 1,
    via: ['AssumeRoleWithWebIdentity'],
  },
  { scenario: 'federation-token', kind: 'iam-user', display: 'mallory', hops: 1, via: ['GetFederationToken'] },
  {
    scenario: 'identity-center',
    kind: 'identity-center',
    display: 'alice@example.com (Identity Center, AdministratorAccess)',
    hops: 1,
    via: ['IdentityCenter'],
  },
] as const;

describe('resolveRoleChain', () => {
  it.each(originCases)(
    'walks the $scenario chain back to its $kind origin',
    async ({ scenario, kind, display, hops, via }) => {
      // Arrange
      const records = loadTrail(scenario);
      // Act
      const chain = await resolveRoleChain({ record: changeOf(records) }, fakeLookup(records));
      // Assert
      expect(chain).toMatchObject({ complete: true, origin: { kind, display } });
      expect(chain.hops).toHaveLength(hops);
      expect(chain.hops.map((hop) => hop.via)).toEqual(via);
    },
  );

  it('matches the issuing event on the access key, not on the reused session name', async () => {
    // Arrange
    const records = loadTrail('same-session-name');
    // Act
    const chain = await resolveRoleChain(changeOf(records), fakeLookup(records));
    // Assert
    expect(chain.hops[0]).toMatchObject({
      issuingEventId: '33333333-0000-0000-0000-000000000001',
      sessionName: 'deploy',
    });
    expect(chain.origin.userName).toBe('alice');
  });

  it('orders hops from the origin and flags the cross-account hop once, on the caller-side copy', async () => {
    // Arrange
    const records = loadTrail('multi-hop-cross-account');
    // Act
    const chain = await resolveRoleChain(changeOf(records), fakeLookup(records));
    // Assert
    expect(chain.hops.map((hop) => [hop.roleName, hop.crossAccount, hop.callerType])).toEqual([
      ['DevRole', false, 'IAMUser'],
      ['ProdDeployRole', true, 'AssumedRole'],
    ]);
    expect(chain.hops[1]).toMatchObject({
      sharedEventId: 'aaaaaaaa-5555-5555-5555-555555555555',
      accountId: '444455556666',
    });
  });

  it('stops at the external account when only the role-owner copy of a cross-account call is found', async () => {
    // Arrange
    const records = loadTrail('multi-hop-cross-account').filter((r) => r.recipientAccountId === '444455556666');
    // Act
    const chain = await resolveRoleChain(changeOf(records), fakeLookup(records));
    // Assert
    expect(chain.origin).toMatchObject({ kind: 'external-account', accountId: '111122223333' });
    expect(chain.hops[0]?.crossAccount).toBe(true);
  });

  it('shows the sourceIdentity hint and the reason when the first hop is missing', async () => {
    // Arrange
    const records = loadTrail('missing-first-hop');
    // Act
    const chain = await resolveRoleChain(changeOf(records), fakeLookup(records));
    // Assert
    expect(chain.complete).toBe(false);
    expect(chain.origin).toMatchObject({ kind: 'unresolved', sourceIdentity: 'carol' });
    expect(chain.hops[0]).toMatchObject({ status: 'unresolved', unresolvedCode: 'issuing-event-not-found' });
    expect(chain.unresolvedReason).toContain('ASIAMISSING001');
  });

  it('does not call the lookup for an Identity Center session', async () => {
    // Arrange
    const records = loadTrail('identity-center');
    const lookup = fakeLookup(records);
    // Act
    const chain = await resolveRoleChain(changeOf(records), lookup);
    // Assert
    expect(lookup.asked).toEqual([]);
    expect(chain.origin).toMatchObject({ permissionSet: 'AdministratorAccess', userName: 'alice@example.com' });
  });

  it('returns an origin with no hops for a change made by an IAM user', async () => {
    // Arrange
    const records = loadTrail('one-hop');
    // Act
    const chain = await resolveRoleChain(records[0] as CloudTrailRecord, fakeLookup(records));
    // Assert
    expect(chain).toMatchObject({ hops: [], complete: true, origin: { kind: 'iam-user', display: 'alice' } });
  });

  const failingLookups: { name: string; lookup: IssuingEventLookup; code: string }[] = [
    {
      name: 'a rejected lookup',
      lookup: { findIssuingEvent: () => Promise.reject(new Error('Throttling')) },
      code: 'lookup-failed',
    },
    {
      name: 'a malformed issuing record',
      lookup: { findIssuingEvent: async () => ({ eventName: 'AssumeRole' }) as unknown as CloudTrailRecord },
      code: 'record-malformed',
    },
    {
      name: 'an event that did not issue the key',
      lookup: { findIssuingEvent: async () => loadTrail('saml')[0] },
      code: 'issuing-event-mismatch',
    },
  ];
  it.each(failingLookups)('marks the hop unresolved on $name', async ({ lookup, code }) => {
    // Arrange
    const change = changeOf(loadTrail('one-hop'));
    // Act
    const chain = await resolveRoleChain(change, lookup);
    // Assert
    expect(chain.complete).toBe(false);
    expect(chain.hops[0]).toMatchObject({ status: 'unresolved', unresolvedCode: code });
    expect(chain.origin.kind).toBe('unresolved');
  });

  it('marks a session without accessKeyId as a missing first hop', async () => {
    // Arrange
    const change = changeOf(loadTrail('one-hop'));
    const { accessKeyId: _dropped, ...identity } = change.userIdentity;
    // Act
    const chain = await resolveRoleChain({ ...change, userIdentity: identity }, fakeLookup([]));
    // Assert
    expect(chain.hops[0]?.unresolvedCode).toBe('missing-access-key');
  });

  it('cuts the walk at the hop limit', async () => {
    // Arrange
    const records = loadTrail('multi-hop-cross-account');
    // Act
    const chain = await resolveRoleChain(changeOf(records), fakeLookup(records), { maxHops: 1 });
    // Assert
    expect(chain.complete).toBe(false);
    expect(chain.hops.map((hop) => hop.status)).toEqual(['unresolved', 'resolved']);
    expect(chain.unresolvedReason).toBe('hop limit of 1 reached');
  });

  it('stops on a cycle when an issuing event is issued by its own key', async () => {
    // Arrange
    const [assume, change] = loadTrail('one-hop') as [CloudTrailRecord, CloudTrailRecord];
    const looped = { ...assume, userIdentity: change.userIdentity };
    // Act
    const chain = await resolveRoleChain(change, { findIssuingEvent: async () => looped });
    // Assert
    expect(chain.hops[0]).toMatchObject({ status: 'unresolved', unresolvedCode: 'cycle' });
  });

  it('tolerates identities without arn or sessionContext', async () => {
    // Arrange
    const change = changeOf(loadTrail('one-hop'));
    const bare = { ...change, userIdentity: { type: 'AssumedRole', accessKeyId: 'ASIANOWHERE0001' } };
    // Act
    const chain = await resolveRoleChain(bare, fakeLookup([]));
    // Assert
    expect(chain.origin.display).toBe('unknown origin of unknown role/unknown session');
  });
});

describe('selectIssuingEvent', () => {
  it('ignores issuing events after the time bound', () => {
    // Arrange
    const records = loadTrail('one-hop');
    // Act
    const found = selectIssuingEvent(records, 'ASIAONEHOP0001', new Date('2024-07-30T09:59:59Z'));
    // Assert
    expect(found).toBeUndefined();
  });

  it('prefers the caller-side copy of a cross-account call', () => {
    // Arrange
    const records = loadTrail('multi-hop-cross-account').reverse();
    // Act
    const found = selectIssuingEvent(records, 'ASIAPROD000001', new Date('2024-07-30T11:00:00Z'));
    // Assert
    expect(found?.userIdentity.type).toBe('AssumedRole');
  });
});
