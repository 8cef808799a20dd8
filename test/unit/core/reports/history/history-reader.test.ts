import { readEarlierRuns } from '../../../../../core/reports/history/history-reader';
import { aHistoryEntry, aResourceKey, seedHistory } from '../../../../helpers/builders/history.builder';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';

const THIS_RUN = { runId: 'run-9', endDate: '2026-11-08' };

describe('readEarlierRuns', () => {
  it('returns nothing for an empty history', async () => {
    // Act
    const earlier = await readEarlierRuns(new InMemoryObjectStore(), THIS_RUN, new RecordingLog());

    // Assert
    expect(earlier).toEqual({ trend: [], previous: undefined });
  });

  it('takes the newest earlier entry as the previous run and lists the trend oldest first', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    await seedHistory(store, aHistoryEntry({ runId: 'run-a', endDate: '2026-10-25' }));
    await seedHistory(
      store,
      aHistoryEntry({ runId: 'run-b', endDate: '2026-11-01' }, [aResourceKey('z'), aResourceKey('y')]),
    );
    await seedHistory(store, aHistoryEntry({ runId: 'later', endDate: '2026-11-15' }));
    await seedHistory(store, aHistoryEntry({ runId: 'run-9', endDate: '2026-11-08' }));

    // Act
    const earlier = await readEarlierRuns(store, THIS_RUN, new RecordingLog());

    // Assert
    expect(earlier.trend.map((p) => [p.endDate, p.runId])).toEqual([
      ['2026-10-25', 'run-a'],
      ['2026-11-01', 'run-b'],
    ]);
    expect(earlier.previous?.runId).toBe('run-b');
    expect(earlier.previous?.keys).toEqual([aResourceKey('y'), aResourceKey('z')]);
    expect(earlier.previous?.accounts.get('111111111111')?.score).toBe(0.5);
  });

  it('skips corrupt, invalid and same-run entries with a warning and falls back to the next one', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    const log = new RecordingLog();
    await seedHistory(store, aHistoryEntry({ runId: 'good', endDate: '2026-10-11' }));
    await seedHistory(store, aHistoryEntry({ runId: 'run-9', endDate: '2026-10-18' }));
    await seedHistory(store, { endDate: '2026-10-25', raw: '{"schemaVersion":1' });
    await seedHistory(store, { endDate: '2026-11-01', raw: '{"schemaVersion":2}' });
    await store.put('history/notes.txt', 'ignored', 'text/plain');

    // Act
    const earlier = await readEarlierRuns(store, THIS_RUN, log);

    // Assert
    expect(earlier.previous?.runId).toBe('good');
    expect(earlier.trend.map((p) => p.runId)).toEqual(['good']);
    expect(log.at('warn').map((w) => (w.extra as { key: string }).key)).toEqual([
      'history/2026-11-01.json',
      'history/2026-10-25.json',
      'history/2026-10-18.json',
    ]);
  });

  it('skips an entry whose keys do not decode', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    const log = new RecordingLog();
    const broken = aHistoryEntry({ endDate: '2026-11-01' });
    broken.nonCompliantKeys.values = ['7:x'];
    await seedHistory(store, broken);

    // Act
    const earlier = await readEarlierRuns(store, THIS_RUN, log);

    // Assert
    expect(earlier.previous).toBeUndefined();
    expect(log.at('warn')[0]?.extra).toMatchObject({ reason: expect.stringMatching(/invalid keys/) });
  });

  it('keeps at most the requested number of trend points', async () => {
    // Arrange
    const store = new InMemoryObjectStore();
    for (let day = 1; day <= 5; day += 1) {
      await seedHistory(store, aHistoryEntry({ runId: `r${day}`, endDate: `2026-10-0${day}` }));
    }

    // Act
    const earlier = await readEarlierRuns(store, THIS_RUN, new RecordingLog(), 3);

    // Assert
    expect(earlier.trend.map((p) => p.runId)).toEqual(['r3', 'r4', 'r5']);
  });
});
