import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpFaultPlan } from './http-fault-plan';
import { validateSlackMessage } from './slack-validation';

/** A message the Slack sandbox accepted. */
export interface SlackReceived {
  via: 'webhook' | 'api';
  /** The channel of a `chat.postMessage`; webhooks post to the channel they were created for. */
  channel?: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
}

/** What the Slack sandbox knows and records. */
export interface SlackSandboxState {
  /** Incoming webhook path, e.g. `/services/T000/B000/XXXX`. */
  webhookPath: string;
  botToken: string;
  /** Accepted messages, in order. */
  received: SlackReceived[];
  /** Every request: route, HTTP status and the Slack error code, if any. */
  requests: { via: 'webhook' | 'api' | 'unknown'; status: number; error?: string }[];
  faults: HttpFaultPlan;
}

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown> | undefined> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

const send = (
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
};

let tsCounter = 0;
const nextTs = (): string => {
  tsCounter += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(tsCounter).padStart(6, '0')}`;
};

const answerWebhook = async (req: IncomingMessage, res: ServerResponse, state: SlackSandboxState) => {
  const body = await readJson(req);
  const error = body === undefined ? 'invalid_payload' : validateSlackMessage(body);
  state.requests.push({ via: 'webhook', status: error ? 400 : 200, ...(error ? { error } : {}) });
  if (error || body === undefined) return send(res, 400, error ?? 'invalid_payload', 'text/html');
  state.received.push({ via: 'webhook', ts: nextTs(), ...pickMessage(body) });
  send(res, 200, 'ok', 'text/html');
};

const answerPostMessage = async (req: IncomingMessage, res: ServerResponse, state: SlackSandboxState) => {
  const body = await readJson(req);
  const auth = req.headers.authorization;
  const error =
    auth === undefined
      ? 'not_authed'
      : auth !== `Bearer ${state.botToken}`
        ? 'invalid_auth'
        : body === undefined
          ? 'invalid_json'
          : typeof body.channel !== 'string' || body.channel === ''
            ? 'channel_not_found'
            : validateSlackMessage(body);
  state.requests.push({ via: 'api', status: 200, ...(error ? { error } : {}) });
  if (error || body === undefined) return send(res, 200, JSON.stringify({ ok: false, error }), 'application/json');
  const channel = String(body.channel);
  const ts = nextTs();
  state.received.push({ via: 'api', channel, ts, ...pickMessage(body) });
  send(res, 200, JSON.stringify({ ok: true, channel, ts, message: { text: body.text, ts } }), 'application/json');
};

const pickMessage = (body: Record<string, unknown>): Pick<SlackReceived, 'text' | 'blocks'> => ({
  ...(typeof body.text === 'string' ? { text: body.text } : {}),
  ...(Array.isArray(body.blocks) ? { blocks: body.blocks } : {}),
});

/**
 * Answers Slack's two ways in, like Slack: the incoming webhook (`POST <webhookPath>` → 200 `ok` or 400 with an
 * error code as text) and `POST /api/chat.postMessage` (bearer token; HTTP 200 `{ok:true, channel, ts}` or
 * `{ok:false, error}`). Injected faults answer first: 429 with `Retry-After`, or a 5xx.
 */
export const handleSlackRequest = async (req: IncomingMessage, res: ServerResponse, state: SlackSandboxState) => {
  const path = (req.url ?? '').split('?')[0];
  const via = path === state.webhookPath ? 'webhook' : path === '/api/chat.postMessage' ? 'api' : 'unknown';
  if (req.method !== 'POST' || via === 'unknown') {
    state.requests.push({ via: 'unknown', status: 404, error: 'no_service' });
    return send(res, 404, 'no_service', 'text/html');
  }
  const fault = state.faults.take();
  if (fault) {
    state.requests.push({
      via,
      status: fault.status,
      error: fault.status === 429 ? 'ratelimited' : 'service_unavailable',
    });
    req.resume();
    const headers: Record<string, string> =
      fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
    return send(
      res,
      fault.status,
      fault.status === 429 ? 'rate_limited' : 'service_unavailable',
      'text/plain',
      headers,
    );
  }
  return via === 'webhook' ? answerWebhook(req, res, state) : answerPostMessage(req, res, state);
};
