/** What a secret is replaced with. */
export const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of every secret in `text` with `[redacted]`; empty secrets are ignored. Longer secrets
 * go first, so a secret that contains another one is still replaced whole.
 */
export const redact = (text: string, secrets: Iterable<string>): string =>
  [...secrets]
    .filter((secret) => secret.length > 0)
    .sort((a, b) => b.length - a.length)
    .reduce((acc, secret) => acc.split(secret).join(REDACTED), text);

/**
 * The secrets of one client (an API secret, tokens as they are issued, a webhook URL, an Authorization value), to be
 * removed from any remote text before it goes into an error or a log line. The client registers each secret when it
 * learns it.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Registers `secret` (ignored when empty). */
  add(secret: string): this {
    if (secret.length > 0) this.secrets.add(secret);
    return this;
  }

  /** `text` with every registered secret replaced by `[redacted]`. */
  apply(text: string): string {
    return redact(text, this.secrets);
  }
}

/**
 * `text` made safe to quote: secrets replaced first, then cut to `maxChars`. The order matters: cutting first could
 * split a secret, and the half left in the text would no longer match it.
 */
export const safeExcerpt = (text: string, redactor: Redactor, maxChars: number): string =>
  redactor.apply(text).slice(0, maxChars);
