import type { ChildRecord, ChildStatus } from './distributed-map-results';

/** The counts `DescribeMapRun` reports, by the `itemCounts` key of each child status. */
export type MapRunCounts = Record<
  'pending' | 'running' | 'succeeded' | 'failed' | 'timedOut' | 'aborted' | 'total',
  number
>;

/** Which count a child of each status adds to. */
export const COUNT_KEY: Record<ChildStatus, keyof MapRunCounts> = {
  PENDING: 'pending',
  RUNNING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  TIMED_OUT: 'timedOut',
  ABORTED: 'aborted',
};

/** The item counts of a Map Run whose children are `children`. */
export const countChildren = (children: readonly ChildRecord[]): MapRunCounts => {
  const counts: MapRunCounts = { pending: 0, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, total: 0 };
  for (const child of children) counts[COUNT_KEY[child.Status]] += 1;
  counts.total = children.length;
  return counts;
};

/**
 * The children of a redriven Map Run, from the record its previous attempt ended with, as AWS redrives a Map Run of
 * STANDARD children (Step Functions Developer Guide, "Redriving Map Runs"): a SUCCEEDED child is kept as it is, with
 * its output and its ResultWriter record, and never runs again; an unsuccessful child (FAILED, TIMED_OUT, ABORTED)
 * is listed with its last status and error until it starts again ({@link restartChild}); a child that never started
 * (PENDING) starts for the first time. Returns the children and the indexes of those to run.
 */
export const redriveChildren = (
  previous: readonly ChildRecord[],
  itemCount: number,
): { children: ChildRecord[]; toRun: number[] } => {
  if (previous.length !== itemCount) {
    throw new Error(
      `cannot redrive the Map Run: its ItemReader now reads ${itemCount} items, the failed attempt had ${previous.length}; ` +
        'restore the item file the run started with, or start a new execution',
    );
  }
  const children = previous.map((child) => structuredClone(child));
  const toRun = children.flatMap((child, index) => (child.Status === 'SUCCEEDED' ? [] : [index]));
  return { children, toRun };
};

/**
 * Prepares a child to run again in a redriven Map Run: it keeps its execution ARN and name, its `RedriveCount` goes
 * up by one and its previous error, cause and output are dropped (a child that never started has nothing to keep).
 * Returns whether the child is a redriven execution (true) or starts for the first time (false).
 */
export const restartChild = (child: ChildRecord): boolean => {
  if (child.ExecutionArn === '') return false;
  for (const key of ['Error', 'Cause', 'Output', 'OutputDetails', 'StopDate', 'RedriveStatusReason'] as const) {
    delete child[key];
  }
  Object.assign(child, { RedriveCount: child.RedriveCount + 1, RedriveStatus: 'NOT_REDRIVABLE' });
  return true;
};
