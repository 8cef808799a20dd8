import { Readable } from 'node:stream';
import type { ObjectStore } from '../../../core/platform/storage/object-store.port';
import { NotFoundError } from '../../../core/shared/errors';

/** An ObjectStore in a Map, for service tests. `objects` is public so tests can seed and inspect it. */
export class InMemoryObjectStore implements ObjectStore {
  readonly objects = new Map<string, { body: Buffer; contentType: string }>();
  constructor(readonly bucket = 'test-bucket') {}

  async put(key: string, body: string | Uint8Array, contentType: string): Promise<void> {
    this.objects.set(key, { body: Buffer.from(body), contentType });
  }

  async getText(key: string): Promise<string | undefined> {
    return this.objects.get(key)?.body.toString('utf8');
  }

  async getStream(key: string): Promise<Readable> {
    const object = this.objects.get(key);
    if (!object) throw new NotFoundError(`object not found: s3://${this.bucket}/${key}`);
    return Readable.from([object.body]);
  }

  async *list(prefix: string): AsyncIterable<string> {
    yield* [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
  }

  /** Test helper: the object's text, throwing when absent. */
  text(key: string): string {
    const object = this.objects.get(key);
    if (!object) throw new Error(`no object ${key}; have: ${[...this.objects.keys()].join(', ')}`);
    return object.body.toString('utf8');
  }
}
