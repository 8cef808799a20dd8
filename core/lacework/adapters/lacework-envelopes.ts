import { z } from 'zod';
import {
  LaceworkAlertDetailsSchema,
  LaceworkAlertSchema,
  LaceworkCloudAccountSchema,
  LaceworkComplianceReportSchema,
  LaceworkPolicySchema,
  LaceworkReportDefinitionSchema,
} from '../../domain/lacework.schema';

/**
 * The API v2 envelopes around the domain shapes (`{"data": …}`, plus `paging` on paged lists). Local to the adapter:
 * callers only see the elements. Single-object endpoints are also accepted as a one-element `data` array, which some
 * tenants answer.
 */

const one = <S extends z.ZodType>(schema: S) =>
  z
    .looseObject({ data: z.union([schema, z.array(schema).length(1)]) })
    .transform(({ data }) => (Array.isArray(data) ? (data[0] as z.output<S>) : (data as z.output<S>)));

/** `POST /access/tokens`: the v2 shape `{token, expiresAt}`, or the legacy v1 `{data: [{token, expiresAt}]}`. */
export const TokenResponseSchema = z.union([
  z.looseObject({ token: z.string().min(1), expiresAt: z.string().min(1) }),
  z
    .looseObject({ data: z.array(z.looseObject({ token: z.string().min(1), expiresAt: z.string().min(1) })).min(1) })
    .transform(({ data }) => data[0] as { token: string; expiresAt: string }),
]);

/** `GET /CloudAccounts/AwsCfg`. */
export const CloudAccountsResponseSchema = z.looseObject({ data: z.array(LaceworkCloudAccountSchema) });
/** `GET /ReportDefinitions`. */
export const ReportDefinitionsResponseSchema = z.looseObject({ data: z.array(LaceworkReportDefinitionSchema) });
/** `GET /Policies/{id}`. */
export const PolicyResponseSchema = one(LaceworkPolicySchema);
/** `GET /Reports`: `data` is an array, in practice of one report; empty when the account has none. */
export const ReportsResponseSchema = z.looseObject({ data: z.array(LaceworkComplianceReportSchema) });
/** `GET /Alerts/{id}?scope=Details`. */
export const AlertDetailsResponseSchema = one(LaceworkAlertDetailsSchema);

/** `GET /Alerts` and its next pages: `paging.urls.nextPage` is absolute, `null` on the last page. */
export const AlertsPageSchema = z.looseObject({
  data: z.array(LaceworkAlertSchema),
  paging: z
    .looseObject({
      rows: z.number().optional(),
      totalRows: z.number().optional(),
      urls: z.looseObject({ nextPage: z.string().nullable().optional() }).optional(),
    })
    .optional(),
});
