import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpFaultPlan } from './http-fault-plan';
import { parseMultipart, validateAdf } from './jira-validation';

/** An issue in the Jira sandbox. */
export interface JiraIssueRecord {
  id: string;
  key: string;
  fields: { project: string; issuetype: string; summary: string; labels: string[]; description: unknown };
  attachments: { id: string; filename: string; size: number; bytes: Buffer }[];
}

/** What the Jira sandbox knows and records. */
export interface JiraSandboxState {
  email: string;
  apiToken: string;
  projectKey: string;
  issueTypes: readonly string[];
  issues: JiraIssueRecord[];
  /** Every request: method, path, status and the headers that matter. */
  requests: { method: string; path: string; status: number; atlassianToken?: string }[];
  faults: HttpFaultPlan;
}

type Json = Record<string, unknown>;

const readRaw = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const parseJson = (raw: Buffer): Json | undefined => {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
};

const errorBody = (messages: string[], errors: Record<string, string> = {}) => ({ errorMessages: messages, errors });

type Answer = { status: number; body: unknown };

const JQL =
  /^project\s*=\s*"?([A-Za-z][A-Za-z0-9_]*)"?\s+AND\s+labels\s*=\s*"((?:[^"\\]|\\.)*)"(\s+ORDER BY created (ASC|DESC))?$/i;

const search = (body: Json | undefined, state: JiraSandboxState): Answer => {
  const match = typeof body?.jql === 'string' ? JQL.exec(body.jql.trim()) : null;
  if (match === null)
    return {
      status: 400,
      body: errorBody(['Error in the JQL Query: the sandbox understands \'project = KEY AND labels = "label"\'']),
    };
  const [, project = '', label = ''] = match;
  const max = typeof body?.maxResults === 'number' ? body.maxResults : 50;
  const issues = state.issues
    .filter(
      (i) => i.fields.project === project.toUpperCase() && i.fields.labels.includes(label.replace(/\\(.)/g, '$1')),
    )
    .slice(0, max)
    .map((i) => ({
      id: i.id,
      key: i.key,
      fields: {
        summary: i.fields.summary,
        labels: i.fields.labels,
        attachment: i.attachments.map(({ id, filename, size }) => ({ id, filename, size })),
      },
    }));
  return { status: 200, body: { issues, isLast: true } };
};

const createIssue = (body: Json | undefined, state: JiraSandboxState, baseUrl: string): Answer => {
  const fields = (body?.fields ?? {}) as Json;
  const errors: Record<string, string> = {};
  const project = (fields.project as Json | undefined)?.key;
  const issuetype = (fields.issuetype as Json | undefined)?.name;
  const { summary, labels, description } = fields;
  if (project !== state.projectKey) errors.project = 'valid project is required';
  if (typeof issuetype !== 'string' || !state.issueTypes.includes(issuetype))
    errors.issuetype = 'Specify a valid issue type';
  if (typeof summary !== 'string' || summary.trim() === '') errors.summary = 'You must specify a summary of the issue.';
  else if (summary.length > 255 || /[\r\n]/.test(summary))
    errors.summary = 'Summary must be less than 255 characters and one line.';
  if (
    labels !== undefined &&
    (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string' && l !== '' && !/\s/.test(l)))
  ) {
    errors.labels = 'Labels cannot contain spaces.';
  }
  const adfProblem = description === undefined ? undefined : validateAdf(description);
  if (adfProblem) errors.description = adfProblem;
  if (Object.keys(errors).length > 0) return { status: 400, body: errorBody([], errors) };
  const id = String(10000 + state.issues.length + 1);
  const key = `${state.projectKey}-${state.issues.length + 1}`;
  state.issues.push({
    id,
    key,
    fields: {
      project: state.projectKey,
      issuetype: String(issuetype),
      summary: String(summary),
      labels: (labels as string[]) ?? [],
      description,
    },
    attachments: [],
  });
  return { status: 201, body: { id, key, self: `${baseUrl}/rest/api/3/issue/${id}` } };
};

const attach = (req: IncomingMessage, raw: Buffer, key: string, state: JiraSandboxState, baseUrl: string): Answer => {
  if (req.headers['x-atlassian-token'] !== 'no-check') return { status: 403, body: 'XSRF check failed' };
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data'))
    return { status: 415, body: errorBody(['Unsupported Media Type']) };
  const issue = state.issues.find((i) => i.key === key);
  if (!issue)
    return { status: 404, body: errorBody(['Issue does not exist or you do not have permission to see it.']) };
  const files = parseMultipart(raw, contentType).filter((f) => f.field === 'file');
  if (files.length === 0) return { status: 400, body: errorBody(['No file part named "file"']) };
  const created = files.map((f) => {
    const record = {
      id: String(20000 + issue.attachments.length + 1),
      filename: f.filename,
      size: f.bytes.length,
      bytes: f.bytes,
    };
    issue.attachments.push(record);
    return {
      self: `${baseUrl}/rest/api/3/attachment/${record.id}`,
      id: record.id,
      filename: record.filename,
      size: record.size,
    };
  });
  return { status: 200, body: created };
};

/**
 * Answers Jira Cloud REST v3 like Jira: Basic auth (401 otherwise), `POST /rest/api/3/search/jql` (JQL by project
 * and label), `POST /rest/api/3/issue` (required project, issue type, one-line summary, labels without spaces, ADF
 * description), `POST /rest/api/3/issue/{key}/attachments` (multipart, `X-Atlassian-Token: no-check` or 403).
 * Injected faults answer first.
 */
export const handleJiraRequest = async (
  req: IncomingMessage,
  res: ServerResponse,
  state: JiraSandboxState,
  baseUrl: string,
) => {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const raw = await readRaw(req);
  const expected = `Basic ${Buffer.from(`${state.email}:${state.apiToken}`).toString('base64')}`;
  const attachment = /^\/rest\/api\/3\/issue\/([A-Z][A-Z0-9_]*-\d+)\/attachments$/.exec(path);
  const fault = state.faults.take();
  const answer: Answer & { headers?: Record<string, string> } = fault
    ? {
        status: fault.status,
        body: errorBody([fault.status === 429 ? 'Rate limit exceeded.' : 'Service unavailable']),
        ...(fault.retryAfterSeconds !== undefined
          ? { headers: { 'retry-after': String(fault.retryAfterSeconds) } }
          : {}),
      }
    : req.headers.authorization !== expected
      ? { status: 401, body: errorBody(['Client must be authenticated to access this resource.']) }
      : req.method !== 'POST'
        ? { status: 405, body: errorBody(['Method not allowed']) }
        : path === '/rest/api/3/search/jql'
          ? search(parseJson(raw), state)
          : path === '/rest/api/3/issue'
            ? createIssue(parseJson(raw), state, baseUrl)
            : attachment
              ? attach(req, raw, attachment[1] ?? '', state, baseUrl)
              : { status: 404, body: errorBody([`the sandbox does not serve ${path}`]) };
  const atlassianToken = req.headers['x-atlassian-token'];
  state.requests.push({
    method: req.method ?? '',
    path,
    status: answer.status,
    ...(typeof atlassianToken === 'string' ? { atlassianToken } : {}),
  });
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const type = typeof answer.body === 'string' ? 'text/plain' : 'application/json';
  res.writeHead(answer.status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...answer.headers });
  res.end(text);
};
