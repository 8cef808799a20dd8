import type { OrganizationAccount } from '../scenario.schema';
import type { Prng } from './prng';

const FOUNDATION = ['management', 'log-archive', 'security-audit', 'shared-network', 'shared-services'];
const ENVIRONMENTS = ['prod', 'staging', 'dev', 'test', 'sandbox', 'qa', 'perf', 'shared'];
const TEAMS = [
  'payments',
  'identity',
  'data',
  'analytics',
  'web',
  'mobile',
  'platform',
  'search',
  'billing',
  'catalog',
  'checkout',
  'ml',
  'network',
  'logging',
  'observability',
  'crm',
  'fraud',
  'ledger',
  'notifications',
  'partners',
  'media',
  'pricing',
  'risk',
  'support',
];
const JOINED_FROM = Date.UTC(2019, 0, 1) / 1000;
const JOINED_TO = Date.UTC(2026, 9, 1) / 1000;

/** Unique, realistic account names: the landing-zone accounts first, then `<env>-<team>` (then numbered). */
export const accountNames = (count: number, prng: Prng): string[] => {
  const names: string[] = FOUNDATION.slice(0, count);
  const combos = ENVIRONMENTS.flatMap((env) => TEAMS.map((team) => `${env}-${team}`)).filter(
    (name) => !names.includes(name),
  );
  for (let i = combos.length - 1; i > 0; i -= 1) {
    const j = prng.int(0, i);
    [combos[i], combos[j]] = [combos[j] as string, combos[i] as string];
  }
  for (let i = 0; names.length < count; i += 1) {
    const base = combos[i % combos.length] as string;
    const round = Math.floor(i / combos.length);
    names.push(round === 0 ? base : `${base}-${round + 1}`);
  }
  return names;
};

/** Unique 12-digit account ids (no leading zero). */
export const accountIds = (count: number, prng: Prng): string[] => {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(`${prng.int(100_000, 999_999)}${String(prng.int(0, 999_999)).padStart(6, '0')}`);
  return [...ids];
};

/** Organizations `Account` records as ListAccounts returns them (the first is the management account). */
export const organizationAccounts = (count: number, suspendedRate: number, prng: Prng): OrganizationAccount[] => {
  const orgId = `o-${prng.lowerAlnum(10)}`;
  const ids = accountIds(count, prng);
  const names = accountNames(count, prng);
  const management = ids[0] ?? '000000000000';
  return ids.map((id, i) => {
    const suspended = i > 0 && prng.chance(suspendedRate);
    const state = suspended ? 'SUSPENDED' : 'ACTIVE';
    const name = names[i] as string;
    return {
      Id: id,
      Arn: `arn:aws:organizations::${management}:account/${orgId}/${id}`,
      Email: `aws+${name}@example.com`,
      Name: name,
      Status: state,
      State: state,
      JoinedMethod: i === 0 || prng.chance(0.8) ? 'CREATED' : 'INVITED',
      // The management account created the organization, so it joined first.
      JoinedTimestamp: new Date((i === 0 ? JOINED_FROM : prng.int(JOINED_FROM + 86_400, JOINED_TO)) * 1000)
        .toISOString()
        .replace('.000Z', 'Z'),
    };
  });
};
