import { createHttpTransport, type HttpCaller, type HttpTransport } from '../../../platform/http/http-transport';
import { Redactor } from '../../../platform/http/redact';
import { parseWith } from '../../../shared/validation';
import type { NewTicket, Ticket, TicketTracker } from '../../ticket-tracker.port';
import {
  AttachmentsResponseSchema,
  CreatedIssueSchema,
  JIRA_ERROR_MAX_CHARS,
  jiraError,
  jiraErrorBody,
  SearchResponseSchema,
} from './jira-responses';

/** Options of {@link JiraCloudTicketTracker}. */
export interface JiraCloudTicketTrackerOptions {
  /** The site, e.g. `https://example.atlassian.net`. */
  baseUrl: string;
  /** Basic auth: the account's email and an API token (a secret, read at run time). */
  email: string;
  apiToken: string;
  /** Project key, e.g. `SEC`. */
  projectKey: string;
  /** Issue type name, e.g. `Task`. */
  issueType: string;
  http: HttpCaller;
}

const quoteJql = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Jira Cloud REST v3. Search uses `POST /rest/api/3/search/jql` (the enhanced JQL search; Atlassian removed
 * `/rest/api/3/search` in 2025), create `POST /rest/api/3/issue`, attachments
 * `POST /rest/api/3/issue/{key}/attachments` (multipart, `X-Atlassian-Token: no-check`). Every answer is zod-parsed;
 * 429/5xx are retried by the transport; the token appears in no error or log line.
 */
export class JiraCloudTicketTracker implements TicketTracker {
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly transport: HttpTransport;

  constructor(private readonly options: JiraCloudTicketTrackerOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`;
    this.transport = createHttpTransport(options.http, {
      redactor: new Redactor([options.apiToken, this.authorization]),
      errorBody: jiraErrorBody,
      maxMessageChars: JIRA_ERROR_MAX_CHARS,
    });
  }

  async findByLabel(label: string): Promise<Ticket | undefined> {
    const jql = `project = ${quoteJql(this.options.projectKey)} AND labels = ${quoteJql(label)} ORDER BY created ASC`;
    const body = await this.call('jira issue search', '/rest/api/3/search/jql', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jql, fields: ['summary', 'labels', 'attachment'], maxResults: 1 }),
    });
    const issue = parseWith(SearchResponseSchema, body, 'jira search answer').issues[0];
    if (issue === undefined) return undefined;
    return {
      key: issue.key,
      url: this.browseUrl(issue.key),
      attachmentNames: (issue.fields.attachment ?? []).map((a) => a.filename),
    };
  }

  async create(ticket: NewTicket): Promise<Ticket> {
    const fields = {
      project: { key: this.options.projectKey },
      issuetype: { name: this.options.issueType },
      summary: ticket.summary,
      labels: ticket.labels,
      description: ticket.description,
    };
    const body = await this.call('jira issue create', '/rest/api/3/issue', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields }),
    });
    const { key } = parseWith(CreatedIssueSchema, body, 'jira create answer');
    return { key, url: this.browseUrl(key), attachmentNames: [] };
  }

  async attach(key: string, fileName: string, bytes: Uint8Array): Promise<void> {
    const form = new FormData();
    form.append('file', new Blob([bytes]), fileName);
    const body = await this.call('jira attachment upload', `/rest/api/3/issue/${encodeURIComponent(key)}/attachments`, {
      headers: { 'x-atlassian-token': 'no-check' },
      body: form,
    });
    parseWith(AttachmentsResponseSchema, body, 'jira attachment answer');
  }

  private browseUrl(key: string): string {
    return `${this.baseUrl}/browse/${key}`;
  }

  /** POSTs with auth and `Accept: application/json`; returns the parsed JSON of a 2xx answer, throws on the rest. */
  private async call(
    what: string,
    path: string,
    init: { headers: Record<string, string>; body: string | FormData },
  ): Promise<unknown> {
    const answer = await this.transport.send(what, `${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...init.headers, accept: 'application/json', authorization: this.authorization },
      body: init.body,
    });
    if (!answer.ok) throw jiraError(what, answer.status, answer.message);
    return answer.body;
  }
}
