import type { LaceworkFrameworkResult, ScanError } from '../../domain/partial.schema';
import { describeError } from '../../shared/describe-error';
import type { Log } from '../../shared/log.port';
import { silentLog } from '../../shared/log.port';
import type { LaceworkApi } from '../lacework-api.port';

/**
 * **Scan account**, Lacework part: each configured framework's compliance report for one account.
 *
 * 1. Frameworks are taken once each, in the order given (a name listed twice would be counted twice by the merger).
 * 2. `GET /Reports` per framework, one after another (a handful of frameworks; Lacework rate-limits hard).
 * 3. No report → `no-report` (the merger leaves the account out, as the legacy tool did). A report → `ok`, keeping only
 *    `REC_ID`, `STATUS`, `ASSESSED_RESOURCE_COUNT` and `RESOURCE_COUNT` (raw: the merger converts counts;
 *    a missing count is written as `null`, which the merger reports as a bad count).
 * 4. **Every** failure is recorded as `error` with `<ErrorName>: <message>` and never rethrown, throttling and retryable
 *    5xx included: the adapter has already waited and retried, and a Step Functions Retry of the whole task would
 *    re-scan AWS Config too. Lacework must never fail the account's AWS Config scan.
 *
 * @example const lacework = { frameworks: await scanLaceworkFrameworks('111111111111', ['CIS 1.4'], api) };
 */
export const scanLaceworkFrameworks = async (
  accountId: string,
  frameworks: readonly string[],
  api: Pick<LaceworkApi, 'getComplianceReport'>,
  log: Log = silentLog,
): Promise<LaceworkFrameworkResult[]> => {
  const results: LaceworkFrameworkResult[] = [];
  for (const reportName of new Set(frameworks)) {
    try {
      const report = await api.getComplianceReport(accountId, reportName);
      results.push(
        report === undefined
          ? { reportName, status: 'no-report', recommendations: [] }
          : {
              reportName,
              status: 'ok',
              recommendations: report.recommendations.map((r) => ({
                REC_ID: r.REC_ID,
                STATUS: r.STATUS,
                // A missing count becomes null: the partial must still parse (zod requires the key).
                ASSESSED_RESOURCE_COUNT: r.ASSESSED_RESOURCE_COUNT ?? null,
                RESOURCE_COUNT: r.RESOURCE_COUNT ?? null,
              })),
            },
      );
    } catch (error) {
      log.warn('lacework compliance report failed; recording it', {
        accountId,
        reportName,
        error: describeError(error),
      });
      results.push({ reportName, status: 'error', error: describeError(error), recommendations: [] });
    }
  }
  return results;
};

/**
 * The partial's `errors` entries (phase `lacework`) for the frameworks that failed, so that the account shows the
 * Lacework failure in Failed accounts / the summary. Code = the error name.
 */
export const laceworkScanErrors = (results: readonly LaceworkFrameworkResult[]): ScanError[] =>
  results
    .filter((r) => r.status === 'error')
    .map((r) => {
      const message = r.error ?? 'unknown error';
      const colon = message.indexOf(': ');
      return {
        phase: 'lacework',
        code: colon > 0 ? message.slice(0, colon) : 'LaceworkError',
        message: `lacework framework "${r.reportName}": ${message}`,
      };
    });
