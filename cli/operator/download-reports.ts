import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { ExitError } from '../exit-error';
import { attempt } from './operator-errors';
import type { OperatorContext } from './operator-target';

/** Where the execution output (Summarize run) names the reports: `reports.bucket` and `reports.keys`. */
interface ReportsOutput {
  reports?: { bucket?: string; keys?: Record<string, string | string[] | undefined> };
}

/** The report keys of an execution output, history excluded (it is the week's, not this run's). */
export const reportKeysOf = (output: string | undefined): { bucket: string; keys: string[] } | undefined => {
  let parsed: ReportsOutput;
  try {
    parsed = JSON.parse(output ?? '') as ReportsOutput;
  } catch {
    return undefined;
  }
  const bucket = parsed.reports?.bucket;
  const keys = Object.entries(parsed.reports?.keys ?? {})
    .filter(([name]) => name !== 'history')
    .flatMap(([, key]) => (Array.isArray(key) ? key : key ? [key] : []));
  return bucket && keys.length > 0 ? { bucket, keys } : undefined;
};

/** `reports`: downloads the reports the execution output names into `dir`; returns the lines to print. */
export const downloadReports = async (
  context: OperatorContext,
  executionArn: string,
  dir: string,
): Promise<string[]> => {
  const execution = await attempt(context.call('states:DescribeExecution', executionArn), () =>
    context.sfn.send(new DescribeExecutionCommand({ executionArn })),
  );
  const where = reportKeysOf(execution.output);
  if (where === undefined) {
    throw new ExitError(
      `execution ${execution.name} is ${execution.status} and its output names no reports` +
        `${execution.error ? ` (${execution.error}: ${execution.cause ?? ''})` : ''}; ` +
        (execution.status === 'RUNNING'
          ? `wait for it: npm run cli -- watch ${executionArn}`
          : `see: npm run cli -- redrive ${executionArn}`),
    );
  }
  await mkdir(dir, { recursive: true });
  const lines = [`Reports of ${execution.name} from s3://${where.bucket}:`];
  for (const key of where.keys) {
    const object = await attempt(context.call('s3:GetObject', `arn:aws:s3:::${where.bucket}/${key}`), () =>
      context.s3.send(new GetObjectCommand({ Bucket: where.bucket, Key: key })),
    );
    const bytes = await object.Body?.transformToByteArray();
    const file = join(dir, basename(key));
    await writeFile(file, bytes ?? new Uint8Array());
    lines.push(`  ${file} (${bytes?.length ?? 0} bytes)`);
  }
  return lines;
};
