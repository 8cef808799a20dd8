import { z } from 'zod';
import type { Clock } from '../../platform/clock.port';
import type { ObjectStore } from '../../platform/storage/object-store.port';
import { describeError } from '../../shared/describe-error';
import type { Log } from '../../shared/log.port';
import { silentLog } from '../../shared/log.port';
import { mapWithConcurrency } from '../../shared/map-with-concurrency';
import type { LaceworkApi } from '../lacework-api.port';

/** What a report needs of one policy, and whether it was found. `severity` is raw (lower case) as the API returns it. */
export const PolicyDetailsSchema = z.object({
  policyId: z.string(),
  title: z.string(),
  severity: z.string().optional(),
  enabled: z.boolean().optional(),
  policyType: z.string().optional(),
  description: z.string().optional(),
  remediation: z.string().optional(),
  /** `found`; `not-found` (404); `error` (the fetch failed: `error` says why; never cached). */
  outcome: z.enum(['found', 'not-found', 'error']),
  error: z.string().optional(),
});
export type PolicyDetails = z.infer<typeof PolicyDetailsSchema>;

const CacheEntrySchema = z.object({ cachedAt: z.string(), details: PolicyDetailsSchema });

/** Looks policies up through an S3 cache. */
export interface PolicyCatalog {
  /** One policy. Never throws for a Lacework failure: the result's `outcome` is `error` instead. */
  get(policyId: string): Promise<PolicyDetails>;
  /** Many policies, at most `concurrency` fetches at once, keyed by id. */
  getMany(policyIds: readonly string[], concurrency?: number): Promise<Map<string, PolicyDetails>>;
}

/** Ports and settings of {@link createPolicyCatalog}. */
export interface PolicyCatalogOptions {
  api: Pick<LaceworkApi, 'getPolicy'>;
  store: ObjectStore;
  clock: Clock;
  log?: Log;
  /** @default 24 - an entry older than a day is fetched again */
  ttlHours?: number;
  /** @default 'cache/lacework/policies/' */
  prefix?: string;
}

const toDetails = (policyId: string, policy: Awaited<ReturnType<LaceworkApi['getPolicy']>>): PolicyDetails =>
  policy === undefined
    ? { policyId, title: 'Not Found', outcome: 'not-found' }
    : {
        policyId,
        title: policy.title ?? '',
        severity: policy.severity,
        enabled: policy.enabled,
        policyType: policy.policyType,
        description: policy.description,
        remediation: policy.remediation,
        outcome: 'found',
      };

/**
 * Policy details with an S3 cache, replacing the legacy `cache/policy-details/` folder.
 *
 * 1. Within one catalog, each id is looked up once (concurrent callers share the lookup, errors included).
 * 2. Read `<prefix><encoded id>.json`; an entry younger than `ttlHours` is used. A corrupt or unreadable entry is
 *    ignored (logged) and the policy is fetched again.
 * 3. Otherwise `GET /Policies/{id}`: found and not-found are cached with `cachedAt`; a **failed fetch is not cached**
 *    (the legacy tool cached failures forever), so the next run asks again. Cache write failures are logged only.
 *
 * @example const catalog = createPolicyCatalog({ api, store, clock }); const policy = await catalog.get('lacework-global-34');
 */
export const createPolicyCatalog = (options: PolicyCatalogOptions): PolicyCatalog => {
  const { api, store, clock, log = silentLog, ttlHours = 24, prefix = 'cache/lacework/policies/' } = options;
  const ttlMs = ttlHours * 3_600_000;
  const inFlight = new Map<string, Promise<PolicyDetails>>();
  const keyOf = (policyId: string) => `${prefix}${encodeURIComponent(policyId)}.json`;

  const readCache = async (policyId: string): Promise<PolicyDetails | undefined> => {
    const key = keyOf(policyId);
    try {
      const text = await store.getText(key);
      if (text === undefined) return undefined;
      const entry = CacheEntrySchema.safeParse(JSON.parse(text));
      if (!entry.success || entry.data.details.policyId !== policyId || entry.data.details.outcome === 'error') {
        log.warn('ignoring a corrupt lacework policy cache entry', { key });
        return undefined;
      }
      const age = clock.now().getTime() - Date.parse(entry.data.cachedAt);
      return Number.isFinite(age) && age >= 0 && age < ttlMs ? entry.data.details : undefined;
    } catch (error) {
      log.warn('ignoring an unreadable lacework policy cache entry', { key, error: describeError(error) });
      return undefined;
    }
  };

  const writeCache = async (details: PolicyDetails): Promise<void> => {
    const body = JSON.stringify({ cachedAt: clock.now().toISOString(), details });
    try {
      await store.put(keyOf(details.policyId), body, 'application/json');
    } catch (error) {
      log.warn('could not cache lacework policy details', { policyId: details.policyId, error: describeError(error) });
    }
  };

  const lookUp = async (policyId: string): Promise<PolicyDetails> => {
    const cached = await readCache(policyId);
    if (cached) return cached;
    let details: PolicyDetails;
    try {
      details = toDetails(policyId, await api.getPolicy(policyId));
    } catch (error) {
      log.warn('lacework policy fetch failed', { policyId, error: describeError(error) });
      return { policyId, title: 'Error', outcome: 'error', error: describeError(error) };
    }
    await writeCache(details);
    return details;
  };

  const get = (policyId: string): Promise<PolicyDetails> => {
    let pending = inFlight.get(policyId);
    if (!pending) {
      pending = lookUp(policyId);
      inFlight.set(policyId, pending);
    }
    return pending;
  };

  const getMany = async (policyIds: readonly string[], concurrency = 4): Promise<Map<string, PolicyDetails>> => {
    const unique = [...new Set(policyIds)];
    const results = await mapWithConcurrency(unique, concurrency, (id) => get(id));
    return new Map(results.map((details) => [details.policyId, details]));
  };

  return { get, getMany };
};
