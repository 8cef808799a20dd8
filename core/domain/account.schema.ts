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

/**
 * `runs/<runId>/accounts.json`: the accounts to scan, sorted by id, written by **List accounts**, read item by item by
 * the Distributed Map's ItemReader (a top-level JSON array is what `InputType: JSON` reads) and by **Build reports**.
 */
export const AccountsFileSchema = z.array(AccountSchema);
export type AccountsFile = z.infer<typeof AccountsFileSchema>;
