import type { NotifyFailureInput, NotifyTaskInput, NotifyTaskOutput } from '../domain/notify.schema';
import type { ChatNotifier } from '../platform/chat/chat-notifier.port';
import type { Clock } from '../platform/clock.port';
import type { ObjectStore } from '../platform/storage/object-store.port';
import type { Log } from '../shared/log.port';
import { consoleUrl } from './console-url';
import { createJiraTicket } from './jira/create-jira-ticket.service';
import { notifyFailure } from './notify-failure.service';
import { readNotifySummary } from './report-facts';
import { postSlackSummary } from './slack/post-slack-summary.service';
import type { TicketTracker } from './ticket-tracker.port';

/**
 * What the notify tasks need. `chat` and `tickets` build their adapter at run time (reading the secret); each is
 * absent when its service is not configured.
 */
export interface NotifyTaskDeps {
  store: ObjectStore;
  clock: Clock;
  log: Log;
  /** The region of the workflow, for console links when the execution ARN names none. */
  region: string;
  chat?: () => Promise<ChatNotifier>;
  tickets?: () => Promise<TicketTracker>;
}

const NOTIFY_OFF: NotifyTaskOutput = { status: 'skipped', reason: 'notify is false' };
const NOT_CONFIGURED: NotifyTaskOutput = { status: 'not-configured' };

/**
 * **Post to Slack**: skipped when the run says `notify: false`, `not-configured` without Slack settings; otherwise
 * reads summary.json and posts the summary once per run id. Slack failures throw (the chain catches and records them).
 */
export const runPostToSlack = async (input: NotifyTaskInput, deps: NotifyTaskDeps): Promise<NotifyTaskOutput> => {
  if (!input.run.notify) return NOTIFY_OFF;
  if (!deps.chat) return NOT_CONFIGURED;
  const notifier = await deps.chat();
  const summary = await readNotifySummary(deps.store, input.reports.keys.summaryJson, deps.log);
  return postSlackSummary(
    { run: input.run, reports: input.reports, summary, consoleUrl: consoleUrl(deps.region, input.execution.id) },
    { notifier, store: deps.store, clock: deps.clock, log: deps.log },
  );
};

/**
 * **Create Jira ticket**: skipped when the run says `notify: false`, `not-configured` without Jira settings; otherwise
 * opens (or finds) the run's ticket and attaches the workbook. Jira failures throw (the chain catches and records them).
 */
export const runCreateJiraTicket = async (input: NotifyTaskInput, deps: NotifyTaskDeps): Promise<NotifyTaskOutput> => {
  if (!input.run.notify) return NOTIFY_OFF;
  if (!deps.tickets) return NOT_CONFIGURED;
  const tracker = await deps.tickets();
  const summary = await readNotifySummary(deps.store, input.reports.keys.summaryJson, deps.log);
  return createJiraTicket(
    { run: input.run, reports: input.reports, summary, consoleUrl: consoleUrl(deps.region, input.execution.id) },
    { tracker, store: deps.store, log: deps.log },
  );
};

/**
 * **Notify failure**: posts which state failed, the error and the cause to Slack. Skipped for dry runs
 * (`notify: false`), `not-configured` without Slack settings. Throws when Slack fails; the chain fails the execution
 * either way.
 */
export const runNotifyFailure = async (input: NotifyFailureInput, deps: NotifyTaskDeps): Promise<NotifyTaskOutput> => {
  if (input.run?.notify === false) return NOTIFY_OFF;
  if (!deps.chat) return NOT_CONFIGURED;
  const notifier = await deps.chat();
  const posted = await notifyFailure(
    {
      executionArn: input.execution.id,
      executionName: input.execution.name,
      ...(input.failedState ? { stateName: input.failedState } : {}),
      error: input.error.Error,
      cause: input.error.Cause,
      consoleUrl: consoleUrl(deps.region, input.execution.id),
      ...(input.run ? { run: input.run } : {}),
    },
    { notifier, log: deps.log },
  );
  return { status: 'posted', ...posted };
};
