import { z } from 'zod';
import { ScanSummarySchema } from './scan-account.schema';

/**
 * The output of **Scan accounts**, in either of its two forms:
 * - an inline array of ScanSummary (local runs: aws-local-stepfunctions ignores ResultWriter);
 * - the deployed Distributed Map's ResultWriter pointer `{ MapRunArn, ResultWriterDetails: { Bucket, Key } }`,
 *   whose `Key` is the Map Run's `manifest.json` (ResultWriter writes `manifest.json` plus `SUCCEEDED_`, `FAILED_`
 *   and `PENDING_` result files under its prefix:
 *   https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html).
 */
export const MapRunResultSchema = z.object({
  MapRunArn: z.string(),
  ResultWriterDetails: z.object({ Bucket: z.string(), Key: z.string() }),
});
export type MapRunResult = z.infer<typeof MapRunResultSchema>;

/** Output of **Scan accounts**: an inline ScanSummary array (local) or the ResultWriter pointer (deployed). */
export const MapOutputSchema = z.union([z.array(ScanSummarySchema), MapRunResultSchema]);
export type MapOutput = z.infer<typeof MapOutputSchema>;

const ResultFileSchema = z.object({ Key: z.string(), Size: z.number().optional() });

/** `manifest.json` written by ResultWriter. */
export const MapResultManifestSchema = z.object({
  DestinationBucket: z.string().optional(),
  MapRunArn: z.string().optional(),
  ResultFiles: z.object({
    SUCCEEDED: z.array(ResultFileSchema).default([]),
    FAILED: z.array(ResultFileSchema).default([]),
    PENDING: z.array(ResultFileSchema).default([]),
  }),
});
export type MapResultManifest = z.infer<typeof MapResultManifestSchema>;

/** One child execution in a result file; `Input`/`Output` are JSON strings, FAILED records add `Error`/`Cause`. */
export const ChildExecutionRecordSchema = z.looseObject({
  ExecutionArn: z.string().optional(),
  Name: z.string().optional(),
  Status: z.string().optional(),
  Input: z.string().optional(),
  Output: z.string().optional(),
  Error: z.string().optional(),
  Cause: z.string().optional(),
});
export type ChildExecutionRecord = z.infer<typeof ChildExecutionRecordSchema>;
