import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ObjectStore } from '../../core/platform/storage/object-store.port';

/** Matches the Lacework alerts CSV (`lacework_alerts_<start>_to_<end>[_<framework>].csv`). */
const ALERTS_CSV = /^lacework_alerts_.*\.csv$/;

/**
 * Copies every object under `prefix` into `dir` (flat, by file name) and returns the written paths.
 * `renameAlertsCsv` gives the alerts CSV another name (the legacy tool's `--output-file`).
 */
export const copyReports = async (
  store: ObjectStore,
  prefix: string,
  dir: string,
  options: { renameAlertsCsv?: string } = {},
): Promise<string[]> => {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for await (const key of store.list(prefix)) {
    const chunks: Buffer[] = [];
    for await (const chunk of await store.getStream(key)) chunks.push(Buffer.from(chunk));
    const name = basename(key);
    const path = join(dir, options.renameAlertsCsv && ALERTS_CSV.test(name) ? options.renameAlertsCsv : name);
    await writeFile(path, Buffer.concat(chunks));
    written.push(path);
  }
  return written;
};

/**
 * Puts every `*.json` file of `dir` under `prefix` in the store (missing directory: nothing). A local run uses it to
 * bring the history of earlier local runs (kept in `<output>/history/`) into the fresh sandbox bucket, so a second
 * `npm start` shows the trend, New and Resolved as a deployed system would.
 */
export const seedObjects = async (store: ObjectStore, dir: string, prefix: string): Promise<number> => {
  const names = await readdir(dir).catch(() => [] as string[]);
  const json = names.filter((name) => name.endsWith('.json'));
  for (const name of json) await store.put(`${prefix}${name}`, await readFile(join(dir, name)), 'application/json');
  return json.length;
};
