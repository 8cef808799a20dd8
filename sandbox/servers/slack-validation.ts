/**
 * Block Kit validation as Slack does it for `chat.postMessage` and incoming webhooks: a message needs `text` or
 * `blocks`; at most 50 blocks; header plain_text ≤ 150; section text ≤ 3,000, ≤ 10 fields of ≤ 2,000; context ≤ 10
 * elements; actions ≤ 25 elements, button text plain_text ≤ 75 and url ≤ 3,000. Returns the Slack error code, or
 * `undefined` when the message is valid.
 */
export const validateSlackMessage = (body: Record<string, unknown>): string | undefined => {
  const { text, blocks } = body;
  if (blocks === undefined) return typeof text === 'string' && text.trim() !== '' ? undefined : 'no_text';
  if (!Array.isArray(blocks) || blocks.length === 0 || blocks.length > 50) return 'invalid_blocks';
  if (text !== undefined && typeof text !== 'string') return 'invalid_arguments';
  return blocks.every(validBlock) ? undefined : 'invalid_blocks';
};

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const textObject = (value: unknown, max: number, plainOnly = false): boolean =>
  isObject(value) &&
  (value.type === 'plain_text' || (!plainOnly && value.type === 'mrkdwn')) &&
  typeof value.text === 'string' &&
  value.text.length >= 1 &&
  value.text.length <= max;

const button = (value: unknown): boolean =>
  isObject(value) &&
  value.type === 'button' &&
  textObject(value.text, 75, true) &&
  (value.url === undefined ||
    (typeof value.url === 'string' && value.url.length <= 3000 && /^https?:\/\//.test(value.url)));

const validBlock = (block: unknown): boolean => {
  if (!isObject(block)) return false;
  switch (block.type) {
    case 'header':
      return textObject(block.text, 150, true);
    case 'section': {
      const fields = block.fields;
      if (block.text === undefined && fields === undefined) return false;
      if (block.text !== undefined && !textObject(block.text, 3000)) return false;
      return (
        fields === undefined ||
        (Array.isArray(fields) && fields.length >= 1 && fields.length <= 10 && fields.every((f) => textObject(f, 2000)))
      );
    }
    case 'context':
      return (
        Array.isArray(block.elements) &&
        block.elements.length >= 1 &&
        block.elements.length <= 10 &&
        block.elements.every((e) => textObject(e, 3000))
      );
    case 'divider':
      return true;
    case 'actions':
      return (
        Array.isArray(block.elements) &&
        block.elements.length >= 1 &&
        block.elements.length <= 25 &&
        block.elements.every(button)
      );
    default:
      return false;
  }
};
