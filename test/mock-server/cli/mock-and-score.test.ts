import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../mock-server/cli/args.ts';
import type { CliIO } from '../../../mock-server/cli/io.ts';
import { main } from '../../../mock-server/cli/main.ts';
import { MOCK_FLAGS, runMock } from '../../../mock-server/cli/mock.ts';
import { createMockApi, type MockServer } from '../../../mock-server/index.ts';
import { STRIPE_SCORE, send } from '../helpers.ts';

const CLI = fileURLToPath(new URL('../../../mock-server/cli/main.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Runs `iiq` with the repository's node and collects its output. */
function iiq(args: string[], env: Record<string, string | undefined> = {}) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, IIQ_API_KEY: undefined, IIQ_BASE_URL: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = async (until: string) => {
    for (let i = 0; i < 200 && !stdout.includes(until); i++)
      await new Promise((r) => setTimeout(r, 25));
    if (!stdout.includes(until))
      throw new Error(`iiq never printed "${until}"; stdout: ${stdout}; stderr: ${stderr}`);
    return stdout;
  };
  return { child, exited, output, stderr: () => stderr, stdout: () => stdout };
}

function memoryIO(
  env: Record<string, string | undefined> = {},
): CliIO & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line), env };
}

describe('iiq mock', () => {
  it('prints the base URL and keys, answers curl-style requests, and stops cleanly on Ctrl-C', async () => {
    const run = iiq(['mock', '--port', '0']);
    const printed = await run.output('Press Ctrl-C to stop.');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(printed)?.[1] as string;
    const key = /test {2}(iiq_test_\S+)/.exec(printed)?.[1] as string;
    expect(printed).toContain(`export IIQ_BASE_URL=${url}`);
    expect(printed).toContain(`export IIQ_API_KEY=${key}`);
    const readKey = /Read-only keys[^\n]*\n {2}test {2}(iiq_test_\S+)/.exec(printed)?.[1] as string;
    expect(readKey).toMatch(/^iiq_test_mock/);
    expect(readKey).not.toBe(key);
    const reply = await send(fetch, `${url}/score`, 'POST', { domain: 'stripe.com' }, { key });
    expect(reply.status).toBe(200);
    // The clock follows the wall clock: the times differ from the reference's.
    const { id: _, computed_at: __, decay_date: ____, ...score } = reply.body;
    const { computed_at: ___, decay_date: _____, ...expected } = STRIPE_SCORE;
    expect(score).toEqual({ ...expected, mode: 'test' });
    const read = await send(fetch, `${url}/account`, 'GET', undefined, { key: readKey });
    expect(read.body.key).toEqual({ mode: 'test', scope: 'read', last4: readKey.slice(-4) });
    const refused = await send(fetch, `${url}/score`, 'POST', { domain: 'x' }, { key: readKey });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('insufficient_scope');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('accepts loopback webhook URLs only with --allow-loopback-webhooks', async () => {
    const endpoint = { url: 'http://127.0.0.1:47401/webhooks', events: ['signal.spike'] };
    for (const [flags, status] of [
      [[], 400],
      [['--allow-loopback-webhooks'], 201],
    ] as const) {
      const io = memoryIO();
      const stop = await runMock(parseArgs(['--port', '0', ...flags], MOCK_FLAGS), io);
      try {
        const url = /listening on (\S+)/.exec(io.lines[0] ?? '')?.[1] as string;
        const key = /live {2}(iiq_live_\S+)/.exec(io.lines.join('\n'))?.[1] as string;
        const reply = await send(fetch, `${url}/webhook_endpoints`, 'POST', endpoint, { key });
        expect(reply.status).toBe(status);
        expect(io.lines.some((line) => line.startsWith('Webhooks: delivered to loopback'))).toBe(
          status === 201,
        );
      } finally {
        await stop();
      }
    }
  });

  it('refuses a bad option with a usage error', async () => {
    const io = memoryIO();
    expect(await main(['mock', '--plan', 'gold'], io)).toBe(2);
    expect(io.errors).toEqual([
      'iiq: --plan must be starter, team or scale, got gold',
      'Run iiq --help for usage.',
    ]);
  });

  it.each(['2026-05-28 14:00', '-5'])(
    'refuses --now %j the way the clock does, with a usage error',
    async (now) => {
      const io = memoryIO();
      expect(await main(['mock', '--now', now], io)).toBe(2);
      expect(io.errors).toEqual([
        `iiq: --now: "${now}" is not a valid date: write ISO 8601, such as 2026-05-28T14:02:11Z (a time needs Z or an offset)`,
        'Run iiq --help for usage.',
      ]);
    },
  );
});

describe('iiq score', () => {
  it('scores against an embedded mock in test mode when no key is set', async () => {
    const run = iiq(['score', 'stripe.com']);
    expect(await run.exited).toBe(0);
    const lines = run.stdout().split('\n');
    expect(lines[0]).toBe('stripe.com  94 HOT  +12 over 30 days');
    expect(lines).toContain('  funding  ███████████████████░  96');
    expect(lines).toContain('  Action: Reference Series H. Anchor on RevOps.');
    expect(run.stdout()).toContain('Test mode: answered by the built-in mock.');
  });

  it('prints the raw JSON with --json', async () => {
    const io = memoryIO();
    expect(await main(['score', 'https://www.stripe.com/atlas', '--json'], io)).toBe(0);
    expect(JSON.parse(io.lines.join('\n'))).toMatchObject({
      domain: 'stripe.com',
      score: 94,
      mode: 'test',
    });
  });

  it('uses the API at IIQ_BASE_URL with IIQ_API_KEY when a key is set', async () => {
    const mock = createMockApi();
    const server: MockServer = await mock.listen();
    try {
      const io = memoryIO({ IIQ_API_KEY: mock.keys.live, IIQ_BASE_URL: server.url });
      expect(await main(['score', 'notion.so'], io)).toBe(0);
      expect(io.lines[0]).toMatch(/^notion\.so {2}\d+ /);
      expect(io.lines.join('\n')).not.toContain('Test mode');
      expect(mock.credits.get().used).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('explains an unscorable domain and exits 1', async () => {
    const io = memoryIO();
    expect(await main(['score', 'unscorable.test'], io)).toBe(1);
    expect(io.errors[0]).toMatch(/^iiq: unscorable\.test has no usable signal surface/);
  });

  it('asks for a domain when none is given', async () => {
    const io = memoryIO();
    expect(await main(['score'], io)).toBe(2);
    expect(io.errors[0]).toBe('iiq: iiq score needs a domain, e.g. iiq score stripe.com');
  });
});

describe('iiq', () => {
  it('prints the help with --help', async () => {
    const io = memoryIO();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.lines[0]).toContain('iiq: the IntentIQ command line');
    expect(io.lines[0]).toContain('iiq mock [options]');
  });

  it('refuses an unknown command', async () => {
    const io = memoryIO();
    expect(await main(['deploy'], io)).toBe(2);
    expect(io.errors[0]).toBe('iiq: unknown command "deploy"');
  });
});
