import { randomBytes } from 'node:crypto';
import type { LaceworkApiKey } from '../../core/domain/lacework.schema';

/** Issues and checks the sandbox's access tokens (`_` + 56 hex digits, like Lacework's). */
export class LaceworkTokenRegistry {
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly key: LaceworkApiKey,
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  /** A new token when `keyId` and the `X-LW-UAKS` secret match the key; the lifetime is capped by the TTL. */
  issue(keyId: unknown, secret: unknown, expiryTime: number): { token: string; expiresAt: string } | undefined {
    if (keyId !== this.key.keyId || secret !== this.key.secret) return undefined;
    const token = `_${randomBytes(28).toString('hex')}`;
    const expiresAtMs = this.now() + Math.min(expiryTime, this.ttlSeconds) * 1000;
    this.tokens.set(token, expiresAtMs);
    return { token, expiresAt: new Date(expiresAtMs).toISOString() };
  }

  /** True for `Bearer <token>` or a raw `<token>` (the Go SDK's form) that was issued and has not expired. */
  accepts(authorization: string | undefined): boolean {
    const token = authorization?.replace(/^Bearer\s+/i, '').trim() ?? '';
    const expiresAtMs = this.tokens.get(token);
    return expiresAtMs !== undefined && this.now() < expiresAtMs;
  }
}
