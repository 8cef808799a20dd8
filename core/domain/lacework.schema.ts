import { z } from 'zod';

/**
 * Lacework API v2 shapes, as the API returns them (as read by the official SDKs and shown in their test fixtures,
 * https://github.com/lacework/go-sdk and https://github.com/lacework/python-sdk). Loose objects: the API adds fields
 * freely; we validate only what we read. Parsed at the adapter boundary.
 */

/** `GET /api/v2/CloudAccounts/AwsCfg` element. `enabled` is an integer (1/0) here. */
export const LaceworkCloudAccountSchema = z.looseObject({
  intgGuid: z.string(),
  name: z.string().optional(),
  type: z.string(),
  enabled: z.union([z.number(), z.boolean()]),
  data: z.looseObject({ awsAccountId: z.string().optional() }).optional(),
});
export type LaceworkCloudAccount = z.infer<typeof LaceworkCloudAccountSchema>;

/** `GET /api/v2/ReportDefinitions` element; `sections[].policies` are policy id strings. */
export const LaceworkReportDefinitionSchema = z.looseObject({
  reportDefinitionGuid: z.string(),
  reportName: z.string(),
  displayName: z.string().optional(),
  reportType: z.string().optional(),
  subReportType: z.string().optional(),
  reportNotificationType: z.string().optional(),
  reportDefinition: z.looseObject({
    sections: z.array(
      z.looseObject({ category: z.string().optional(), title: z.string().optional(), policies: z.array(z.string()) }),
    ),
  }),
});
export type LaceworkReportDefinition = z.infer<typeof LaceworkReportDefinitionSchema>;

/** `GET /api/v2/Policies/{id}` data. `severity` is lower case; `enabled` is a boolean here. */
export const LaceworkPolicySchema = z.looseObject({
  policyId: z.string(),
  policyType: z.string().optional(),
  title: z.string().optional(),
  enabled: z.boolean().optional(),
  description: z.string().optional(),
  remediation: z.string().optional(),
  severity: z.string().optional(),
});
export type LaceworkPolicy = z.infer<typeof LaceworkPolicySchema>;

/**
 * One recommendation of a compliance report. Counts are numbers in practice but strings and nulls occur; the legacy
 * tool applied `int()`, so they are kept raw here and converted by the aggregation.
 */
export const LaceworkRecommendationSchema = z.looseObject({
  REC_ID: z.string(),
  STATUS: z.string(),
  ASSESSED_RESOURCE_COUNT: z.unknown(),
  RESOURCE_COUNT: z.unknown(),
  SEVERITY: z.unknown().optional(),
  TITLE: z.string().optional(),
});
export type LaceworkRecommendation = z.infer<typeof LaceworkRecommendationSchema>;

/** The report object (the element of `GET /api/v2/Reports` `data`). */
export const LaceworkComplianceReportSchema = z.looseObject({
  reportType: z.string().optional(),
  reportTitle: z.string().optional(),
  accountId: z.string().optional(),
  accountAlias: z.string().optional(),
  reportTime: z.string().optional(),
  recommendations: z.array(LaceworkRecommendationSchema),
});
export type LaceworkComplianceReport = z.infer<typeof LaceworkComplianceReportSchema>;

/** `GET /api/v2/Alerts` element (the list serves alerts without `entityMap`). `alertId` is an integer. */
export const LaceworkAlertSchema = z.looseObject({
  alertId: z.number(),
  startTime: z.string(),
  endTime: z.string().optional(),
  alertType: z.string().optional(),
  severity: z.string().optional(),
  status: z.string().optional(),
  alertName: z.string().optional(),
  policyId: z.string().optional(),
  derivedFields: z
    .looseObject({
      category: z.string().optional(),
      sub_category: z.string().optional(),
      source: z.string().optional(),
    })
    .optional(),
});
export type LaceworkAlert = z.infer<typeof LaceworkAlertSchema>;

/** `GET /api/v2/Alerts/{id}?scope=Details` data: the alert plus `entityMap` (lists of `{KEY, PROPS}` by entity type). */
export const LaceworkAlertDetailsSchema = LaceworkAlertSchema.extend({
  entityMap: z
    .record(
      z.string(),
      z.array(z.looseObject({ KEY: z.record(z.string(), z.unknown()).optional(), PROPS: z.unknown().optional() })),
    )
    .optional(),
});
export type LaceworkAlertDetails = z.infer<typeof LaceworkAlertDetailsSchema>;

/** The console's API key JSON file (`keyId`, `secret`, `account`, optional `subAccount`). Never logged. */
export const LaceworkApiKeySchema = z.object({
  keyId: z.string().min(1),
  secret: z.string().min(1),
  account: z.string().min(1),
  subAccount: z.string().optional(),
});
export type LaceworkApiKey = z.infer<typeof LaceworkApiKeySchema>;
