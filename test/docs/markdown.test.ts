import { describe, expect, it } from 'vitest';
import { parseDocument } from './markdown.ts';

const doc = (...lines: string[]) => parseDocument(lines.join('\n'), 'guide.md');

describe('parseDocument', () => {
  it('takes every ts and js block as a snippet, named by the line of its fence', () => {
    const { snippets } = doc(
      '# Guide',
      '```ts',
      'const a: number = 1;',
      '```',
      '',
      '```javascript',
      'console.log(2);',
      '```',
    );
    expect(snippets.map(({ name, language, code }) => ({ name, language, code }))).toEqual([
      { name: 'guide.md:2', language: 'ts', code: 'const a: number = 1;' },
      { name: 'guide.md:6', language: 'js', code: 'console.log(2);' },
    ]);
  });

  it('leaves shell, JSON, output and unlabelled blocks alone', () => {
    const { snippets, skipped } = doc(
      '```sh',
      'npm test',
      '```',
      '```json',
      '{}',
      '```',
      '```',
      'out',
      '```',
    );
    expect(snippets).toEqual([]);
    expect(skipped).toEqual([]);
  });

  it('skips a block marked no-run, and says so', () => {
    const { snippets, skipped } = doc('```ts no-run', "import 'msw/browser';", '```');
    expect(snippets).toEqual([]);
    expect(skipped).toEqual(['guide.md:1']);
  });

  it('reads file= and throws= from the info string', () => {
    const [snippet] = doc('```ts file=src/app.ts throws=TypeError', 'x', '```').snippets;
    expect(snippet).toMatchObject({ file: 'src/app.ts', throws: 'TypeError' });
  });

  it('attaches hidden setup before and checks after a block, with blank lines between', () => {
    const [snippet] = doc(
      '<!-- setup',
      'const iiq = client();',
      '-->',
      '',
      '```ts',
      'await iiq.account.retrieve();',
      '```',
      '',
      '<!-- after',
      'check();',
      '-->',
    ).snippets;
    expect(snippet).toMatchObject({
      setup: 'const iiq = client();',
      code: 'await iiq.account.retrieve();',
      after: 'check();',
    });
  });

  it('collects hidden files wherever they are', () => {
    const { files, snippets } = doc('<!-- file=src/crm.ts', 'export const x = 1;', '-->', 'Text.');
    expect(files).toEqual([{ path: 'src/crm.ts', content: 'export const x = 1;', line: 1 }]);
    expect(snippets).toEqual([]);
  });

  it('runs a block that imports vitest as a test file', () => {
    const { snippets } = doc('```ts', "import { test } from 'vitest';", '```', '```ts', 'x', '```');
    expect(snippets.map((snippet) => snippet.isTest)).toEqual([true, false]);
  });

  it('takes longer fences and indented blocks as they are written', () => {
    const [snippet] = doc(
      '- step',
      '  ````ts',
      '  const a = 1;',
      '    nested();',
      '  ````',
    ).snippets;
    expect(snippet?.code).toBe('const a = 1;\n  nested();');
  });

  it('refuses a setup that is not followed by a block, an unclosed block or comment', () => {
    expect(() => doc('<!-- setup', 'x', '-->', 'Some text.', '```ts', 'y', '```')).toThrow(
      'guide.md:1: a <!-- setup --> comment must come right before a code block',
    );
    expect(() => doc('```ts', 'x')).toThrow('guide.md:1: this code block is never closed');
    expect(() => doc('<!-- after', 'x')).toThrow(
      'guide.md:1: this <!-- after comment is never closed',
    );
    expect(() => doc('Text.', '<!-- after', 'x', '-->')).toThrow(
      'guide.md:2: an <!-- after --> comment must follow a code block',
    );
  });

  it('refuses throws= on a test file', () => {
    expect(() => doc('```ts throws=Error', "import { test } from 'vitest';", '```')).toThrow(
      'a test file cannot be marked throws=',
    );
  });
});
