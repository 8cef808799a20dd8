import type { ReportLinks } from '../../domain/build-reports.schema';
import { type LinkSigner, MAX_LINK_EXPIRY_SECONDS } from '../../platform/storage/link-signer.port';
import type { Log } from '../../shared/log.port';

/** Links last as long as S3 allows unless configured shorter: a weekly report is read all week. */
export const DEFAULT_LINK_EXPIRY_SECONDS = MAX_LINK_EXPIRY_SECONDS;

/**
 * The expiry to sign with: the configured value clamped to 1 s – 7 days (SigV4's limit); a clamped value is logged
 * as a warning rather than failing a finished report.
 */
export const linkExpirySeconds = (configured: number | undefined, log: Log): number => {
  const wanted = configured ?? DEFAULT_LINK_EXPIRY_SECONDS;
  const clamped = Math.min(MAX_LINK_EXPIRY_SECONDS, Math.max(1, Math.floor(Number.isFinite(wanted) ? wanted : 0)));
  if (clamped !== wanted) {
    log.warn('link expiry out of range; clamped', { configured: wanted, used: clamped, max: MAX_LINK_EXPIRY_SECONDS });
  }
  return clamped;
};

/** Presigns the workbook and summary.html; `expiresAt` is `now` plus the expiry. */
export const signReportLinks = async (
  signer: LinkSigner,
  keys: { workbook: string; summaryHtml: string },
  expiresInSeconds: number,
  now: Date,
): Promise<ReportLinks> => ({
  workbook: await signer.presign(keys.workbook, expiresInSeconds),
  summaryHtml: await signer.presign(keys.summaryHtml, expiresInSeconds),
  expiresAt: new Date(now.getTime() + expiresInSeconds * 1000).toISOString(),
});
