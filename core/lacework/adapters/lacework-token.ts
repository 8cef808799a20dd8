import type { LaceworkApiKey } from '../../domain/lacework.schema';
import type { Clock } from '../../platform/clock.port';
import type { HttpTransport } from '../../platform/http/http-transport';
import type { Redactor } from '../../platform/http/redact';
import { ConfigError, ExternalServiceError } from '../../shared/errors';
import { TokenResponseSchema } from './lacework-envelopes';
import { LACEWORK_SERVICE } from './lacework-http-rules';

/** A token is renewed this long before its `expiresAt`, so that a call never starts with a token about to lapse. */
export const TOKEN_RENEW_MARGIN_MS = 60_000;
/** The lifetime we ask for, in seconds (both SDKs ask for 3600). */
export const TOKEN_EXPIRY_SECONDS = 3600;

interface CachedToken {
  token: string;
  expiresAtMs: number;
}

/** Builds the ConfigError for a refused key: names the account and where the key came from, never the key. */
export const refusedKeyError = (account: string, status: number, keySource: string): ConfigError =>
  new ConfigError(
    `lacework refused the API key for account ${account} (HTTP ${status}); check keyId/secret in ${keySource}`,
  );

/**
 * Access tokens from `POST /api/v2/access/tokens` (`X-LW-UAKS: <secret>`, body `{keyId, expiryTime}`): one token shared
 * by every call until shortly before its `expiresAt`, then renewed; concurrent callers share one request. A refused key
 * (401/403) is a ConfigError.
 */
export class LaceworkTokenProvider {
  private cached: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;

  constructor(
    private readonly deps: {
      key: LaceworkApiKey;
      account: string;
      keySource: string;
      transport: HttpTransport;
      /** `{base URL}/api/v2/access/tokens`. */
      tokenUrl: string;
      /** Gets every token issued: the adapter redacts them from error texts. */
      redactor: Redactor;
      clock: Clock;
    },
  ) {}

  /** A valid token, from the cache when it is not about to expire. `fresh` tells whether it was just issued. */
  async get(): Promise<{ token: string; fresh: boolean }> {
    const cached = this.cached;
    if (cached !== undefined && this.deps.clock.now().getTime() < cached.expiresAtMs - TOKEN_RENEW_MARGIN_MS) {
      return { token: cached.token, fresh: false };
    }
    return { token: (await this.renew()).token, fresh: true };
  }

  /** Forgets `token` (the API refused it), so that the next {@link get} issues a new one. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private renew(): Promise<CachedToken> {
    this.pending ??= this.request().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async request(): Promise<CachedToken> {
    const { key, account, keySource, transport, tokenUrl, redactor, clock } = this.deps;
    const response = await transport.send('POST /api/v2/access/tokens', tokenUrl, {
      method: 'POST',
      headers: {
        'X-LW-UAKS': key.secret,
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(key.subAccount ? { 'Account-Name': key.subAccount } : {}),
      },
      body: JSON.stringify({ keyId: key.keyId, expiryTime: TOKEN_EXPIRY_SECONDS }),
    });
    if (response.status === 401 || response.status === 403) throw refusedKeyError(account, response.status, keySource);
    if (response.status < 200 || response.status > 299) {
      throw new ExternalServiceError(
        `lacework POST /api/v2/access/tokens failed: HTTP ${response.status} ${response.message}; check the account name ${account}`,
        { service: LACEWORK_SERVICE, retryable: false },
      );
    }
    // Parsed without parseWith: a failure must not carry the body (it holds the token) as a cause.
    const parsed = TokenResponseSchema.safeParse(response.body);
    const expiresAtMs = parsed.success ? Date.parse(parsed.data.expiresAt) : Number.NaN;
    if (!parsed.success || Number.isNaN(expiresAtMs)) {
      throw new ExternalServiceError(
        'lacework POST /api/v2/access/tokens answered without a token and an ISO expiresAt; check the account URL',
        { service: LACEWORK_SERVICE, retryable: false },
      );
    }
    const token = { token: parsed.data.token, expiresAtMs };
    redactor.add(token.token);
    this.cached = token;
    // The clock is injectable; a token that is already stale by it would be renewed on every call.
    if (expiresAtMs - TOKEN_RENEW_MARGIN_MS <= clock.now().getTime()) this.cached = undefined;
    return token;
  }
}
