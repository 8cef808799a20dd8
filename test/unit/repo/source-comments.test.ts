import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Comments (and any other source text) must not send the reader to a document that is not in the repository: the
 * design notes, the style guide, the research notes, a numbered issue or section. They state the fact, or link a
 * public page. A `.md` file may be named only when the repository has it, and a Markdown link must resolve.
 */

const ROOT = join(__dirname, '..', '..', '..');
const SOURCE_FOLDERS = ['core', 'lambdas', 'cli', 'sandbox', 'infra', 'statemachines', 'test', 'scripts', 'ops'];
const SOURCE_FILE = /\.(ts|js|mjs|cjs|sh|py)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'cdk.out', 'output', 'dist', 'coverage', '.tmp', '.git']);
const THIS_FILE = relative(ROOT, __filename);

/** What points outside the repository, and how to say it instead. */
const POINTERS: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /\bissues? #?\d+/i, why: 'an issue number: say what the requirement is' },
  { pattern: /§/, why: 'a section of a document: state the fact' },
  { pattern: /\breference\/|\breference [A-Z]?\d|\breference [A-Z]\.\d/, why: 'the reference notes: state the fact' },
  { pattern: /\([A-Z]\.\d+(\.\d+)?\)/, why: 'a numbered section such as (A.5): state the fact' },
  { pattern: /\bPRD\b/, why: "the legacy tools' PRD: name the legacy tool or state the fact" },
];

/** `http(s)://…` is a public page, never a pointer (Slack's `…/reference/block-kit` included). */
const PUBLIC_URL = /\bhttps?:\/\/\S+/g;
const MD_MENTION = /[\w./-]*[\w-]\.md\b/g;
const MD_LINK = /\]\(([^)\s]+)\)/g;

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED_DIRS.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.isFile() ? [path] : [];
  });

const posix = (path: string): string => path.split(sep).join('/');

const sourceFiles = SOURCE_FOLDERS.filter((folder) => existsSync(join(ROOT, folder)))
  .flatMap((folder) => walk(join(ROOT, folder)))
  .filter((path) => SOURCE_FILE.test(path) && relative(ROOT, path) !== THIS_FILE);

const markdownFiles = [
  ...readdirSync(ROOT)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(ROOT, name)),
  ...SOURCE_FOLDERS.filter((folder) => existsSync(join(ROOT, folder)))
    .flatMap((folder) => walk(join(ROOT, folder)))
    .filter((path) => path.endsWith('.md')),
];
const markdownPaths = markdownFiles.map((path) => posix(relative(ROOT, path)));

/** A `.md` name is fine when a Markdown file of the repository ends with it (`README.md`, `ops/datadog/README.md`). */
const isRepoMarkdown = (mention: string): boolean => {
  const name = mention.replace(/^(\.\.?\/)+/, '');
  return markdownPaths.some((path) => path === name || path.endsWith(`/${name}`));
};

/** Every line of `text` that points outside the repository, as `name:line: why: text`. */
const pointersIn = (name: string, text: string): string[] =>
  text.split('\n').flatMap((line, index) => {
    const bare = line.replace(PUBLIC_URL, '');
    const found = POINTERS.filter(({ pattern }) => pattern.test(bare)).map(({ why }) => why);
    const missing = [...bare.matchAll(MD_MENTION)].map((m) => m[0]).filter((mention) => !isRepoMarkdown(mention));
    if (missing.length > 0) found.push(`${missing.join(', ')} is not in the repository: state the fact`);
    return found.map((why) => `${name}:${index + 1}: ${why}: ${line.trim()}`);
  });

const outsidePointers = (files: readonly string[]): string[] =>
  files.flatMap((file) => pointersIn(posix(relative(ROOT, file)), readFileSync(file, 'utf8')));

describe('source comments', () => {
  it('scan a real tree (the scanner sees the source folders)', () => {
    // Assert
    expect(sourceFiles.length).toBeGreaterThan(100);
    expect(sourceFiles.map((path) => posix(relative(ROOT, path)))).toContain('core/domain/keys.ts');
  });

  it('point at no document outside the repository (design notes, reference notes, issue numbers, sections)', () => {
    // Act
    const offences = outsidePointers(sourceFiles);

    // Assert
    expect(offences).toEqual([]);
  });

  it('are checked by a scanner that names file:line for each kind of pointer', () => {
    // Arrange: the kinds of pointer the source folders had, then lines that must pass
    const pointers = [
      '/** The execution input (DESIGN.md §4). */',
      ' * whose `Key` is the manifest (reference/aws.md §3.1).',
      '/** Default bound of traced resources per account (issue 9). */',
      ' * Walks the role chain back to its origin (reference A.4):',
      '/** One successful and one denied case per catalogue row (A.5). */',
      "/** The PRD's columns of the CSV. */",
      '# Needs apt (see toolchain.md).',
    ];
    const fine = [
      ' * @see https://api.slack.com/reference/block-kit/blocks',
      ' * Regenerated as described in README.md.',
      "  if (summary === '') errors.summary = 'You must specify a summary of the issue.';",
    ];

    // Act
    const offences = pointersIn('sample.ts', [...pointers, ...fine].join('\n'));

    // Assert
    const flagged = [...new Set(offences.map((offence) => offence.split(': ')[0]))];
    expect(flagged).toEqual(pointers.map((_, i) => `sample.ts:${i + 1}`));
    expect(offences[0]).toBe(
      'sample.ts:1: a section of a document: state the fact: /** The execution input (DESIGN.md §4). */',
    );
  });

  it('link only to files of the repository from Markdown', () => {
    // Act
    const broken = markdownFiles.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(MD_LINK)]
        .map((m) => m[1] ?? '')
        .filter((target) => !/^(https?:|mailto:|#)/.test(target))
        .filter((target) => !existsSync(join(dirname(file), target.split('#')[0] ?? '')))
        .map((target) => `${posix(relative(ROOT, file))}: ${target}`),
    );

    // Assert
    expect(markdownFiles.length).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });
});
