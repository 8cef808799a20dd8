import type { LinkSigner } from '../../../core/platform/storage/link-signer.port';

/** A LinkSigner that returns `https://signed.example/<key>?expires=<s>` and records each call. */
export class FakeLinkSigner implements LinkSigner {
  readonly calls: { key: string; expiresInSeconds: number }[] = [];

  async presign(key: string, expiresInSeconds: number): Promise<string> {
    this.calls.push({ key, expiresInSeconds });
    return `https://signed.example/${key}?expires=${expiresInSeconds}`;
  }
}
