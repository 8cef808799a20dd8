import { z } from 'zod';
import { AccountIdSchema, IsoDateSchema, RegionSchema } from './execution-input.schema';

/**
 * The resolved run, output of **Resolve run** and input of every later state. Small and stable: it travels in the
 * state payload of the parent and of every child execution.
 */
export const ResolvedRunSchema = z.object({
  runId: z.string().min(1).max(80),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema,
  timeZone: z.string().min(1),
  regions: z.array(RegionSchema).min(1),
  frameworks: z.array(z.string()),
  /** Only these accounts (from the input); empty means the whole organization minus excludes. */
  includeAccounts: z.array(AccountIdSchema),
  excludeAccounts: z.array(AccountIdSchema),
  notify: z.boolean(),
});
export type ResolvedRun = z.infer<typeof ResolvedRunSchema>;

/** Output of **List accounts**: compact ids inline for the Distributed Map (5,000 ids ≈ 75 KiB), details in S3. */
export const AccountListSchema = z.object({
  bucket: z.string(),
  key: z.string(),
  count: z.number().int().positive(),
  ids: z.array(AccountIdSchema),
});
export type AccountList = z.infer<typeof AccountListSchema>;
