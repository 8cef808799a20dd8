import { join } from 'node:path';
import { z } from 'zod';
import { downloadReports } from '../operator/download-reports';
import { openForExecution, parseOperatorArgs, print } from '../operator/operator-command';
import { TARGET_USAGE } from '../operator/operator-options';

const USAGE = `usage: npm run cli -- reports <execution> [--output DIR] [target options]

Downloads the reports the execution's output names (workbook, CSVs, summary.json, summary.html) from S3.

  --output <dir>             where to write them (default output/<execution name>)
${TARGET_USAGE}`;

/** `npm run cli -- reports <execution>`. */
export const main = async (argv: string[]): Promise<void> => {
  const { options, positionals } = parseOperatorArgs(
    argv,
    { output: { type: 'string' } },
    { output: z.string().min(1).optional() },
    USAGE,
  );
  if (options.help) return void process.stdout.write(USAGE);
  const { context, executionArn } = await openForExecution(options, positionals, USAGE);
  const dir = options.output ?? join('output', executionArn.split(':').at(-1) ?? 'reports');
  print(await downloadReports(context, executionArn, dir));
};
