import { type AccountOutcome, accountOutcomes } from '../../../../core/reports/account-outcomes';
import { silentLog } from '../../../../core/shared/log.port';
import { aPartial, aRoleNotAssumablePartial, aScanSummary } from '../../../helpers/builders/partial.builder';
import { anAccount, seedRun } from '../../../helpers/builders/run.builder';
import { InMemoryObjectStore } from '../../../helpers/fakes/in-memory-object-store';

const collect = async (iterable: AsyncIterable<AccountOutcome>) => {
  const all: AccountOutcome[] = [];
  for await (const outcome of iterable) all.push(outcome);
  return all;
};

describe('accountOutcomes', () => {
  it('yields every account once in account id order, with names from accounts.json', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    const accounts = [anAccount('333333333333', 'c'), anAccount('111111111111', 'a'), anAccount('222222222222', 'b')];
    await seedRun(
      store,
      accounts,
      accounts.map((a) => aPartial({ accountId: a.id })),
    );

    // Act
    const outcomes = await collect(
      accountOutcomes({ runId: 'run-1', accounts, summaries: new Map(), store, log: silentLog }),
    );

    // Assert
    expect(outcomes.map((o) => (o.kind === 'scanned' ? `${o.account.id}:${o.account.name}` : o.kind))).toEqual([
      '111111111111:a',
      '222222222222:b',
      '333333333333:c',
    ]);
  });

  it('turns a failed partial into a failed outcome with the phase and message of its errors', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    const accounts = [anAccount('111111111111', 'a')];
    await seedRun(store, accounts, [aRoleNotAssumablePartial()]);

    // Act
    const [outcome] = await collect(
      accountOutcomes({ runId: 'run-1', accounts, summaries: new Map(), store, log: silentLog }),
    );

    // Assert
    expect(outcome).toEqual({
      kind: 'failed',
      failure: {
        accountId: '111111111111',
        accountName: 'a',
        phase: 'assume-role',
        error: 'AccessDenied: not authorized to perform sts:AssumeRole',
      },
    });
  });

  it.each([
    ['not JSON', '{"schemaVersion":', /^partial is corrupt: runs\/run-1\/partials\/111111111111\.json: .*JSON/],
    [
      'off schema',
      JSON.stringify({ ...aPartial(), status: 'great' }),
      /^partial is corrupt: runs\/run-1\/partials\/111111111111\.json: .* at status/,
    ],
    [
      'for another account',
      JSON.stringify(aPartial({ accountId: '999999999999' })),
      /accountId is 999999999999, expected 111111111111$/,
    ],
  ])('names the key of a partial that is %s', async (_label, raw, expected) => {
    // Arrange
    const store = new InMemoryObjectStore();
    const accounts = [anAccount('111111111111', 'a')];
    await seedRun(store, accounts, [{ accountId: '111111111111', raw }]);

    // Act
    const [outcome] = await collect(
      accountOutcomes({ runId: 'run-1', accounts, summaries: new Map(), store, log: silentLog }),
    );

    // Assert
    expect(outcome?.kind === 'failed' && outcome.failure).toMatchObject({
      phase: 'scan',
      error: expect.stringMatching(expected),
    });
  });

  it('gives the Catch reason of a missing partial, else "no partial written"', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    const accounts = [anAccount('111111111111', 'a'), anAccount('222222222222', 'b')];
    await seedRun(store, accounts, []);
    const summaries = new Map([
      ['111111111111', aScanSummary({ status: 'failed', errors: ['Lambda.Unknown: {"errorMessage":\n"boom"}'] })],
    ]);

    // Act
    const outcomes = await collect(accountOutcomes({ runId: 'run-1', accounts, summaries, store, log: silentLog }));

    // Assert
    expect(outcomes.map((o) => o.kind === 'failed' && o.failure.error)).toEqual([
      'Lambda.Unknown: {"errorMessage":; "boom"}',
      'no partial written',
    ]);
  });

  it('reads the partial at the key the summary names', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    const accounts = [anAccount('111111111111', 'a')];
    await seedRun(store, accounts, []);
    await store.put('elsewhere/111.json', JSON.stringify(aPartial()), 'application/json');
    const summaries = new Map([['111111111111', aScanSummary({ partialKey: 'elsewhere/111.json' })]]);

    // Act
    const [outcome] = await collect(accountOutcomes({ runId: 'run-1', accounts, summaries, store, log: silentLog }));

    // Assert
    expect(outcome?.kind).toBe('scanned');
  });

  it('adds listed ids that accounts.json lacks, with no name', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    const accounts = [anAccount('222222222222', 'b')];
    await seedRun(store, accounts, [aPartial({ accountId: '222222222222' })]);

    // Act
    const outcomes = await collect(
      accountOutcomes({
        runId: 'run-1',
        accounts,
        ids: ['111111111111', '222222222222'],
        summaries: new Map(),
        store,
        log: silentLog,
      }),
    );

    // Assert
    expect(outcomes[0]).toEqual({
      kind: 'failed',
      failure: { accountId: '111111111111', accountName: '', phase: 'scan', error: 'no partial written' },
    });
    expect(outcomes).toHaveLength(2);
  });
});
