import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An AWS error answer: the wire code (`__type` / `<Code>`), the message and the HTTP status. */
export class AwsFault extends Error {
  override name = 'AwsFault';
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** What the SigV4 `Authorization` header says about the caller. */
export interface SigV4Identity {
  accessKeyId: string;
  region: string;
  service: string;
}

const CREDENTIAL = /Credential=([^/\s,]+)\/\d{8}\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/;

/** Reads the access key and credential scope from a SigV4 `Authorization` header. */
export const parseSigV4 = (header: string | undefined): SigV4Identity | undefined => {
  const match = header === undefined ? null : CREDENTIAL.exec(header);
  if (match === null) return undefined;
  const [, accessKeyId = '', region = '', service = ''] = match;
  return { accessKeyId, region, service };
};

/** Reads the whole request body as text. */
export const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** Writes a JSON 1.1 answer. */
export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(text);
};

/** Writes a JSON 1.1 error: `{"__type": code, "message": ...}`. */
export const sendJsonFault = (res: ServerResponse, fault: AwsFault): void => {
  sendJson(res, fault.status, { __type: fault.code, message: fault.message });
};

/** Escapes text for an XML element. */
export const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes a query-protocol (STS) XML answer. */
export const sendXml = (res: ServerResponse, status: number, body: string): void => {
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(body);
};

/** Writes a query-protocol error: `<ErrorResponse><Error><Type>Sender</Type><Code>…`. */
export const sendXmlFault = (res: ServerResponse, fault: AwsFault): void => {
  const body =
    `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>` +
    `<Code>${xml(fault.code)}</Code><Message>${xml(fault.message)}</Message></Error>` +
    `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
  sendXml(res, fault.status, body);
};

/** Converts a scenario timestamp (ISO text or epoch seconds) to epoch seconds, as the JSON protocols send them. */
export const toEpochSeconds = (value: string | number): number =>
  typeof value === 'number' ? value : Date.parse(value) / 1000;

/** Parses a JSON request body, answering `SerializationException` like AWS when it is not an object. */
export const parseJsonBody = (text: string): Record<string, unknown> => {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the AWS answer below
  }
  throw new AwsFault('SerializationException', 'the request body is not a JSON object');
};
