import { spawnSync } from 'node:child_process';

/** Debian's python (with python3-openpyxl), not the pyenv python3 on PATH. */
export const PYTHON = '/usr/bin/python3';
/** Debian's Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

const INSTALL_HINT =
  'run `bash scripts/ensure-test-tools.sh` (as root: apt-get installs python3-openpyxl and chromium)';

/**
 * Throws, with the command to run, when the independent checkers are missing: the checks must fail loudly, never
 * skip silently.
 */
export const requireCheckTools = (): void => {
  const python = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' });
  if (python.status !== 0) {
    throw new Error(
      `openpyxl for ${PYTHON} is missing (${python.error?.message ?? python.stderr.trim()}); ${INSTALL_HINT}`,
    );
  }
  const chromium = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  if (chromium.status !== 0) {
    throw new Error(`${CHROMIUM} is missing (${chromium.error?.message ?? chromium.stderr.trim()}); ${INSTALL_HINT}`);
  }
};

/** One rule of the dump (see read_workbook.py). */
export interface DumpedRule {
  range: string;
  type: string;
  operator: string | null;
  formula: string[];
  priority: number;
  fill?: string | null;
  font?: string | null;
  colorScale?: { cfvo: { type: string; val: string | null }[]; colors: (string | null)[] };
}

/** One sheet of the dump. */
export interface DumpedSheet {
  name: string;
  headerRow: number;
  headers: string[];
  freezePanes: string | null;
  autoFilter: string | null;
  orientation: string | null;
  fitToWidth: number | null;
  fitToPage: boolean;
  widths: Record<string, number>;
  conditionalFormatting: DumpedRule[];
  dataRows: number;
  firstColumn: unknown[];
}

/** Reads a workbook with openpyxl through test/checks/read_workbook.py. */
export const readWorkbookWithOpenpyxl = (path: string): { sheets: DumpedSheet[] } => {
  const run = spawnSync(PYTHON, ['test/checks/read_workbook.py', path], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`read_workbook.py failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as { sheets: DumpedSheet[] };
};

/**
 * The flags every headless Chromium run here shares (no GPU, QUIC, sync or updates), with a fresh profile directory.
 */
const chromiumFlags = (profileDir: string): string[] => [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--user-data-dir=${profileDir}`,
];

/** What one headless Chromium run printed. */
export interface ChromiumRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs headless Chromium on a file URL with extra flags (e.g. `--screenshot=…`, `--dump-dom`), logging to stderr. */
export const runChromium = (profileDir: string, url: string, extra: string[]): ChromiumRun => {
  const run = spawnSync(CHROMIUM, [...chromiumFlags(profileDir), '--enable-logging=stderr', '--v=0', ...extra, url], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
};
