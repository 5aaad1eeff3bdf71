/**
 * Reads the code a user would copy out of a Markdown document, with the hidden lines that make it
 * run (see docs/CONTRIBUTING.md, "Code in the docs runs"):
 *
 * - every fenced `ts`, `typescript`, `js`, `javascript` or `mjs` block is a snippet, unless its info
 *   string says `no-run`; other fences (sh, json, output) are prose;
 * - `file=<path>` in the info string saves the snippet at that path of the document's scratch
 *   project, so that other snippets can import it;
 * - `throws=<ErrorName>` says that the block ends by throwing that error on purpose (to show it);
 * - an HTML comment `<!-- setup … -->` right before a block is run before it, `<!-- after … -->`
 *   right after it is run after it (checks, cleanup), in the same module;
 * - `<!-- file=<path> … -->` anywhere adds a hidden file to the project: a helper several snippets
 *   share, or a stand-in for a package the docs cannot install.
 */

export interface Snippet {
  /** Where the block starts: `README.md:54` (the line of its opening fence). */
  name: string;
  /** The line of the opening fence, 1-based. */
  line: number;
  /** `ts` or `js`: how the module is saved. */
  language: 'ts' | 'js';
  /** The path given with `file=`, if any. */
  file: string | undefined;
  /** The visible code. */
  code: string;
  /** Hidden lines run before the code, from a `<!-- setup -->` comment. */
  setup: string;
  /** Hidden lines run after the code, from an `<!-- after -->` comment. */
  after: string;
  /** Whether it uses vitest (`import … from 'vitest'`), and so runs as a test file. */
  isTest: boolean;
  /** `throws=<Name>`: the block ends by throwing this error on purpose, to show it. */
  throws: string | undefined;
}

export interface HiddenFile {
  path: string;
  content: string;
  line: number;
}

export interface Document {
  snippets: Snippet[];
  /** Blocks marked `no-run`, by name, so a run can say what it skipped. */
  skipped: string[];
  files: HiddenFile[];
}

const RUNNABLE: Record<string, 'ts' | 'js'> = {
  ts: 'ts',
  typescript: 'ts',
  js: 'js',
  javascript: 'js',
  mjs: 'js',
};

const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^`]*)$/;
const COMMENT_START = /^ {0,3}<!--\s*(setup|after|file=(\S+))\s*$/;
const VITEST_IMPORT = /\bfrom\s+['"]vitest['"]/;

interface Comment {
  kind: 'setup' | 'after' | 'file';
  path: string | undefined;
  content: string;
  line: number;
  /** The line after the comment's closing `-->`, 0-based. */
  end: number;
}

/** The snippets and hidden files of a Markdown document called `name` (e.g. `docs/webhooks.md`). */
export function parseDocument(markdown: string, name: string): Document {
  const lines = markdown.split(/\r?\n/);
  const snippets: Snippet[] = [];
  const skipped: string[] = [];
  const files: HiddenFile[] = [];
  let pendingSetup: Comment | undefined;
  let lastSnippet: { snippet: Snippet; end: number } | undefined;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const comment = readComment(lines, i, name);
    if (comment !== undefined) {
      if (comment.kind === 'file') {
        files.push({ path: comment.path as string, content: comment.content, line: comment.line });
      } else if (comment.kind === 'setup') {
        pendingSetup = comment;
      } else {
        if (lastSnippet === undefined || !onlyBlankBetween(lines, lastSnippet.end, i)) {
          throw new Error(`${name}:${i + 1}: an <!-- after --> comment must follow a code block`);
        }
        lastSnippet.snippet.after = comment.content;
      }
      i = comment.end - 1;
      continue;
    }

    const fence = OPENING_FENCE.exec(line);
    if (fence === null) continue;
    const [, indent = '', marker = '', info = ''] = fence;
    const end = closingFence(lines, i, marker);
    if (end < 0) throw new Error(`${name}:${i + 1}: this code block is never closed`);
    const words = info.trim().split(/\s+/);
    const language = RUNNABLE[(words[0] ?? '').toLowerCase()];
    const setup = pendingSetup;
    pendingSetup = undefined;
    if (setup !== undefined && !onlyBlankBetween(lines, setup.end, i)) {
      throw new Error(
        `${name}:${setup.line}: a <!-- setup --> comment must come right before a code block`,
      );
    }
    const block = {
      name: `${name}:${i + 1}`,
      body: dedent(lines.slice(i + 1, end), indent.length),
    };
    i = end;
    if (language === undefined) continue;
    if (words.includes('no-run')) {
      skipped.push(block.name);
      continue;
    }
    const file = option(words, 'file');
    const throws = option(words, 'throws');
    const snippet: Snippet = {
      name: block.name,
      line: Number(block.name.slice(name.length + 1)),
      language,
      file,
      code: block.body,
      setup: setup?.content ?? '',
      after: '',
      isTest: VITEST_IMPORT.test(block.body) || VITEST_IMPORT.test(setup?.content ?? ''),
      throws,
    };
    if (snippet.isTest && throws !== undefined) {
      throw new Error(
        `${block.name}: a test file cannot be marked throws=; assert the error in a test`,
      );
    }
    snippets.push(snippet);
    lastSnippet = { snippet, end: end + 1 };
  }
  if (pendingSetup !== undefined) {
    throw new Error(
      `${name}:${pendingSetup.line}: a <!-- setup --> comment must come right before a code block`,
    );
  }
  return { snippets, skipped, files };
}

/** The value of `name=value` among the info string's words. */
function option(words: string[], name: string): string | undefined {
  return words.find((word) => word.startsWith(`${name}=`))?.slice(name.length + 1);
}

function readComment(lines: string[], start: number, name: string): Comment | undefined {
  const match = COMMENT_START.exec(lines[start] as string);
  if (match === null) return undefined;
  const body: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '-->') {
      const [, word = '', path] = match;
      const kind = word.startsWith('file=') ? 'file' : (word as 'setup' | 'after');
      return { kind, path, content: body.join('\n'), line: start + 1, end: i + 1 };
    }
    body.push(line);
  }
  throw new Error(`${name}:${start + 1}: this <!-- ${match[1]} comment is never closed (-->)`);
}

function closingFence(lines: string[], open: number, marker: string): number {
  const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
  for (let i = open + 1; i < lines.length; i++) if (closing.test(lines[i] as string)) return i;
  return -1;
}

function onlyBlankBetween(lines: string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((lines[i] as string).trim() !== '') return false;
  return true;
}

function dedent(lines: string[], indent: number): string {
  return lines.map((line) => line.slice(Math.min(indent, line.search(/\S|$/)))).join('\n');
}
