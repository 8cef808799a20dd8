import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountsFileSchema } from '../domain/account.schema';
import { keys } from '../domain/keys';
import { NotFoundError, ValidationError } from '../errors';
import type { Log } from '../log';
import type { Clock } from '../ports/clock.port';
import type { ObjectStore } from '../ports/object-store.port';
import { accountOutcomes } from '../reports/account-outcomes';
import { ReportAggregator } from '../reports/aggregation';
import { writeNonCompliantCsv } from '../reports/csv-writer';
import { readScanSummaries } from '../reports/map-results';
import { buildReportSummary } from '../reports/report-summary.schema';
import { RowSpool } from '../reports/row-spool';
import { writeComplianceWorkbook } from '../reports/workbook/workbook-writer';
import { parseWith } from '../validation';
import {
  type BuildReportsInput,
  type BuildReportsOutput,
  MAX_ERROR_CHARS_IN_OUTPUT,
  MAX_FAILED_ACCOUNTS_IN_OUTPUT,
} from './build-reports.schema';

export {
  type BuildReportsInput,
  BuildReportsInputSchema,
  type BuildReportsOutput,
  BuildReportsOutputSchema,
} from './build-reports.schema';

/** The ports **Build reports** uses; `tmpDir` is where the workbook and CSV are built (default: the OS temp dir). */
export interface BuildReportsDeps {
  store: ObjectStore;
  clock: Clock;
  log: Log;
  tmpDir?: string;
}

const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
} as const;

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
 * 1. read accounts.json (names) and the Scan accounts output (inline summaries or the Map Run's result files);
 * 2. for each account in id order, read its partial (one at a time), fold it into small aggregates and append its
 *    sorted non-compliant rows to a temp spool file; an account without a usable partial goes to Failed accounts;
 * 3. write the CSV and the workbook (Summary → Config rules → Non-compliant resources → Failed accounts) from the
 *    aggregates and the spool, then summary.json, all under `reports/<endDate>/<runId>/`;
 * 4. return the keys, the totals and the first failed accounts. Temp files are removed whatever happens.
 *
 * The ObjectStore port takes a whole body, so each finished file is read into memory once for the upload.
 */
export const buildReports = async (input: BuildReportsInput, deps: BuildReportsDeps): Promise<BuildReportsOutput> => {
  const { run } = input;
  const { store, log } = deps;
  const generatedAt = deps.clock.now();
  const accountsFile = await readAccountsFile(store, input.accounts.key);
  if (accountsFile.runId !== run.runId) {
    log.warn('accounts file belongs to another run', { key: input.accounts.key, fileRunId: accountsFile.runId });
  }
  const summaries = await readScanSummaries(input.scan, store, log);

  const prefix = keys.reportPrefix(run.endDate, run.runId);
  const range = `${run.startDate}_to_${run.endDate}`;
  const reportKeys = {
    workbook: `${prefix}compliance-report_${range}.xlsx`,
    csv: `${prefix}config-noncompliant-resources_${range}.csv`,
    summaryJson: `${prefix}summary.json`,
  };

  const workDir = await mkdtemp(join(deps.tmpDir ?? tmpdir(), 'build-reports-'));
  try {
    const spool = new RowSpool(join(workDir, 'rows.ndjson'));
    const aggregator = new ReportAggregator();
    try {
      const outcomes = accountOutcomes({
        runId: run.runId,
        accounts: accountsFile.accounts,
        ids: input.accounts.ids,
        summaries,
        store,
        log,
      });
      for await (const outcome of outcomes) {
        if (outcome.kind === 'scanned') await spool.append(aggregator.addScanned(outcome.account, outcome.partial));
        else aggregator.addFailed(outcome.failure);
      }
    } finally {
      await spool.close();
    }
    const result = aggregator.result();

    const csvPath = join(workDir, 'noncompliant.csv');
    await writeNonCompliantCsv(spool.rows(), csvPath);
    await store.put(reportKeys.csv, await readFile(csvPath), CONTENT_TYPES.csv);

    const workbookPath = join(workDir, 'report.xlsx');
    await writeComplianceWorkbook({ run, generatedAt, result, rows: spool.rows() }, workbookPath);
    await store.put(reportKeys.workbook, await readFile(workbookPath), CONTENT_TYPES.xlsx);

    const summary = buildReportSummary(run, generatedAt, result);
    await store.put(reportKeys.summaryJson, `${JSON.stringify(summary, null, 2)}\n`, CONTENT_TYPES.json);

    log.info('reports built', { prefix, ...result.totals, nonCompliantRows: result.rowCount });
    return {
      bucket: store.bucket,
      prefix,
      keys: reportKeys,
      totals: result.totals,
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
