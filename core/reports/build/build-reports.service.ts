import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountsFileSchema } from '../../domain/account.schema';
import {
  type BuildReportsInput,
  type BuildReportsOutput,
  MAX_ERROR_CHARS_IN_OUTPUT,
  MAX_FAILED_ACCOUNTS_IN_OUTPUT,
} from '../../domain/build-reports.schema';
import { keys } from '../../domain/keys';
import type { LaceworkCollectorFactory } from '../../domain/lacework-collector.port';
import { laceworkCsvFiles } from '../../lacework';
import type { Clock } from '../../platform/clock.port';
import type { LinkSigner } from '../../platform/storage/link-signer.port';
import type { ObjectStore } from '../../platform/storage/object-store.port';
import { AllAccountsFailedError, NotFoundError, ValidationError } from '../../shared/errors';
import type { Log } from '../../shared/log.port';
import { parseWith } from '../../shared/validation';
import { NonCompliantCsvWriter } from '../csv-writer';
import { compareRuns } from '../history/comparison';
import { trendPointOf } from '../history/history.schema';
import { buildHistoryEntry } from '../history/history-entry';
import { readEarlierRuns } from '../history/history-reader';
import { RowSpool } from '../row-spool';
import { writeComplianceWorkbook } from '../workbook/workbook-writer';
import { collectRun } from './collect-partials';
import { CONTENT_TYPES, reportFileNames, summaryHtmlOf } from './report-files';
import { linkExpirySeconds, signReportLinks } from './report-links';
import { buildReportSummary } from './report-summary';
import { readScanSummaries } from './scan-summaries';

export {
  type BuildReportsInput,
  BuildReportsInputSchema,
  type BuildReportsOutput,
  BuildReportsOutputSchema,
} from '../../domain/build-reports.schema';

/** The ports **Build reports** uses. */
export interface BuildReportsDeps {
  store: ObjectStore;
  clock: Clock;
  log: Log;
  /** Where the workbook and CSV are built. @default - the OS temp dir */
  tmpDir?: string;
  /** Signs the output's links to the workbook and summary.html. @default - no links in the output */
  linkSigner?: LinkSigner;
  /** Link lifetime in seconds, clamped to 1 s – 7 days with a warning. @default - 7 days (604,800 s) */
  linkExpirySeconds?: number;
  /** The Lacework producer, one collector per run. @default - the Lacework tabs say "not configured" */
  laceworkReports?: LaceworkCollectorFactory;
}

const readAccountsFile = async (store: ObjectStore, key: string) => {
  const text = await store.getText(key);
  if (text === undefined) throw new NotFoundError(`accounts file not found: ${key}; rerun List accounts for this run`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`invalid accounts file ${key}: not JSON`, { cause: error });
  }
  return parseWith(AccountsFileSchema, json, `accounts file ${key}`);
};

/**
 * **Build reports** (the merger). Primary course:
 * 1. read accounts.json (names), the Scan accounts output, and the earlier runs from `history/` (the previous run's
 *    non-compliant keys, up to 11 trend points; bad entries are skipped with a warning);
 * 2. one pass over the partials in account id order (one in memory at a time): aggregates, New flags against the
 *    previous run, the account's trace file joined to its rows (Changed by, Origin, Via, Changed at; a missing file is
 *    "not traced", an unusable one a warning and an error line), rows spooled to a temp file, partials handed to the
 *    Lacework collector; unusable → Failed accounts;
 * 3. write the CSV, the workbook (Summary … Trend, see SHEET_NAMES; Change context after Resolved), summary.json
 *    (`changeContext` totals) and summary.html (an Investigation per traced resource) under
 *    `reports/<endDate>/<runId>/`, then `history/<endDate>.json` (a rerun replaces it; a run limited to some
 *    accounts writes none, so it cannot replace the organization's week);
 * 4. write the Lacework CSVs when the run has Lacework reports;
 * 5. sign links when a signer is configured and return the keys, totals, changes and first failed accounts; when every
 *    account failed, throw AllAccountsFailed after writing the reports (a run that scanned nothing is a failure).
 * Temp files are removed whatever happens. The ObjectStore port takes a whole body, so each finished file is read
 * into memory once for the upload.
 */
export const buildReports = async (input: BuildReportsInput, deps: BuildReportsDeps): Promise<BuildReportsOutput> => {
  const { run } = input;
  const { store, log } = deps;
  const generatedAt = deps.clock.now();
  const accounts = await readAccountsFile(store, input.accounts.key);
  const summaries = await readScanSummaries(input.scan, store, log);
  const earlier = await readEarlierRuns(store, run, log);
  const prefix = keys.reportPrefix(run.endDate, run.runId);
  const names = reportFileNames(run);
  const reportKeys = {
    workbook: prefix + names.workbook,
    csv: prefix + names.csv,
    summaryJson: prefix + names.summaryJson,
    summaryHtml: prefix + names.summaryHtml,
    history: keys.history(run.endDate),
  };

  const workDir = await mkdtemp(join(deps.tmpDir ?? tmpdir(), 'build-reports-'));
  try {
    const spool = new RowSpool(join(workDir, 'rows.ndjson'));
    const csvPath = join(workDir, 'noncompliant.csv');
    const csv = new NonCompliantCsvWriter(csvPath);
    const { result, tracker, lacework, changeContext } = await collectRun({
      run,
      accounts,
      summaries,
      previous: earlier.previous,
      store,
      log,
      spool,
      csv,
      lacework: deps.laceworkReports,
    });
    const comparison = compareRuns(result, tracker);
    const history = buildHistoryEntry(run, generatedAt, result, tracker);
    const trend = [...earlier.trend, trendPointOf(history)];
    const accountNames = new Map(accounts.map((a) => [a.id, a.name]));
    const nameOf = (id: string) => accountNames.get(id) ?? earlier.previous?.accounts.get(id)?.accountName ?? '';

    await store.put(reportKeys.csv, await readFile(csvPath), CONTENT_TYPES.csv);

    const workbookPath = join(workDir, 'report.xlsx');
    const resolved = tracker.resolved(nameOf);
    const rows = spool.rows();
    const content = { run, generatedAt, result, rows, comparison, resolved, trend, lacework, changeContext };
    await writeComplianceWorkbook(content, workbookPath);
    await store.put(reportKeys.workbook, await readFile(workbookPath), CONTENT_TYPES.xlsx);

    const laceworkFiles = laceworkCsvFiles(lacework);
    for (const file of laceworkFiles) await store.put(prefix + file.name, file.body, CONTENT_TYPES.csv);

    const summary = buildReportSummary(run, generatedAt, result, {
      comparison,
      lacework,
      changeContext: changeContext.totals,
    });
    await store.put(reportKeys.summaryJson, `${JSON.stringify(summary, null, 2)}\n`, CONTENT_TYPES.json);
    const html = summaryHtmlOf({
      run,
      generatedAt,
      result,
      comparison,
      trend,
      lacework,
      changeContext,
      names,
      extraFiles: laceworkFiles,
    });
    await store.put(reportKeys.summaryHtml, html, CONTENT_TYPES.html);
    // A run limited to some accounts is not the organization's week: it must not replace the week's history entry.
    const writesHistory = run.includeAccounts.length === 0;
    if (writesHistory) await store.put(reportKeys.history, JSON.stringify(history), CONTENT_TYPES.json);
    else
      log.warn('history not written: the run was limited to some accounts', { accounts: run.includeAccounts.length });

    const links = deps.linkSigner
      ? await signReportLinks(
          deps.linkSigner,
          reportKeys,
          linkExpirySeconds(deps.linkExpirySeconds, log),
          deps.clock.now(),
        )
      : undefined;
    log.info('reports built', { prefix, ...result.totals, nonCompliantRows: result.rowCount, ...comparison.counts });
    if (result.totals.accounts > 0 && result.totals.scanned === 0) {
      throw new AllAccountsFailedError(
        `every one of the ${result.totals.accounts} accounts failed; the reports under ${prefix} list why (Failed accounts), e.g. ${result.failed[0]?.error ?? 'unknown'}`,
      );
    }
    return {
      bucket: store.bucket,
      prefix,
      keys: {
        ...reportKeys,
        history: writesHistory ? reportKeys.history : undefined,
        ...(laceworkFiles.length > 0 ? { lacework: laceworkFiles.map((f) => prefix + f.name) } : {}),
      },
      totals: result.totals,
      changes: summary.changes ?? null,
      ...(links ? { links } : {}),
      failedAccounts: result.failed.slice(0, MAX_FAILED_ACCOUNTS_IN_OUTPUT).map((f) => ({
        ...f,
        error:
          f.error.length > MAX_ERROR_CHARS_IN_OUTPUT ? `${f.error.slice(0, MAX_ERROR_CHARS_IN_OUTPUT - 1)}…` : f.error,
      })),
      failedAccountCount: result.failed.length,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
};
