import {
  actions,
  context,
  escapeMrkdwn,
  fields,
  header,
  linkButton,
  section,
  truncate,
} from '../platform/chat/block-kit';
import type { ChatMessage, ChatNotifier, PostedMessage } from '../platform/chat/chat-notifier.port';
import type { Log } from '../shared/log.port';

/** How much of a cause the message shows (the execution history keeps all of it). */
export const CAUSE_CHARS_SHOWN = 1500;

/** A failed execution, as the top-level Catch sees it. */
export interface RunFailure {
  executionArn?: string;
  executionName: string;
  /** The state that failed, when the chain knows it. */
  stateName?: string;
  /** The error name (`States.TaskFailed`, `NoAccountsFound`…). */
  error: string;
  /** The cause: free text, or a Lambda error as JSON (`{"errorType","errorMessage","trace"}`). */
  cause: string;
  consoleUrl: string;
  /** The run's date range and id, when Resolve run got that far. */
  run?: { runId: string; startDate: string; endDate: string };
}

/**
 * The readable part of a cause: a Lambda error's `errorMessage` (its stack trace is noise in chat), otherwise the
 * text as is.
 */
export const readableCause = (cause: string): string => {
  try {
    const parsed: unknown = JSON.parse(cause);
    if (parsed !== null && typeof parsed === 'object' && 'errorMessage' in parsed) {
      const message = (parsed as { errorMessage: unknown }).errorMessage;
      if (typeof message === 'string' && message.length > 0) return message;
    }
  } catch {
    // not JSON: the cause is plain text
  }
  return cause;
};

/** The error a Distributed Map fails with when more children failed than its tolerated failure percentage allows. */
export const EXCEEDED_TOLERATED_FAILURES = 'States.ExceedToleratedFailureThreshold';

/**
 * What to do next, for the failures an operator fixes and then redrives: too many accounts failed to scan (the Map
 * Run failed, so AWS redrives only its unsuccessful children). `undefined` for other failures.
 */
export const nextStepOf = (failure: RunFailure): string | undefined => {
  if (failure.error !== EXCEEDED_TOLERATED_FAILURES) return undefined;
  const execution = failure.executionArn ?? failure.executionName;
  return [
    '*What to do*',
    'More accounts failed to scan than the stage tolerates. List them and their causes, fix the cause (e.g. deploy the',
    'member role), then redrive: only the failed accounts are scanned again and the same run gets its reports.',
    `\`npm run cli -- failed ${escapeMrkdwn(execution)}\``,
    `\`npm run cli -- redrive ${escapeMrkdwn(execution)}\``,
  ].join('\n');
};

/** The failure alert: which state failed, the error, the cause (cut), what to do next, and a button to the execution. */
export const buildFailureMessage = (failure: RunFailure): ChatMessage => {
  const next = nextStepOf(failure);
  const state = failure.stateName ?? 'unknown (see the execution)';
  const cause = truncate(readableCause(failure.cause).trim() || '(no cause given)', CAUSE_CHARS_SHOWN);
  const where = failure.run ? ` (${failure.run.startDate} to ${failure.run.endDate})` : '';
  const footer = [`Execution \`${escapeMrkdwn(failure.executionName)}\``];
  if (failure.run) footer.push(`Run \`${escapeMrkdwn(failure.run.runId)}\``);
  return {
    text: truncate(`Compliance report run ${failure.executionName} failed in ${state}: ${failure.error}${where}`, 1000),
    blocks: [
      header(`:rotating_light: Compliance report run failed${where}`),
      fields([`*Failed state*\n${escapeMrkdwn(state)}`, `*Error*\n\`${escapeMrkdwn(truncate(failure.error, 200))}\``]),
      section(`*Cause*\n\`\`\`${escapeMrkdwn(cause.replace(/```/g, "'''"))}\`\`\``),
      ...(next ? [section(next)] : []),
      ...actions([linkButton('Open the execution', failure.consoleUrl, 'open-execution', 'danger')]),
      context(footer),
    ],
  };
};

/**
 * Posts the failure alert. Not idempotent on purpose: every failed attempt (a redrive that fails again included) is
 * news. Throws what the notifier throws; the chain goes on to fail the execution either way.
 */
export const notifyFailure = async (
  failure: RunFailure,
  deps: { notifier: ChatNotifier; log: Log },
): Promise<PostedMessage> => {
  const posted = await deps.notifier.post(buildFailureMessage(failure));
  deps.log.info('failure notification posted', { failedState: failure.stateName, error: failure.error });
  return posted;
};
