import { createPolicyCatalog } from '../../../../../core/lacework/frameworks/policy-catalog';
import { ExternalServiceError } from '../../../../../core/shared/errors';
import { FixedClock } from '../../../../helpers/fakes/fixed-clock';
import { InMemoryLaceworkApi } from '../../../../helpers/fakes/in-memory-lacework-api';
import { InMemoryObjectStore } from '../../../../helpers/fakes/in-memory-object-store';
import { RecordingLog } from '../../../../helpers/fakes/recording-log';

const POLICY = {
  policyId: 'lacework-global-34',
  policyType: 'Compliance',
  title: "Ensure no 'root' user account access key exists",
  enabled: true,
  severity: 'critical',
  description: 'The root user…',
  remediation: 'Delete the keys.\n1. Sign in',
};
const KEY = 'cache/lacework/policies/lacework-global-34.json';
const HOUR = 3_600_000;

const setup = () => {
  const api = new InMemoryLaceworkApi({ policies: [POLICY] });
  const store = new InMemoryObjectStore();
  const clock = new FixedClock('2026-11-09T01:00:00.000Z');
  const log = new RecordingLog();
  const catalog = () => createPolicyCatalog({ api, store, clock, log });
  return { api, store, clock, log, catalog };
};

describe('createPolicyCatalog', () => {
  describe('get', () => {
    it('returns a found policy and caches it with cachedAt', async () => {
      // Arrange
      const { store, catalog } = setup();

      // Act
      const details = await catalog().get('lacework-global-34');

      // Assert
      expect(details).toEqual({
        policyId: 'lacework-global-34',
        title: POLICY.title,
        severity: 'critical',
        enabled: true,
        policyType: 'Compliance',
        description: POLICY.description,
        remediation: POLICY.remediation,
        outcome: 'found',
      });
      expect(JSON.parse(store.text(KEY))).toEqual({ cachedAt: '2026-11-09T01:00:00.000Z', details });
    });

    it('serves a fresh cache entry without calling the API', async () => {
      // Arrange
      const { api, clock, catalog } = setup();
      await catalog().get('lacework-global-34');
      clock.advance(23 * HOUR);

      // Act
      const details = await catalog().get('lacework-global-34');

      // Assert
      expect(details.outcome).toBe('found');
      expect(api.calls.getPolicy).toBe(1);
    });

    it('fetches again once the entry is older than the TTL', async () => {
      // Arrange
      const { api, clock, catalog } = setup();
      await catalog().get('lacework-global-34');
      clock.advance(24 * HOUR);
      api.policies.set('lacework-global-34', { ...POLICY, title: 'Renamed' });

      // Act
      const details = await catalog().get('lacework-global-34');

      // Assert
      expect(details.title).toBe('Renamed');
      expect(api.calls.getPolicy).toBe(2);
    });

    it('honours a custom ttlHours and prefix', async () => {
      // Arrange
      const { api, store, clock } = setup();
      const catalog = () => createPolicyCatalog({ api, store, clock, ttlHours: 1, prefix: 'c/' });
      await catalog().get('lacework-global-34');
      clock.advance(HOUR);

      // Act
      await catalog().get('lacework-global-34');

      // Assert
      expect(api.calls.getPolicy).toBe(2);
      expect([...store.objects.keys()]).toEqual(['c/lacework-global-34.json']);
    });

    it('reads Not Found for a missing policy and caches that too', async () => {
      // Arrange
      const { api, catalog } = setup();

      // Act
      const first = await catalog().get('lacework-global-999');
      const second = await catalog().get('lacework-global-999');

      // Assert
      expect(first).toEqual({ policyId: 'lacework-global-999', title: 'Not Found', outcome: 'not-found' });
      expect(second).toEqual(first);
      expect(api.calls.getPolicy).toBe(1);
    });

    it('does not cache a failed fetch, so the next run asks again', async () => {
      // Arrange
      const { api, store, log, catalog } = setup();
      api.failWith(
        'getPolicy',
        new ExternalServiceError('lacework returned 503', { service: 'lacework', retryable: true }),
      );

      // Act
      const failed = await catalog().get('lacework-global-34');
      api.heal('getPolicy');
      const retried = await catalog().get('lacework-global-34');

      // Assert
      expect(failed).toEqual({
        policyId: 'lacework-global-34',
        title: 'Error',
        outcome: 'error',
        error: 'ExternalServiceError: lacework returned 503',
      });
      expect(retried.outcome).toBe('found');
      expect(api.calls.getPolicy).toBe(2);
      expect(store.objects.size).toBe(1);
      expect(log.at('warn').map((e) => e.message)).toEqual(['lacework policy fetch failed']);
    });

    it.each([
      ['not JSON', '{oops'],
      ['the wrong shape', JSON.stringify({ cachedAt: 'x' })],
      [
        'another policy',
        JSON.stringify({
          cachedAt: '2026-11-09T00:00:00.000Z',
          details: { policyId: 'other', title: 't', outcome: 'found' },
        }),
      ],
    ])('fetches again when the cache entry is %s', async (_what, body) => {
      // Arrange
      const { api, store, log, catalog } = setup();
      await store.put(KEY, body, 'application/json');

      // Act
      const details = await catalog().get('lacework-global-34');

      // Assert
      expect(details.outcome).toBe('found');
      expect(api.calls.getPolicy).toBe(1);
      expect(log.at('warn')).toHaveLength(1);
    });

    it('looks an id up once when callers ask concurrently', async () => {
      // Arrange
      const { api, catalog } = setup();
      const shared = catalog();

      // Act
      await Promise.all([shared.get('lacework-global-34'), shared.get('lacework-global-34')]);

      // Assert
      expect(api.calls.getPolicy).toBe(1);
    });
  });

  describe('getMany', () => {
    it('returns every id once, keyed by id', async () => {
      // Arrange
      const { api, catalog } = setup();

      // Act
      const many = await catalog().getMany(['lacework-global-34', 'missing', 'lacework-global-34'], 2);

      // Assert
      expect([...many.keys()]).toEqual(['lacework-global-34', 'missing']);
      expect(many.get('missing')?.outcome).toBe('not-found');
      expect(api.calls.getPolicy).toBe(2);
    });
  });
});
