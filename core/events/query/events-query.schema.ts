import { z } from 'zod';
import { ComplianceTypeSchema } from '../../domain/compliance-type.schema';
import { InvalidQueryParameterError } from './query-errors';

/** Largest page the API serves; a larger `limit` is capped to it. */
export const MAX_LIMIT = 100;
/** Page size when `limit` is absent. */
export const DEFAULT_LIMIT = 25;

const LimitSchema = z
  .string()
  .regex(/^\d{1,6}$/, `expected a whole number 1–${MAX_LIMIT}`)
  .transform(Number)
  .pipe(z.number().int().min(1, `expected a whole number 1–${MAX_LIMIT}`))
  .transform((n) => Math.min(n, MAX_LIMIT))
  .default(DEFAULT_LIMIT);

/** An instant with an offset or `Z`, turned into ISO UTC (`toISOString`), which sorts as the table's keys do. */
const InstantSchema = z.iso
  .datetime({ offset: true, error: 'expected an ISO 8601 instant such as 2026-11-01T00:00:00Z' })
  .transform((s) => new Date(s).toISOString());

/** `GET /events` query parameters; unknown parameters are rejected (a typo must not widen the query). */
export const EventsQuerySchema = z.strictObject({
  account: z
    .string()
    .regex(/^\d{12}$/, 'expected a 12-digit account id')
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected a region such as us-east-1')
    .optional(),
  /** A rule name, raw or normalised: it is normalised (conformance-pack and Security Hub affixes stripped). */
  rule: z.string().min(1).max(256).optional(),
  resourceType: z
    .string()
    .regex(/^AWS::(\w+)?::\w+$/, 'expected a resource type such as AWS::S3::Bucket or AWS::::Account')
    .optional(),
  resourceId: z.string().min(1).max(1024).optional(),
  complianceType: ComplianceTypeSchema.optional(),
  from: InstantSchema.optional(),
  to: InstantSchema.optional(),
  limit: LimitSchema,
  cursor: z.string().min(1).max(4096).optional(),
});
/** Validated `GET /events` parameters. */
export type EventsQuery = z.output<typeof EventsQuerySchema>;

/** `GET /accounts/{id}/compliance`: path `id` plus query parameters. */
export const AccountComplianceQuerySchema = z.strictObject({
  id: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id'),
  limit: LimitSchema,
  cursor: z.string().min(1).max(4096).optional(),
});
/** Validated `GET /accounts/{id}/compliance` parameters. */
export type AccountComplianceQuery = z.output<typeof AccountComplianceQuerySchema>;

/**
 * Parses raw parameters (strings) with `schema`; the first problem becomes an {@link InvalidQueryParameterError}
 * naming the parameter, the value received and what is expected.
 *
 * @example parseQueryParameters(EventsQuerySchema, { account: '12' }) // throws: parameter "account": got "12"; …
 */
export const parseQueryParameters = <S extends z.ZodType>(
  schema: S,
  raw: Readonly<Record<string, string | undefined>>,
): z.output<S> => {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  if (issue?.code === 'unrecognized_keys') {
    const [key = '?'] = issue.keys;
    throw new InvalidQueryParameterError(key, `unknown parameter "${key}"; remove it`, { cause: result.error });
  }
  const parameter = String(issue?.path[0] ?? '?');
  const value = raw[parameter];
  const got = value === undefined ? 'nothing' : JSON.stringify(value);
  throw new InvalidQueryParameterError(
    parameter,
    `parameter "${parameter}": got ${got}; ${issue?.message.toLowerCase() ?? 'invalid value'}`,
    { cause: result.error },
  );
};
