import type { Readable } from 'node:stream';
import type { BuildReportsOutput } from '../../domain/build-reports.schema';
import type { ObjectStore } from '../../platform/storage/object-store.port';
import type { Log } from '../../shared/log.port';
import { type NotifySummary, reportFacts } from '../report-facts';
import type { TicketTracker } from '../ticket-tracker.port';
import { buildTicketDocument, ticketSummary } from './jira-ticket.document';

/** The label every report ticket carries (a JQL filter for all of them). */
export const COMPLIANCE_REPORT_LABEL = 'compliance-report';

/** Jira's limit on one label. */
const JIRA_LABEL_MAX = 255;

/**
 * The label naming one run: `compliance-run-<runId>` with every run of characters outside `A-Z a-z 0-9 _ . -`
 * (spaces above all, which Jira refuses in labels) replaced by `-`.
 */
export const runLabel = (runId: string): string =>
  `compliance-run-${runId.replace(/[^A-Za-z0-9_.-]+/g, '-')}`.slice(0, JIRA_LABEL_MAX);

/** What {@link createJiraTicket} did. `attached` says whether this call uploaded the workbook. */
export type JiraTicketResult = {
  status: 'posted' | 'skipped';
  reason?: string;
  key: string;
  url: string;
  attached: boolean;
};

export interface CreateJiraTicketInput {
  run: { runId: string; startDate: string; endDate: string };
  reports: BuildReportsOutput;
  summary?: NotifySummary;
  consoleUrl: string;
}

export interface CreateJiraTicketDeps {
  tracker: TicketTracker;
  store: ObjectStore;
  log: Log;
}

const readAll = async (stream: Readable): Promise<Uint8Array> => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
};

/** The workbook's file name: the last segment of its key. */
const fileNameOf = (key: string): string => key.slice(key.lastIndexOf('/') + 1);

/**
 * Opens the run's review ticket once per run id, with the workbook attached.
 * 1. Search for a ticket labelled with the run's label; reruns and redrives find the one opened before.
 * 2. If there is none, create it: summary with the date range, labels `compliance-report` and the run label, an ADF
 *    description with the headline numbers and links.
 * 3. Attach the workbook (read from the store at `reports.keys.workbook`) unless the ticket already has an attachment
 *    of that file name: a rerun whose earlier attempt died between create and attach completes the ticket, and a
 *    rerun of a complete one uploads nothing.
 */
export const createJiraTicket = async (
  input: CreateJiraTicketInput,
  deps: CreateJiraTicketDeps,
): Promise<JiraTicketResult> => {
  const { run, reports } = input;
  const label = runLabel(run.runId);
  const facts = reportFacts(run, reports, input.summary);
  const workbookFileName = fileNameOf(reports.keys.workbook);
  const existing = await deps.tracker.findByLabel(label);
  const ticket =
    existing ??
    (await deps.tracker.create({
      summary: ticketSummary(facts),
      labels: [COMPLIANCE_REPORT_LABEL, label],
      description: buildTicketDocument(facts, {
        runId: run.runId,
        bucket: reports.bucket,
        workbookKey: reports.keys.workbook,
        consoleUrl: input.consoleUrl,
        workbookFileName,
      }),
    }));
  const attach = !ticket.attachmentNames.includes(workbookFileName);
  if (attach) {
    const bytes = await readAll(await deps.store.getStream(reports.keys.workbook));
    await deps.tracker.attach(ticket.key, workbookFileName, bytes);
  }
  deps.log.info(existing ? 'jira ticket exists for this run; reused' : 'jira ticket created', {
    ticket: ticket.key,
    attached: attach,
  });
  return {
    status: existing ? 'skipped' : 'posted',
    ...(existing ? { reason: 'ticket exists' } : {}),
    key: ticket.key,
    url: ticket.url,
    attached: attach,
  };
};
