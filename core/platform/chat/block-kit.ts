import type { ChatBlock, ChatLinkButton, ChatText } from './chat-notifier.port';

/**
 * Block Kit limits that Slack enforces (a message breaking one is refused with `invalid_blocks`).
 * @see https://api.slack.com/reference/block-kit/blocks
 */
export const BLOCK_KIT_LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonUrl: 3000,
  /** The top-level `text`: Slack truncates over 40,000; we stay far below. */
  fallbackText: 4000,
} as const;

/**
 * Cuts `text` to at most `max` UTF-16 units, ending with `…` when cut, never splitting a surrogate pair (an emoji or
 * a CJK extension character in an account name must not become invalid UTF-16).
 */
export const truncate = (text: string, max: number): string => {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
};

/** Escapes the three characters Slack's mrkdwn reserves (`&`, `<`, `>`), for names and errors from the data. */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const mrkdwn = (text: string, max: number): ChatText => ({ type: 'mrkdwn', text: truncate(text, max) });

/** A header block (plain text, ≤ 150 chars). */
export const header = (text: string): ChatBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, BLOCK_KIT_LIMITS.headerText), emoji: true },
});

/** A section block of mrkdwn text (≤ 3,000 chars). */
export const section = (text: string): ChatBlock => ({
  type: 'section',
  text: mrkdwn(text, BLOCK_KIT_LIMITS.sectionText),
});

/** A section of two-column fields (≤ 10 fields, each ≤ 2,000 chars). */
export const fields = (texts: readonly string[]): ChatBlock => ({
  type: 'section',
  fields: texts.slice(0, BLOCK_KIT_LIMITS.fieldsPerSection).map((t) => mrkdwn(t, BLOCK_KIT_LIMITS.fieldText)),
});

/** A context block of small mrkdwn lines (≤ 10 elements). */
export const context = (texts: readonly string[]): ChatBlock => ({
  type: 'context',
  elements: texts.slice(0, BLOCK_KIT_LIMITS.contextElements).map((t) => mrkdwn(t, BLOCK_KIT_LIMITS.sectionText)),
});

/** A divider. */
export const divider = (): ChatBlock => ({ type: 'divider' });

/** A link button; `undefined` when the URL is too long for Slack (callers then fall back to text). */
export const linkButton = (
  label: string,
  url: string,
  actionId: string,
  style?: ChatLinkButton['style'],
): ChatLinkButton | undefined => {
  if (url.length > BLOCK_KIT_LIMITS.buttonUrl) return undefined;
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(label, BLOCK_KIT_LIMITS.buttonText), emoji: true },
    url,
    action_id: actionId,
    ...(style ? { style } : {}),
  };
};

/** An actions block of link buttons (≤ 25), or nothing when there is none. */
export const actions = (buttons: readonly (ChatLinkButton | undefined)[]): ChatBlock[] => {
  const elements = buttons
    .filter((b): b is ChatLinkButton => b !== undefined)
    .slice(0, BLOCK_KIT_LIMITS.actionsElements);
  return elements.length > 0 ? [{ type: 'actions', elements }] : [];
};

/** Keeps a message within 50 blocks: the first 49 and a context line saying how many were left out. */
export const limitBlocks = (blocks: readonly ChatBlock[]): ChatBlock[] => {
  const max = BLOCK_KIT_LIMITS.blocksPerMessage;
  if (blocks.length <= max) return [...blocks];
  return [...blocks.slice(0, max - 1), context([`${blocks.length - (max - 1)} more blocks left out`])];
};
