/**
 * IAM policy documents as CloudTrail records carry them in `requestParameters`: a JSON string (sometimes URL-encoded,
 * with arbitrary whitespace such as tabs) or an object. Parsed as JSON, never substring-matched: the SigmaHQ CloudTrail
 * rules match substrings such as `"Effect": "Allow"`, which miss documents with other whitespace.
 */

/** One policy statement, loosely typed (fields may be strings or arrays). */
export interface PolicyStatement {
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  Principal?: unknown;
}

/** Parses a policy document given as an object, a JSON string or a URL-encoded JSON string; `undefined` if unreadable. */
export const parsePolicyDocument = (value: unknown): PolicyStatement[] | undefined => {
  const doc = typeof value === 'string' ? parseJsonText(value) : value;
  if (typeof doc !== 'object' || doc === null) return undefined;
  const statements = (doc as { Statement?: unknown }).Statement;
  if (Array.isArray(statements))
    return statements.filter((s): s is PolicyStatement => typeof s === 'object' && s !== null);
  return typeof statements === 'object' && statements !== null ? [statements as PolicyStatement] : undefined;
};

const parseJsonText = (text: string): unknown => {
  for (const candidate of [text, safeDecode(text)]) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next decoding
    }
  }
  return undefined;
};

const safeDecode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return undefined;
  }
};

const asList = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

const isAllow = (s: PolicyStatement): boolean => typeof s.Effect === 'string' && s.Effect.toLowerCase() === 'allow';

/**
 * What makes a document administrative: an Allow of `*`, `*:*` or `iam:*` (any case), or an Allow with `NotAction`.
 * Returns a short reason for the finding's detail, or `undefined` when the document is not broad.
 */
export const adminGrant = (statements: readonly PolicyStatement[] | undefined): string | undefined => {
  for (const statement of (statements ?? []).filter(isAllow)) {
    const actions = asList(statement.Action).map((a) => a.toLowerCase());
    if (actions.includes('*') || actions.includes('*:*')) return 'policy allows *';
    if (actions.includes('iam:*')) return 'policy allows iam:*';
    if (statement.NotAction !== undefined) return 'policy allows everything but NotAction';
  }
  return undefined;
};

/**
 * Whether a trust policy lets in anyone (`*`) or a principal of another account than `ownAccountId`.
 * Returns the reason, or `undefined` when the trust stays inside the account (or services only).
 */
export const openTrust = (
  statements: readonly PolicyStatement[] | undefined,
  ownAccountId: string | undefined,
): string | undefined => {
  for (const statement of (statements ?? []).filter(isAllow)) {
    const principal = statement.Principal;
    if (principal === '*') return 'trust policy allows any principal';
    if (typeof principal !== 'object' || principal === null) continue;
    for (const who of asList((principal as { AWS?: unknown }).AWS)) {
      if (who === '*') return 'trust policy allows any AWS principal';
      const account = /^\d{12}$/.test(who) ? who : who.split(':')[4];
      if (account !== undefined && account !== ownAccountId) return `trust policy allows account ${account}`;
    }
  }
  return undefined;
};
