import { z } from 'zod';
import { AccountIdSchema } from './execution-input.schema';

/** Output of **List accounts**: compact ids inline for the Distributed Map (5,000 ids ≈ 75 KiB), details in S3. */
export const AccountListSchema = z.object({
  bucket: z.string(),
  key: z.string(),
  count: z.number().int().positive(),
  ids: z.array(AccountIdSchema),
});
export type AccountList = z.infer<typeof AccountListSchema>;
