/**
 * A rich-text document for a ticket description, in Atlassian Document Format (ADF: `{type:'doc', version:1,
 * content:[…]}`), which Jira Cloud stores natively. Builders live in `core/notify/jira-ticket.document.ts`.
 */
export interface TicketDocument {
  type: 'doc';
  version: 1;
  content: TicketNode[];
}

/** One ADF node: block nodes hold `content`, text nodes hold `text` and optional `marks` (strong, link…). */
export interface TicketNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TicketNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** A ticket to open. The project and the issue type are the tracker's configuration, not the caller's. */
export interface NewTicket {
  summary: string;
  /** Labels; no spaces (Jira refuses them). */
  labels: string[];
  description: TicketDocument;
}

/** An existing ticket, as far as notifications care. */
export interface Ticket {
  key: string;
  /** Browse link for people (`<base>/browse/<key>`). */
  url: string;
  /** File names of the ticket's attachments (to avoid attaching the same file twice). */
  attachmentNames: string[];
}

/**
 * The issue tracker (Jira Cloud). Adapters handle auth, retries of 429/5xx (bounded) and response validation, and
 * throw ThrottledError / ExternalServiceError / ConfigError (bad credentials, unknown project) without secrets.
 */
export interface TicketTracker {
  /** The first ticket carrying `label`, or `undefined`. */
  findByLabel(label: string): Promise<Ticket | undefined>;
  create(ticket: NewTicket): Promise<Ticket>;
  /** Attaches a file to the ticket `key`. */
  attach(key: string, fileName: string, bytes: Uint8Array): Promise<void>;
}
