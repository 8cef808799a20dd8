import {
  DescribeExecutionCommand,
  DescribeMapRunCommand,
  type DescribeMapRunOutput,
  type MapRunItemCounts,
} from '@aws-sdk/client-sfn';
import { realSleep } from '../../core/shared/sleep';
import { listMapRuns, mapRunLabel } from './failed-accounts';
import { attempt } from './operator-errors';
import type { OperatorContext } from './operator-target';

/** Where `watch` writes: a TTY gets a redrawn progress bar, anything else one line per change. */
export interface WatchOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Options of {@link watchExecution}. */
export interface WatchOptions {
  /** Between two polls. @default 5000 */
  intervalMs?: number;
  out: WatchOutput;
  /** How to name this execution in the hints printed at the end (e.g. `--endpoint …` for the sandbox). */
  hintSuffix?: string;
}

const BAR_WIDTH = 30;

/** The progress of a Map Run as one line, from DescribeMapRun's item counts. */
export const mapRunLine = (run: DescribeMapRunOutput): string => {
  const c: Partial<MapRunItemCounts> = run.itemCounts ?? {};
  const done = (c.succeeded ?? 0) + (c.failed ?? 0) + (c.timedOut ?? 0) + (c.aborted ?? 0);
  const extra = [c.timedOut ? `${c.timedOut} timed out` : '', c.aborted ? `${c.aborted} aborted` : ''].filter(Boolean);
  return (
    `${mapRunLabel(run.mapRunArn ?? '')} ${run.status}: ${done}/${c.total ?? 0} accounts done ` +
    `(${c.succeeded ?? 0} succeeded, ${c.failed ?? 0} failed${extra.length ? `, ${extra.join(', ')}` : ''}), ` +
    `${c.running ?? 0} running, ${c.pending ?? 0} pending`
  );
};

const bar = (run: DescribeMapRunOutput): string => {
  const c: Partial<MapRunItemCounts> = run.itemCounts ?? {};
  const total = Math.max(c.total ?? 0, 1);
  const ok = Math.round(((c.succeeded ?? 0) / total) * BAR_WIDTH);
  const bad = Math.round((((c.failed ?? 0) + (c.timedOut ?? 0) + (c.aborted ?? 0)) / total) * BAR_WIDTH);
  return `[${'#'.repeat(ok)}${'x'.repeat(Math.min(bad, BAR_WIDTH - ok))}${'-'.repeat(Math.max(BAR_WIDTH - ok - bad, 0))}]`;
};

const duration = (from?: Date, to?: Date): string => {
  const s = Math.max(Math.round(((to ?? new Date()).getTime() - (from ?? new Date()).getTime()) / 1000), 0);
  return s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`;
};

/**
 * Follows an execution until it stops: polls DescribeExecution, ListMapRuns and DescribeMapRun, prints the Map Run
 * counts when they change (a progress bar on a TTY), then the outcome and what to do next. Returns the final status.
 */
export const watchExecution = async (
  context: OperatorContext,
  executionArn: string,
  options: WatchOptions,
): Promise<string> => {
  const { out } = options;
  const suffix = options.hintSuffix ?? '';
  let last = '';
  for (;;) {
    const execution = await attempt(context.call('states:DescribeExecution', executionArn), () =>
      context.sfn.send(new DescribeExecutionCommand({ executionArn })),
    );
    const runs = await Promise.all(
      (await listMapRuns(context, executionArn)).map(({ mapRunArn }) =>
        attempt(context.call('states:DescribeMapRun', mapRunArn ?? ''), () =>
          context.sfn.send(new DescribeMapRunCommand({ mapRunArn })),
        ),
      ),
    );
    const lines = runs.map(mapRunLine);
    const text = lines.join('\n');
    if (text !== '' && text !== last) {
      if (out.isTTY) out.write(`\r\u001b[2K${runs.map((r, i) => `${bar(r)} ${lines[i]}`).join(' | ')}`);
      else out.write(`${text}\n`);
      last = text;
    }
    if (execution.status !== 'RUNNING') {
      if (out.isTTY && last !== '') out.write('\n');
      const failed = runs.reduce(
        (n, r) => n + (r.itemCounts?.failed ?? 0) + (r.itemCounts?.timedOut ?? 0) + (r.itemCounts?.aborted ?? 0),
        0,
      );
      const took = duration(execution.redriveDate ?? execution.startDate, execution.stopDate);
      out.write(`${execution.name} ${execution.status} after ${took}.\n`);
      if (execution.error) out.write(`  ${execution.error}: ${execution.cause ?? '(no cause)'}\n`);
      if (failed > 0)
        out.write(
          `  ${failed} failed account${failed === 1 ? '' : 's'}: npm run cli -- failed ${executionArn}${suffix}\n`,
        );
      if (execution.status === 'SUCCEEDED') out.write(`  reports: npm run cli -- reports ${executionArn}${suffix}\n`);
      else out.write(`  redrive: npm run cli -- redrive ${executionArn}${suffix}\n`);
      return execution.status ?? 'UNKNOWN';
    }
    await realSleep(options.intervalMs ?? 5000);
  }
};
