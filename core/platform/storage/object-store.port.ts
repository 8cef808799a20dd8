import type { Readable } from 'node:stream';

/** The report bucket, in domain terms. Keys are relative to the bucket; adapters hide pagination. */
export interface ObjectStore {
  /** The bucket name, for state payloads and links. */
  readonly bucket: string;
  put(key: string, body: string | Uint8Array, contentType: string): Promise<void>;
  /** Returns the object's text, or `undefined` when the key does not exist. */
  getText(key: string): Promise<string | undefined>;
  /** Streams an existing object (throws NotFoundError when absent). */
  getStream(key: string): Promise<Readable>;
  /** Every key under `prefix`, in lexicographic order. */
  list(prefix: string): AsyncIterable<string>;
}
