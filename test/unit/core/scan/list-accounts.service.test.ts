import { AccountsFileSchema } from '../../../../core/domain/account.schema';
import type { ResolvedRun } from '../../../../core/domain/resolve-run.schema';
import { listAccounts } from '../../../../core/scan/list-accounts.service';
import { NoAccountsFoundError, ThrottledError } from '../../../../core/shared/errors';
import { FixedClock } from '../../../helpers/fakes/fixed-clock';
import { account, InMemoryAccountDirectory } from '../../../helpers/fakes/in-memory-account-directory';
import { InMemoryObjectStore } from '../../../helpers/fakes/in-memory-object-store';
import { RecordingLog } from '../../../helpers/fakes/recording-log';

const run = (overrides: Partial<ResolvedRun> = {}): ResolvedRun => ({
  runId: 'r1',
  startDate: '2026-11-02',
  endDate: '2026-11-08',
  timeZone: 'Asia/Hong_Kong',
  regions: ['us-east-1'],
  frameworks: [],
  includeAccounts: [],
  excludeAccounts: [],
  notify: true,
  ...overrides,
});

const org = () =>
  new InMemoryAccountDirectory([
    account('333333333333'),
    account('111111111111', { email: 'one@example.com' }),
    account('222222222222', { state: 'SUSPENDED' }),
    account('444444444444', { state: 'PENDING_CLOSURE' }),
    account('555555555555'),
  ]);

/** The ids accounts.json lists, in file order. */
const listedIds = (store: InMemoryObjectStore): string[] =>
  AccountsFileSchema.parse(JSON.parse(store.text('runs/r1/accounts.json'))).map((a) => a.id);

const setup = () => {
  const store = new InMemoryObjectStore('reports');
  const log = new RecordingLog();
  return { store, log, deps: { directory: org(), store, log, clock: new FixedClock('2026-11-09T01:00:00.000Z') } };
};

describe('listAccounts', () => {
  describe('listAccounts', () => {
    // The output carries no ids: the Map's ItemReader reads accounts.json, a JSON array, so the state stays small.
    it('keeps the active accounts, writes accounts.json as a JSON array sorted by id and returns its key', async () => {
      // Arrange
      const { store, deps } = setup();

      // Act
      const list = await listAccounts(run(), deps);

      // Assert
      expect(list).toEqual({
        bucket: 'reports',
        key: 'runs/r1/accounts.json',
        count: 3,
      });
      const file = AccountsFileSchema.parse(JSON.parse(store.text('runs/r1/accounts.json')));
      expect(file.map((a) => a.id)).toEqual(['111111111111', '333333333333', '555555555555']);
      expect(file[0]).toEqual({
        id: '111111111111',
        name: 'account-1111',
        email: 'one@example.com',
        state: 'ACTIVE',
      });
    });

    it('applies the include filter, then the exclude filter', async () => {
      // Arrange
      const { deps, store } = setup();
      const filtered = run({ includeAccounts: ['111111111111', '333333333333'], excludeAccounts: ['333333333333'] });

      // Act
      const list = await listAccounts(filtered, deps);

      // Assert
      expect(list.count).toBe(1);
      expect(listedIds(store)).toEqual(['111111111111']);
    });

    it('warns about an included account that is not an active member', async () => {
      // Arrange
      const { deps, log, store } = setup();

      // Act
      const list = await listAccounts(run({ includeAccounts: ['111111111111', '222222222222'] }), deps);

      // Assert
      expect(list.count).toBe(1);
      expect(listedIds(store)).toEqual(['111111111111']);
      expect(log.at('warn')).toEqual([
        expect.objectContaining({ extra: expect.objectContaining({ account: '222222222222 (SUSPENDED)' }) }),
      ]);
    });

    it('throws NoAccountsFoundError explaining the counts and the filters', async () => {
      // Arrange
      const { deps, store } = setup();
      const filtered = run({ includeAccounts: ['222222222222', '777777777777'] });

      // Act
      const error = await listAccounts(filtered, deps).catch((e: unknown) => e);

      // Assert
      expect(error).toBeInstanceOf(NoAccountsFoundError);
      expect((error as Error).name).toBe('NoAccountsFound');
      expect((error as Error).message).toBe(
        'no accounts to scan in run r1: the organization listed 5 accounts, 3 active; ' +
          'the include filter (222222222222, 777777777777) kept 0; ' +
          'included but not active members: 222222222222 (SUSPENDED), 777777777777 (not in the organization); ' +
          'check the accounts input and INCLUDE_ACCOUNTS/EXCLUDE_ACCOUNTS',
      );
      expect(store.objects.size).toBe(0);
    });

    it('throws NoAccountsFoundError naming the exclude filter when it removed everything', async () => {
      const { deps } = setup();
      const filtered = run({ excludeAccounts: ['111111111111', '333333333333', '555555555555'] });
      await expect(listAccounts(filtered, deps)).rejects.toThrow(
        'the organization listed 5 accounts, 3 active; the exclude filter (111111111111, 333333333333, 555555555555) removed 3',
      );
    });

    it('throws NoAccountsFoundError for an empty organization', async () => {
      const { deps } = setup();
      await expect(listAccounts(run(), { ...deps, directory: new InMemoryAccountDirectory([]) })).rejects.toThrow(
        'the organization listed 0 accounts, 0 active',
      );
    });

    it('throws what the directory throws', async () => {
      // Arrange
      const { deps } = setup();
      deps.directory.failWith = new ThrottledError('organizations throttled', { service: 'organizations' });

      // Act & Assert
      await expect(listAccounts(run(), deps)).rejects.toBeInstanceOf(ThrottledError);
    });
  });
});
