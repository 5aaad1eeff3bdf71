/**
 * The code in README.md and docs/ runs, as a user would run it after copying it into a project:
 * each snippet is saved as a module of a scratch project for its document (under `.docs-run/`,
 * inside the repository so that `@vesperwise/node`, `/mock` and `/webhooks` resolve to the built
 * package), then run in a process of its own: `node` for a script, `vitest` for a snippet that
 * imports vitest. Its environment is that of a user who started `npx iiq mock` and exported what
 * it prints: `IIQ_BASE_URL` and `IIQ_API_KEY` point at a mock served over HTTP for this run.
 *
 * The conventions (what runs, hidden setup lines, `file=`, `no-run`) are in docs/CONTRIBUTING.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../mock-server/doors/http.ts';
import { createMockApiCore } from '../../mock-server/mock-api.ts';
import { runAsync } from '../../scripts/scratch.ts';
import { type Document, parseDocument, type Snippet } from './markdown.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = join(root, '.docs-run');
const SNIPPET_TIMEOUT_MS = 30_000;
/** Keeps every server a snippet starts on 127.0.0.1. */
const LOOPBACK = join(root, 'test/docs/loopback.ts');

/** README.md and every Markdown file under docs/, so that new documents are covered too. */
function documentPaths(): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.md'))
    .map((path) => `docs/${path.split('\\').join('/')}`)
    .sort();
  return ['README.md', ...docs];
}

interface Saved {
  snippet: Snippet;
  /** The module's path, relative to the document's project. */
  path: string;
  project: string;
}

const documents = documentPaths().map((path) => ({
  path,
  project: join(scratch, path.replace(/\.md$/, '').replaceAll('/', '-')),
  ...parseDocument(readFileSync(join(root, path), 'utf8'), path),
}));

function modulePath(snippet: Snippet): string {
  const extension = snippet.language === 'ts' ? 'ts' : 'js';
  if (snippet.file === undefined) {
    return `snippets/L${snippet.line}${snippet.isTest ? '.test' : ''}.${extension}`;
  }
  if (snippet.isTest && !/\.test\.[jt]s$/.test(snippet.file)) {
    throw new Error(`${snippet.name}: a snippet that uses vitest needs a file= ending in .test.ts`);
  }
  return snippet.file;
}

function save(document: Document & { project: string }): Saved[] {
  const write = (path: string, content: string) => {
    const target = join(document.project, path);
    if (relative(document.project, target).startsWith('..')) {
      throw new Error(`${path} is outside the document's project`);
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  };
  for (const file of document.files) write(file.path, `${file.content}\n`);
  return document.snippets.map((snippet) => {
    const path = modulePath(snippet);
    const header = `// ${snippet.name}: generated from the docs; edit the Markdown, not this file.`;
    write(path, [header, snippet.setup, snippet.code, snippet.after, ''].join('\n'));
    return { snippet, path, project: document.project };
  });
}

let server: MockServer;
let environment: NodeJS.ProcessEnv;
const saved = new Map<string, Saved>();

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/index.js'))) {
    throw new Error('The docs import the built package: run `npm run build` first.');
  }
  rmSync(scratch, { recursive: true, force: true });
  for (const document of documents) for (const s of save(document)) saved.set(s.snippet.name, s);
  // What `npx iiq mock` serves: the wall clock, so that bulk jobs finish while a snippet waits.
  const mock = createMockApiCore({ realtime: true, rateLimits: false });
  server = await mock.listen();
  environment = { ...process.env, IIQ_BASE_URL: server.url, IIQ_API_KEY: mock.keys.test };
  for (const name of Object.keys(environment)) {
    if (name.startsWith('VITEST') || name === 'IIQ_LOG') delete environment[name];
  }
  // Servers in the docs listen on PORT (default 3000); here, on a free port.
  environment.PORT = '0';
});

afterAll(async () => {
  await server?.close();
});

const run = (command: string, args: string[], cwd: string) =>
  runAsync(command, args, { cwd, env: environment, timeoutMs: SNIPPET_TIMEOUT_MS });

function failure(snippet: Snippet, project: string, path: string, output: string): string {
  return `${snippet.name} (saved as ${relative(root, join(project, path))}) failed:\n${output}`;
}

/** One vitest run for every snippet that is a test file; resolves with each file's report. */
let testRun: Promise<Map<string, string | null>> | undefined;
function runTestSnippets(): Promise<Map<string, string | null>> {
  testRun ??= (async () => {
    const report = join(scratch, 'vitest-report.json');
    const { output } = await run(
      process.execPath,
      [
        join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        join(root, 'test/docs/snippets.vitest.config.ts'),
        '--reporter=json',
        `--outputFile=${report}`,
      ],
      root,
    );
    if (!existsSync(report)) throw new Error(`vitest did not run the docs' tests:\n${output}`);
    const results = JSON.parse(readFileSync(report, 'utf8')) as {
      testResults: {
        name: string;
        status: string;
        message: string;
        assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
      }[];
    };
    const byFile = new Map<string, string | null>();
    for (const file of results.testResults) {
      const failed = file.assertionResults.filter((test) => test.status !== 'passed');
      const messages = [
        file.message,
        ...failed.map(
          (test) => `${test.fullName}: ${test.status}\n${test.failureMessages.join('\n')}`,
        ),
      ].filter(Boolean);
      const ran = file.assertionResults.length > 0;
      byFile.set(
        file.name,
        file.status === 'passed' && ran && failed.length === 0
          ? null
          : messages.join('\n') || 'no test ran',
      );
    }
    return byFile;
  })();
  return testRun;
}

for (const document of documents) {
  describe(document.path, () => {
    if (document.snippets.length === 0) {
      it('has no code to run', () => expect(document.snippets).toEqual([]));
    }
    for (const snippet of document.snippets) {
      it.concurrent(
        `${snippet.name}${snippet.file === undefined ? '' : ` (${snippet.file})`}`,
        async () => {
          const { path, project } = saved.get(snippet.name) as Saved;
          if (snippet.isTest) {
            const results = await runTestSnippets();
            const result = results.get(join(project, path));
            expect(
              result,
              failure(snippet, project, path, 'vitest did not report on it'),
            ).toBeDefined();
            if (result !== null) expect.fail(failure(snippet, project, path, result as string));
            return;
          }
          const { code, output } = await run(
            process.execPath,
            ['--import', LOOPBACK, path],
            project,
          );
          if (snippet.throws === undefined) {
            if (code !== 0)
              expect.fail(failure(snippet, project, path, output || `exit code ${code}`));
          } else if (code === 0 || !output.includes(`${snippet.throws}:`)) {
            expect.fail(
              failure(
                snippet,
                project,
                path,
                `expected it to throw ${snippet.throws}; it ${code === 0 ? 'ran to the end' : `failed otherwise:\n${output}`}`,
              ),
            );
          }
        },
        SNIPPET_TIMEOUT_MS + 10_000,
      );
    }
  });
}
