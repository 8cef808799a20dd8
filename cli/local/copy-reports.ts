import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ObjectStore } from '../../core/ports/object-store.port';

/** Copies every object under `prefix` into `dir` (flat, by file name) and returns the written paths. */
export const copyReports = async (store: ObjectStore, prefix: string, dir: string): Promise<string[]> => {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for await (const key of store.list(prefix)) {
    const chunks: Buffer[] = [];
    for await (const chunk of await store.getStream(key)) chunks.push(Buffer.from(chunk));
    const path = join(dir, basename(key));
    await writeFile(path, Buffer.concat(chunks));
    written.push(path);
  }
  return written;
};
