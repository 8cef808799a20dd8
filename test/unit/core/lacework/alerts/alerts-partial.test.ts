import type { LaceworkAlertDetails } from '../../../../../core/domain/lacework.schema';
import {
  fetchAlertsPartial,
  LaceworkAlertsPartialSchema,
  laceworkAlertsPartialKey,
  readAlertsPartial,
} from '../../../../../core/lacework/alerts/alerts-partial';
import { createPolicyCatalog } from '../../../../../core/lacework/frameworks/policy-catalog';
import { ConfigError } from '../../../../../core/shared/errors';
import fixture from '../../../../fixtures/lacework/domain/alert.compliance-details.json';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';
import { InMemoryLaceworkApi } from '../../../../helpers/fakes/in-memory-lacework-api';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';

const RUN = 'r1';
const KEY = 'runs/r1/partials/_alerts.json';
const RANGE = { startDate: '2026-11-02', endDate: '2026-11-08' };

const setup = (alerts: LaceworkAlertDetails[] = [fixture as LaceworkAlertDetails]) => {
  const api = new InMemoryLaceworkApi({ alerts });
  const store = new InMemoryObjectStore();
  const catalog = createPolicyCatalog({ api, store, clock: new FixedClock() });
  const log = new RecordingLog();
  return { api, store, log, run: () => fetchAlertsPartial({ api, store, catalog, log, runId: RUN, range: RANGE }) };
};

describe('laceworkAlertsPartialKey', () => {
  it('sits beside the account partials', () => {
    expect(laceworkAlertsPartialKey(RUN)).toBe(KEY);
  });
});

describe('fetchAlertsPartial', () => {
  it('writes an ok partial with the rows and the file name', async () => {
    // Arrange
    const { store, run } = setup();

    // Act
    const partial = await run();

    // Assert
    const written = LaceworkAlertsPartialSchema.parse(JSON.parse(store.text(KEY)));
    expect(written).toEqual(partial);
    expect(written).toMatchObject({
      schemaVersion: 1,
      runId: RUN,
      startDate: '2026-11-02',
      endDate: '2026-11-08',
      status: 'ok',
      fileName: 'lacework_alerts_2026-11-02_to_2026-11-08.csv',
      errors: [],
    });
    expect(written.rows.map((r) => r.alertId)).toEqual([871234]);
  });

  it('writes a failed partial instead of throwing when Lacework refuses the key', async () => {
    // Arrange
    const { api, store, log, run } = setup();
    api.failWith('listAlerts', new ConfigError('lacework refused the api key (401); check the key id and secret'));

    // Act
    const partial = await run();

    // Assert
    expect(partial).toMatchObject({
      status: 'failed',
      rows: [],
      errors: [
        'lacework alerts could not be fetched: ConfigError: lacework refused the api key (401); check the key id and secret',
      ],
    });
    expect(LaceworkAlertsPartialSchema.parse(JSON.parse(store.text(KEY))).status).toBe('failed');
    expect(log.at('error')).toHaveLength(1);
  });
});

describe('readAlertsPartial', () => {
  it('returns the rows of an ok partial, also when there are none', async () => {
    // Arrange
    const { store, run } = setup([]);
    await run();

    // Act
    const read = await readAlertsPartial(store, RUN);

    // Assert
    expect(read).toEqual({
      alerts: { rows: [], fileName: 'lacework_alerts_2026-11-02_to_2026-11-08.csv' },
      errors: [],
    });
  });

  it('returns no alerts and the reason for a failed partial', async () => {
    // Arrange
    const { api, store, run } = setup();
    api.failWith('listAlerts', new Error('socket hang up'));
    await run();

    // Act
    const read = await readAlertsPartial(store, RUN);

    // Assert
    expect(read).toEqual({ errors: ['lacework alerts could not be fetched: Error: socket hang up'] });
  });

  it.each([
    ['missing', undefined, 'lacework alerts were not fetched: no runs/r1/partials/_alerts.json'],
    ['not JSON', '{', 'lacework alerts partial is corrupt: runs/r1/partials/_alerts.json: SyntaxError'],
    ['the wrong shape', '{"schemaVersion":2}', 'lacework alerts partial is corrupt: runs/r1/partials/_alerts.json: ✖'],
  ])('returns no alerts and an error when the partial is %s', async (_what, body, message) => {
    // Arrange
    const store = new InMemoryObjectStore();
    if (body !== undefined) await store.put(KEY, body, 'application/json');

    // Act
    const read = await readAlertsPartial(store, RUN);

    // Assert
    expect(read.alerts).toBeUndefined();
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]).toContain(message);
  });
});
