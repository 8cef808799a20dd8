import { z } from 'zod';
import { AccountIdSchema } from './execution-input.schema';

/**
 * `ok`: every region answered; `partial`: some region or rule failed; `failed`: nothing usable (e.g. role not
 * assumable).
 */
export const ScanStatusSchema = z.enum(['ok', 'partial', 'failed']);
export type ScanStatus = z.infer<typeof ScanStatusSchema>;

export const ScanCountsSchema = z.object({
  regions: z.number().int().nonnegative(),
  configDisabledRegions: z.number().int().nonnegative(),
  rules: z.number().int().nonnegative(),
  compliant: z.number().int().nonnegative(),
  nonCompliant: z.number().int().nonnegative(),
});
export type ScanCounts = z.infer<typeof ScanCountsSchema>;

/**
 * What **Scan account** returns to the map (never the data: the 256 KiB payload limit). The item processor's
 * Catch produces the same shape with `status: failed` and the error name and cause.
 */
export const ScanSummarySchema = z.object({
  accountId: AccountIdSchema,
  status: ScanStatusSchema,
  counts: ScanCountsSchema.optional(),
  errors: z.array(z.string()),
  partialKey: z.string().optional(),
});
export type ScanSummary = z.infer<typeof ScanSummarySchema>;

/** Input of **Scan account**, built by the map's ItemSelector from the item and the run. */
export const ScanAccountInputSchema = z.object({
  accountId: AccountIdSchema,
  runId: z.string().min(1),
  regions: z.array(z.string()).min(1),
  /** Lacework frameworks (report names) to fetch for the account; empty or absent: none. */
  frameworks: z.array(z.string()).optional(),
});
export type ScanAccountInput = z.infer<typeof ScanAccountInputSchema>;
