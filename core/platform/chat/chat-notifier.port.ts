/**
 * A message for a chat channel: a plain-text fallback (shown in notifications and by clients that cannot render
 * layout) and layout blocks. The blocks follow Block Kit's layout model, which Slack renders natively; builders in
 * `core/notify/block-kit.ts` keep them within the service's limits.
 */
export interface ChatMessage {
  /** Fallback text: notifications, screen readers, clients without block support. */
  text: string;
  blocks: readonly ChatBlock[];
}

/** Plain or formatted (mrkdwn) text of a block. */
export interface ChatText {
  type: 'plain_text' | 'mrkdwn';
  text: string;
  emoji?: boolean;
}

/** A link button (opens `url`; no interactivity needed). */
export interface ChatLinkButton {
  type: 'button';
  text: ChatText & { type: 'plain_text' };
  url: string;
  action_id?: string;
  style?: 'primary' | 'danger';
}

/** The layout blocks the notifications use. */
export type ChatBlock =
  | { type: 'header'; text: ChatText & { type: 'plain_text' } }
  | { type: 'section'; text?: ChatText; fields?: ChatText[] }
  | { type: 'context'; elements: ChatText[] }
  | { type: 'divider' }
  | { type: 'actions'; elements: ChatLinkButton[] };

/** Where a posted message landed, when the service says (a webhook answers only "ok"). */
export interface PostedMessage {
  channel?: string;
  ts?: string;
}

/**
 * A chat channel (Slack). Adapters pace posts (at most one message per second per channel), honour 429 `Retry-After`,
 * retry 5xx with backoff a bounded number of times, and throw ThrottledError / ExternalServiceError otherwise. No
 * secret (webhook URL, token) ever appears in their errors or logs.
 */
export interface ChatNotifier {
  post(message: ChatMessage): Promise<PostedMessage>;
}
