import { z } from 'zod';
import type { BuildReportsOutput } from '../../domain/build-reports.schema';
import type { ChatNotifier } from '../../platform/chat/chat-notifier.port';
import type { Clock } from '../../platform/clock.port';
import type { ObjectStore } from '../../platform/storage/object-store.port';
import type { Log } from '../../shared/log.port';
import { type NotifySummary, reportFacts } from '../report-facts';
import { buildSlackSummaryMessage } from './slack-summary.message';

/** The marker that makes the Slack post idempotent per run id. */
export const slackMarkerKey = (runId: string): string => `runs/${runId}/notify/slack.json`;

/** Content of the marker: when and where the summary was posted. */
export const SlackMarkerSchema = z.object({
  runId: z.string(),
  postedAt: z.string(),
  channel: z.string().optional(),
  ts: z.string().optional(),
});
export type SlackMarker = z.infer<typeof SlackMarkerSchema>;

/** What {@link postSlackSummary} did. */
export type SlackSummaryResult =
  | { status: 'posted'; channel?: string; ts?: string }
  | { status: 'skipped'; reason: string; channel?: string; ts?: string };

export interface PostSlackSummaryInput {
  run: { runId: string; startDate: string; endDate: string };
  reports: BuildReportsOutput;
  /** summary.json, when readable; without it the message shows the totals only. */
  summary?: NotifySummary;
  /** The execution in the Step Functions console (see `consoleUrl`). */
  consoleUrl: string;
}

export interface PostSlackSummaryDeps {
  notifier: ChatNotifier;
  store: ObjectStore;
  clock: Clock;
  log: Log;
}

/**
 * Posts the run's summary to Slack once per run id.
 * 1. If `runs/<runId>/notify/slack.json` exists, the summary was posted already (a redrive or a rerun): skip.
 * 2. Build the Block Kit message from the Build reports output and summary.json.
 * 3. Post it (the notifier paces and retries) and write the marker with the channel and timestamp.
 * A crash between 3's post and its marker write would post again on the next attempt: the one window left.
 */
export const postSlackSummary = async (
  input: PostSlackSummaryInput,
  deps: PostSlackSummaryDeps,
): Promise<SlackSummaryResult> => {
  const { run, reports } = input;
  const markerKey = slackMarkerKey(run.runId);
  const existing = await deps.store.getText(markerKey);
  if (existing !== undefined) {
    const marker = SlackMarkerSchema.safeParse(jsonOrUndefined(existing));
    deps.log.info('slack summary already posted for this run; skipping', { markerKey });
    return { status: 'skipped', reason: 'already posted', ...(marker.success ? pickWhere(marker.data) : {}) };
  }
  const message = buildSlackSummaryMessage(reportFacts(run, reports, input.summary), {
    runId: run.runId,
    bucket: reports.bucket,
    workbookKey: reports.keys.workbook,
    consoleUrl: input.consoleUrl,
  });
  const where = await deps.notifier.post(message);
  const marker: SlackMarker = { runId: run.runId, postedAt: deps.clock.now().toISOString(), ...pickWhere(where) };
  await deps.store.put(markerKey, `${JSON.stringify(marker)}\n`, 'application/json');
  deps.log.info('slack summary posted', { blocks: message.blocks.length, ...pickWhere(where) });
  return { status: 'posted', ...pickWhere(where) };
};

const pickWhere = (where: { channel?: string; ts?: string }): { channel?: string; ts?: string } => ({
  ...(where.channel !== undefined ? { channel: where.channel } : {}),
  ...(where.ts !== undefined ? { ts: where.ts } : {}),
});

/** A corrupt marker still means "posted": read what it can say, never throw. */
const jsonOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
