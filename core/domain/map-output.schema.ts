import { z } from 'zod';

/**
 * The output of **Scan accounts** on AWS and locally (cli/local/distributed-map.ts writes the same): the Distributed
 * Map's ResultWriter pointer `{ MapRunArn, ResultWriterDetails: { Bucket, Key } }`, whose `Key` is the Map Run's
 * `manifest.json`; ResultWriter writes it beside the `SUCCEEDED_<n>.json`, `FAILED_<n>.json` and `PENDING_<n>.json`
 * result files under `<prefix>/<map run id>/`.
 */
export const MapRunResultSchema = z.object({
  MapRunArn: z.string(),
  ResultWriterDetails: z.object({ Bucket: z.string(), Key: z.string() }),
});
export type MapRunResult = z.infer<typeof MapRunResultSchema>;

/** Output of **Scan accounts**: the ResultWriter pointer, the one input path of Build reports. */
export const MapOutputSchema = MapRunResultSchema;
export type MapOutput = MapRunResult;

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
