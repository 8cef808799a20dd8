import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LaceworkScenario } from '../lacework-scenario.schema';
import type { RunningServer } from './aws-server';
import { LaceworkFaultInjector } from './lacework-faults';
import {
  alertDetails,
  alerts,
  cloudAccounts,
  type LaceworkAnswer,
  lwError,
  policy,
  reportDefinitions,
  reports,
} from './lacework-routes';
import { LaceworkTokenRegistry } from './lacework-tokens';
import { listenOnLoopback } from './loopback';
import type { SandboxStats } from './stats';
import { readBody } from './wire';

/** What the Lacework server answers from. */
export interface LaceworkServerDeps {
  lacework: LaceworkScenario;
  stats: SandboxStats;
  /** Epoch ms; decides token expiry and the default alert window. */
  now: () => number;
}

const PREFIX = '/api/v2/';

/** The endpoint name counted in stats (`lacework.<Endpoint>`) and the path segments after it. */
const endpointOf = (method: string, segments: readonly string[]): string => {
  const [first = '', second] = segments;
  if (method === 'POST' && first === 'access' && second === 'tokens') return 'AccessTokens';
  if (first === 'Alerts' && second !== undefined && /^\d+$/.test(second)) return 'AlertDetails';
  return ['CloudAccounts', 'ReportDefinitions', 'Policies', 'Reports', 'Alerts'].includes(first) ? first : 'Unknown';
};

const send = (res: ServerResponse, answer: LaceworkAnswer, headers: Record<string, string> = {}): void => {
  if (answer.body === undefined) {
    res.writeHead(answer.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

const parseTokenRequest = (text: string): { keyId?: unknown; expiryTime?: unknown } | undefined => {
  try {
    const body: unknown = JSON.parse(text);
    return body !== null && typeof body === 'object' ? (body as { keyId?: unknown; expiryTime?: unknown }) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Starts a Lacework API v2 server on 127.0.0.1 (a free port), answering from the scenario's `lacework` section:
 * `POST access/tokens`, `GET CloudAccounts[/{type|guid}]`, `ReportDefinitions[/{guid}]`, `Policies/{id}`, `Reports`,
 * `Alerts` (paged, absolute `nextPage`), `Alerts/{id}?scope=Details`. Every call but the token one needs a token
 * (`Bearer <t>` or raw `<t>`); faults from `lacework.faults` apply first.
 */
export const startLaceworkServer = async (deps: LaceworkServerDeps): Promise<RunningServer> => {
  const { lacework, stats, now } = deps;
  const faults = new LaceworkFaultInjector(lacework.faults);
  const tokens = new LaceworkTokenRegistry(lacework.apiKey, lacework.tokenTtlSeconds, now);
  let baseUrl = '';

  const answer = async (req: IncomingMessage, url: URL, endpoint: string, segments: string[]) => {
    if (endpoint === 'AccessTokens') {
      const body = parseTokenRequest(await readBody(req));
      if (body === undefined) return { answer: lwError(400, 'expected a JSON body {keyId, expiryTime}') };
      const expiry = body.expiryTime ?? 3600;
      if (typeof expiry !== 'number' || !Number.isInteger(expiry) || expiry <= 0) {
        return { answer: lwError(400, 'expiryTime must be a positive number of seconds') };
      }
      const issued = faults.rejectKey ? undefined : tokens.issue(body.keyId, req.headers['x-lw-uaks'], expiry);
      return { answer: issued === undefined ? lwError(401, 'Invalid API key') : { status: 201, body: issued } };
    }
    const fault = faults.checkApiCall();
    if (fault !== undefined)
      return { answer: { status: fault.status, body: fault.body, code: fault.code }, headers: fault.headers };
    if (!tokens.accepts(req.headers.authorization)) return { answer: lwError(401, 'Unauthorized') };
    if (req.method !== 'GET') return { answer: lwError(405, `the sandbox serves GET only on ${url.pathname}`) };
    const [, second] = segments;
    switch (endpoint) {
      case 'CloudAccounts':
        return { answer: cloudAccounts(lacework, second) };
      case 'ReportDefinitions':
        return { answer: reportDefinitions(lacework, second) };
      case 'Policies':
        return { answer: policy(lacework, second) };
      case 'Reports':
        return { answer: reports(lacework, url.searchParams) };
      case 'AlertDetails':
        return { answer: alertDetails(lacework, Number(second), url.searchParams.get('scope')) };
      case 'Alerts': {
        const request = {
          query: url.searchParams,
          baseUrl,
          nowMs: now(),
          noContentWhenEmpty: faults.noContentWhenEmpty,
        };
        return { answer: alerts(lacework, second === undefined ? request : { ...request, pageToken: second }) };
      }
      default:
        return { answer: lwError(404, 'Not Found') };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', baseUrl);
    const segments = url.pathname.startsWith(PREFIX)
      ? url.pathname.slice(PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent)
      : [];
    const endpoint = endpointOf(req.method ?? 'GET', segments);
    stats.recordCall(`lacework.${endpoint}`);
    await faults.delay();
    const outage = faults.outage();
    const result = outage
      ? { answer: { status: outage.status, body: outage.body, code: outage.code } }
      : await answer(req, url, endpoint, segments);
    if (result.answer.code !== undefined) stats.recordError('lacework', endpoint, result.answer.code);
    send(res, result.answer, 'headers' in result ? result.headers : {});
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, lwError(500, String(error)));
    });
  });
  const running = await listenOnLoopback(server);
  baseUrl = running.url;
  return running;
};
