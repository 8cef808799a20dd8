import { z } from 'zod';

/**
 * The compliance of one rule–resource evaluation, as AWS Config names it: in the Config API's evaluation results
 * (scan partials) and in the EventBridge compliance change events alike.
 */
export const ComplianceTypeSchema = z.enum(['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE', 'INSUFFICIENT_DATA']);
export type ComplianceType = z.infer<typeof ComplianceTypeSchema>;
