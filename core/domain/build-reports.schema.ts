import { z } from 'zod';
import { AccountListSchema } from './list-accounts.schema';
import { MapOutputSchema } from './map-output.schema';
import { FailedAccountSchema, ReportTotalsSchema, SummaryChangesSchema } from './report-summary.schema';
import { ResolvedRunSchema } from './resolve-run.schema';

/**
 * Payload of **Build reports**: the resolved run, the List accounts output (accounts.json's key) and the Scan accounts
 * output, the Map Run's ResultWriter pointer (on AWS and locally alike).
 */
export const BuildReportsInputSchema = z.object({
  run: ResolvedRunSchema,
  accounts: AccountListSchema,
  scan: MapOutputSchema,
});
export type BuildReportsInput = z.infer<typeof BuildReportsInputSchema>;

/** How many failed accounts the output carries (the rest are in the reports): the payload limit is 256 KiB. */
export const MAX_FAILED_ACCOUNTS_IN_OUTPUT = 50;
/** Each failed account's error is cut to this many characters in the output (the reports keep it whole). */
export const MAX_ERROR_CHARS_IN_OUTPUT = 500;

/** Presigned HTTPS links for the Slack and Jira steps, and when they stop working. */
export const ReportLinksSchema = z.object({
  workbook: z.url(),
  summaryHtml: z.url(),
  expiresAt: z.iso.datetime(),
});
export type ReportLinks = z.infer<typeof ReportLinksSchema>;

/**
 * Output of **Build reports**: where the reports are, the totals, the changes since the previous run, the links
 * (when a signer is configured) and the first failed accounts. Small by design.
 */
export const BuildReportsOutputSchema = z.object({
  bucket: z.string(),
  prefix: z.string(),
  keys: z.object({
    workbook: z.string(),
    csv: z.string(),
    summaryJson: z.string(),
    summaryHtml: z.string(),
    /** `history/<endDate>.json`; absent when the run was limited to some accounts (it would not be the org's week). */
    history: z.string().optional(),
    /** The Lacework CSVs (framework compliance, alerts) when Lacework is configured. */
    lacework: z.array(z.string()).optional(),
  }),
  totals: ReportTotalsSchema,
  changes: SummaryChangesSchema,
  links: ReportLinksSchema.optional(),
  failedAccounts: z.array(FailedAccountSchema).max(MAX_FAILED_ACCOUNTS_IN_OUTPUT),
  failedAccountCount: z.number().int().nonnegative(),
});
export type BuildReportsOutput = z.infer<typeof BuildReportsOutputSchema>;
