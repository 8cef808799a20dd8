type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** ADF node types the sandbox accepts (the ones a report description uses, and a few common ones). */
const BLOCK_NODES = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'blockquote',
  'rule',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'panel',
]);
const INLINE_NODES = new Set(['text', 'hardBreak', 'mention', 'emoji', 'inlineCard']);
const MARKS = new Set(['strong', 'em', 'code', 'link', 'strike', 'underline', 'textColor', 'subsup']);

const validNode = (node: unknown, path: string): string | undefined => {
  if (!isObject(node) || typeof node.type !== 'string') return `${path}: a node needs a string "type"`;
  if (node.type === 'text') {
    if (typeof node.text !== 'string' || node.text.length === 0) return `${path}: a text node needs non-empty "text"`;
    const marks = node.marks ?? [];
    if (!Array.isArray(marks) || !marks.every((m) => isObject(m) && typeof m.type === 'string' && MARKS.has(m.type))) {
      return `${path}: unknown mark`;
    }
    const link = marks.find((m) => (m as Json).type === 'link') as Json | undefined;
    if (link && (!isObject(link.attrs) || typeof link.attrs.href !== 'string'))
      return `${path}: a link mark needs attrs.href`;
    return undefined;
  }
  if (!BLOCK_NODES.has(node.type) && !INLINE_NODES.has(node.type)) return `${path}: unknown node type ${node.type}`;
  if (node.type === 'heading') {
    const level = isObject(node.attrs) ? node.attrs.level : undefined;
    if (typeof level !== 'number' || level < 1 || level > 6) return `${path}: heading needs attrs.level 1–6`;
  }
  if (node.content === undefined) return undefined;
  if (!Array.isArray(node.content)) return `${path}: "content" must be an array`;
  for (const [i, child] of node.content.entries()) {
    const problem = validNode(child, `${path}.content[${i}]`);
    if (problem) return problem;
  }
  return undefined;
};

/**
 * Structural check of an Atlassian Document Format document as Jira Cloud does it on create: the root is
 * `{type:'doc', version:1, content:[…]}`, every node has a known `type`, text nodes are non-empty, link marks carry
 * an href. Returns the problem, or `undefined` when valid.
 */
export const validateAdf = (doc: unknown): string | undefined => {
  if (!isObject(doc) || doc.type !== 'doc' || doc.version !== 1 || !Array.isArray(doc.content)) {
    return 'description: Operation value must be an Atlassian Document (see the Atlassian Document Format)';
  }
  for (const [i, node] of doc.content.entries()) {
    const problem = validNode(node, `description.content[${i}]`);
    if (problem) return problem;
  }
  return undefined;
};

/** One file part of a `multipart/form-data` body. */
export interface MultipartFile {
  field: string;
  filename: string;
  bytes: Buffer;
}

/** Reads the file parts of a `multipart/form-data` body (enough for Jira's attachment upload). */
export const parseMultipart = (body: Buffer, contentType: string): MultipartFile[] => {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary}`);
  const files: MultipartFile[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const field = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (field !== undefined && filename !== undefined) {
        files.push({ field, filename, bytes: Buffer.from(part.subarray(headerEnd + 4)) });
      }
    }
    start = next;
  }
  return files;
};
