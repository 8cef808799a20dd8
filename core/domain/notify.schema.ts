import { z } from 'zod';
import { BuildReportsOutputSchema } from './build-reports.schema';
import { ResolvedRunSchema } from './resolve-run.schema';

/** The execution, from the context object (`$$.Execution.Id`, `$$.Execution.Name`). */
export const ExecutionRefSchema = z.object({
  /** The execution ARN. */
  id: z.string().min(1),
  name: z.string().min(1),
});

/**
 * Payload of **Post to Slack** and **Create Jira ticket**: the resolved run, the Build reports output and the
 * execution. `reports` is parsed loosely so fields a newer Build reports adds (links, changes) reach the notifier.
 */
export const NotifyTaskInputSchema = z.object({
  run: ResolvedRunSchema,
  reports: BuildReportsOutputSchema.loose(),
  execution: ExecutionRefSchema,
});
export type NotifyTaskInput = z.infer<typeof NotifyTaskInputSchema>;

/** Input of **Post to Slack**. */
export const PostToSlackInputSchema = NotifyTaskInputSchema;
export type PostToSlackInput = NotifyTaskInput;
/** Input of **Create Jira ticket**. */
export const CreateJiraTicketInputSchema = NotifyTaskInputSchema;
export type CreateJiraTicketInput = NotifyTaskInput;

/**
 * Output of the notify tasks, small by design: `posted` (done now), `skipped` (`notify: false`, or done by an
 * earlier attempt of the run), `not-configured` (no secret name in the environment).
 */
export const NotifyTaskOutputSchema = z.object({
  status: z.enum(['posted', 'skipped', 'not-configured']),
  reason: z.string().optional(),
  channel: z.string().optional(),
  ts: z.string().optional(),
  /** Jira: the ticket key and browse URL, and whether this call attached the workbook. */
  key: z.string().optional(),
  url: z.string().optional(),
  attached: z.boolean().optional(),
});
export type NotifyTaskOutput = z.infer<typeof NotifyTaskOutputSchema>;

/**
 * Input of **Notify failure**, from the top-level Catch (`ResultPath: $.error` gives `{Error, Cause}`). `run` is
 * absent when Resolve run itself failed; `failedState` when the chain cannot tell.
 */
export const NotifyFailureInputSchema = z.object({
  run: ResolvedRunSchema.optional(),
  error: z.object({
    Error: z.string(),
    Cause: z
      .string()
      .nullish()
      .transform((cause) => cause ?? ''),
  }),
  execution: ExecutionRefSchema,
  failedState: z.string().optional(),
});
export type NotifyFailureInput = z.infer<typeof NotifyFailureInputSchema>;
