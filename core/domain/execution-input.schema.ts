import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 is rejected). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD, e.g. 2026-11-02')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a real calendar date',
    },
  );

export const AccountIdSchema = z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id');

export const RegionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as us-east-1');

/**
 * The execution input of the workflow. Every field is optional; unknown fields are rejected so a typo (`"enddate"`)
 * fails the first state instead of silently running the default week. `scheduledTime` is set by the EventBridge
 * Scheduler target (`<aws.scheduler.scheduled-time>`).
 */
export const ExecutionInputSchema = z
  .strictObject({
    startDate: IsoDateSchema.optional(),
    endDate: IsoDateSchema.optional(),
    currentWeek: z.boolean().optional(),
    accounts: z.array(AccountIdSchema).min(1).optional(),
    regions: z.array(RegionSchema).min(1).optional(),
    frameworks: z.array(z.string().min(1)).min(1).optional(),
    notify: z.boolean().optional(),
    scheduledTime: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.currentWeek && (input.startDate || input.endDate)) {
      ctx.addIssue({
        code: 'custom',
        path: ['currentWeek'],
        message: 'currentWeek cannot be combined with startDate/endDate; give either the flag or the dates',
      });
    }
  });

export type ExecutionInput = z.infer<typeof ExecutionInputSchema>;
