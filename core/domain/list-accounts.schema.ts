import { z } from 'zod';

/**
 * Output of **List accounts**: where accounts.json is and how many accounts it lists. No ids: the Distributed Map
 * reads them from the file (ItemReader), so the state stays the same size for 20 or 20,000 accounts.
 */
export const AccountListSchema = z.object({
  bucket: z.string(),
  key: z.string(),
  count: z.number().int().positive(),
});
export type AccountList = z.infer<typeof AccountListSchema>;
