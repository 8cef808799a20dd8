import { z } from 'zod';
import {
  LaceworkAlertDetailsSchema,
  LaceworkApiKeySchema,
  LaceworkCloudAccountSchema,
  LaceworkComplianceReportSchema,
  LaceworkPolicySchema,
  LaceworkReportDefinitionSchema,
} from '../core/domain/lacework.schema';

/** The API key the sandbox's Lacework server accepts unless the scenario names another. Fake; safe to print. */
export const DEFAULT_SANDBOX_LACEWORK_KEY = {
  keyId: 'SANDBOX_0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF',
  secret: '_sandbox0123456789abcdef01234567',
  account: 'sandbox.lacework.net',
} as const;

/**
 * Faults of the Lacework server; all optional. `everyNth` and `firstCalls` count the API calls (the token endpoint
 * excluded) from the start of the sandbox, retries included.
 */
export const LaceworkFaultsSchema = z.strictObject({
  /** Delay before every answer, in milliseconds. */
  latencyMs: z.number().int().nonnegative().max(60_000).optional(),
  /** HTTP 429 `{message: "Rate limit exceeded"}` on every Nth call and/or on a burst of the first calls. */
  rateLimit429: z
    .strictObject({
      everyNth: z.number().int().positive().optional(),
      firstCalls: z.number().int().nonnegative().optional(),
      /** Seconds sent in the header. @default - 1 */
      retryAfterSeconds: z.number().int().nonnegative().default(1),
      /** Which header carries the wait; `none` sends neither (the client backs off). @default - `Retry-After` */
      header: z.enum(['Retry-After', 'RateLimit-Reset', 'none']).default('Retry-After'),
    })
    .refine((f) => f.everyNth !== undefined || f.firstCalls !== undefined, 'set everyNth, firstCalls or both')
    .optional(),
  /** HTTP 5xx `{message}` on every Nth call and/or on the first calls. */
  serverErrors: z
    .strictObject({
      everyNth: z.number().int().positive().optional(),
      firstCalls: z.number().int().nonnegative().optional(),
      /** @default - 500 */
      status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(500),
    })
    .refine((f) => f.everyNth !== undefined || f.firstCalls !== undefined, 'set everyNth, firstCalls or both')
    .optional(),
  /** Every call, the token endpoint included, answers 503. */
  outage: z.boolean().optional(),
  /** The token endpoint answers 401 whatever the key (a revoked key). */
  rejectKey: z.boolean().optional(),
  /** An alert search with no result answers 204 with no body, as Lacework sometimes does. */
  noContentWhenEmpty: z.boolean().optional(),
});
export type LaceworkFaults = z.output<typeof LaceworkFaultsSchema>;
/** Faults as written in a scenario file (defaults optional). */
export type LaceworkFaultsInput = z.input<typeof LaceworkFaultsSchema>;

/**
 * The scenario's Lacework account, served by the sandbox's Lacework API v2 server. Records use the API's own shapes
 * (`core/domain/lacework.schema.ts`; unknown fields are kept and served back):
 *
 * - `frameworks`: the framework (report definition) names a local run reports, as stage config names them in AWS;
 *   each must be the `reportName` of a `reportDefinitions` entry.
 * - `apiKey` (default {@link DEFAULT_SANDBOX_LACEWORK_KEY}): the only key the token endpoint accepts.
 * - `tokenTtlSeconds` (default 3600): the longest token lifetime granted (the request's `expiryTime` is capped).
 * - `alertsPageSize` (default 50): alerts per page of `GET /Alerts`.
 * - `cloudAccounts`: `GET /CloudAccounts[/{type}]` elements (`enabled` 1/0).
 * - `reportDefinitions`: `GET /ReportDefinitions` elements; their `sections[].policies` should be in `policies`,
 *   except deliberately (a missing policy is a case the report must show as "Not Found").
 * - `policies`: `GET /Policies/{id}` objects; an absent id answers 404.
 * - `alerts`: objects as `GET /Alerts/{id}?scope=Details` returns them (with `entityMap`); `GET /Alerts` lists those
 *   whose `startTime` is in the window, without `entityMap`.
 * - `reports.<accountId>.<reportName>`: the report object (the element of `GET /Reports` `data`); an account without
 *   an entry answers `{"data": []}`.
 * - `faults`: see {@link LaceworkFaultsSchema}.
 *
 * @example
 * ```json
 * { "frameworks": ["AWS ISO 27001:2013"],
 *   "cloudAccounts": [ { "intgGuid": "SANDBOX_1", "name": "prod", "type": "AwsCfg", "enabled": 1,
 *     "data": { "awsAccountId": "111111111111" } } ],
 *   "reportDefinitions": [ { "reportDefinitionGuid": "SANDBOX_RD1", "reportName": "AWS ISO 27001:2013",
 *     "reportDefinition": { "sections": [ { "title": "A.9 Access control", "policies": ["lacework-global-34"] } ] } } ],
 *   "policies": [ { "policyId": "lacework-global-34", "policyType": "Compliance", "severity": "critical",
 *     "title": "Ensure no 'root' user account access key exists", "enabled": true } ],
 *   "alerts": [ { "alertId": 900001, "startTime": "2026-11-17T09:00:00.000Z", "severity": "Critical",
 *     "policyId": "lacework-global-34", "derivedFields": { "category": "Policy", "sub_category": "Compliance", "source": "AWS" },
 *     "entityMap": { "Resource": [ { "KEY": { "resource": "arn:aws:iam::111111111111:root", "account_id": "111111111111" } } ] } } ],
 *   "reports": { "111111111111": { "AWS ISO 27001:2013": { "reportTitle": "AWS ISO 27001:2013", "recommendations": [
 *     { "REC_ID": "lacework-global-34", "STATUS": "NonCompliant", "ASSESSED_RESOURCE_COUNT": 1, "RESOURCE_COUNT": 1 } ] } } },
 *   "faults": { "rateLimit429": { "firstCalls": 2, "retryAfterSeconds": 3 } } }
 * ```
 */
export const LaceworkScenarioSchema = z
  .strictObject({
    frameworks: z.array(z.string().min(1)).default([]),
    apiKey: LaceworkApiKeySchema.default({ ...DEFAULT_SANDBOX_LACEWORK_KEY }),
    tokenTtlSeconds: z.number().int().positive().default(3600),
    alertsPageSize: z.number().int().positive().max(5000).default(50),
    cloudAccounts: z.array(LaceworkCloudAccountSchema).default([]),
    reportDefinitions: z.array(LaceworkReportDefinitionSchema).default([]),
    policies: z.array(LaceworkPolicySchema).default([]),
    alerts: z.array(LaceworkAlertDetailsSchema).default([]),
    reports: z.record(z.string().min(1), z.record(z.string().min(1), LaceworkComplianceReportSchema)).default({}),
    faults: LaceworkFaultsSchema.optional(),
  })
  .superRefine((section, ctx) => {
    const names = new Set(section.reportDefinitions.map((definition) => definition.reportName));
    section.frameworks.forEach((name, index) => {
      if (!names.has(name)) {
        ctx.addIssue({
          code: 'custom',
          input: name,
          path: ['frameworks', index],
          message: `framework "${name}" has no report definition (known: ${[...names].join(', ') || 'none'}); add one to reportDefinitions or fix the name`,
        });
      }
    });
    const unique = (ids: readonly (string | number)[], where: string, field: string) => {
      const seen = new Set<string | number>();
      ids.forEach((id, index) => {
        if (seen.has(id)) {
          ctx.addIssue({
            code: 'custom',
            input: id,
            path: [where, index, field],
            message: `duplicate ${field} ${id}; each appears once`,
          });
        }
        seen.add(id);
      });
    };
    unique(
      section.policies.map((policy) => policy.policyId),
      'policies',
      'policyId',
    );
    unique(
      section.alerts.map((alert) => alert.alertId),
      'alerts',
      'alertId',
    );
    unique(
      section.reportDefinitions.map((definition) => definition.reportDefinitionGuid),
      'reportDefinitions',
      'reportDefinitionGuid',
    );
  });
export type LaceworkScenario = z.output<typeof LaceworkScenarioSchema>;
export type LaceworkScenarioInput = z.input<typeof LaceworkScenarioSchema>;
