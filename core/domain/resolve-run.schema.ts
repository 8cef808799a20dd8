import { z } from 'zod';
import { AccountIdSchema, IsoDateSchema, RegionSchema } from './execution-input.schema';

/** Payload of **Resolve run**: the raw execution input (validated by the service) and the context values it needs. */
export const ResolveRunRequestSchema = z.object({
  input: z.unknown(),
  /** `$$.Execution.Name`: becomes the run id. */
  executionName: z.string().min(1),
  /** `$$.Execution.StartTime` (ISO 8601): the reference time when the input has no `scheduledTime`. */
  executionStartTime: z.string().optional(),
});
export type ResolveRunRequest = z.infer<typeof ResolveRunRequestSchema>;

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
