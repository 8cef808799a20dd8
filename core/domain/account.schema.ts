import { z } from 'zod';
import { AccountIdSchema } from './execution-input.schema';

/** A member account as the report needs it (from Organizations `Account`). */
export const AccountSchema = z.object({
  id: AccountIdSchema,
  name: z.string(),
  email: z.string().optional(),
  state: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

/** `runs/<runId>/accounts.json`: the accounts to scan, written by **List accounts**, read by **Build reports**. */
export const AccountsFileSchema = z.object({
  schemaVersion: z.literal(1),
  runId: z.string(),
  listedAt: z.string(),
  accounts: z.array(AccountSchema),
});
export type AccountsFile = z.infer<typeof AccountsFileSchema>;
