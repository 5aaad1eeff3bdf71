/**
 * `iiq webhooks listen`: end to end against a spawned `iiq mock`, and in-process for its options
 * and failures. Every wait is bounded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../../mock-server/cli/args.ts';
import type { CliIO } from '../../../mock-server/cli/io.ts';
import { main } from '../../../mock-server/cli/main.ts';
import { LISTEN_FLAGS, runListen } from '../../../mock-server/cli/webhooks-listen.ts';
import {
  createMockApi,
  type MockApiWithHandlers,
  type MockEvent,
} from '../../../mock-server/index.ts';
import { verifyWebhook } from '../../../src/webhooks/index.ts';
import { receiveOverHttp } from '../events/helpers.ts';

const CLI = fileURLToPath(new URL('../../../mock-server/cli/main.ts', import.meta.url));
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Polls `check` every 25 ms, for at most 5 s. */
async function eventually<T>(what: string, check: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function iiq(args: string[]) {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, IIQ_API_KEY: undefined, IIQ_BASE_URL: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  cleanups.push(() => child.exitCode === null && child.kill('SIGKILL'));
  const printed = (text: string) =>
    eventually(`"${text}" (stdout: ${stdout}; stderr: ${stderr})`, () =>
      stdout.includes(text) ? stdout : undefined,
    );
  return { child, exited, printed, stdout: () => stdout };
}

function memoryIO(env: Record<string, string | undefined> = {}) {
  const lines: string[] = [];
  const errors: string[] = [];
  const io: CliIO = { out: (line) => lines.push(line), err: (line) => errors.push(line), env };
  return { io, lines, errors };
}

describe('iiq webhooks listen, end to end', () => {
  it('forwards an event of a running iiq mock, signed with the secret it prints, one line per delivery', async () => {
    const mock = iiq(['mock', '--port', '0']);
    const banner = await mock.printed('Press Ctrl-C to stop.');
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(banner)?.[1] as string;
    const origin = new URL(url).origin;
    const receiver = await receiveOverHttp(() => 204);
    cleanups.push(receiver.close);

    const listener = iiq([
      'webhooks',
      'listen',
      '--forward-to',
      receiver.url,
      '--base-url',
      url,
      '--interval',
      '250',
    ]);
    const started = await listener.printed('Press Ctrl-C to stop.');
    const secret = /Webhook signing secret: (whsec_[0-9A-Za-z]{32})/.exec(started)?.[1] as string;
    expect(started).toContain(`IIQ_WEBHOOK_SECRET=${secret}`);
    const { live } = (await (await fetch(`${origin}/__mock/keys`)).json()) as { live: string };
    expect(started).toContain(`(key iiq_live_…${live.slice(-4)})`);
    expect(started).not.toContain(live);

    const trigger = await fetch(`${origin}/__mock/events/trigger`, {
      method: 'POST',
      body: JSON.stringify({ type: 'account.band_changed' }),
    });
    const event = (await trigger.json()) as MockEvent;
    const line = await listener.printed(`${event.id}  account.band_changed  -> 204 (`);
    expect(line).toMatch(
      new RegExp(
        `\\n\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  ${event.id}  account\\.band_changed  -> 204 \\(\\d+ ms\\)\\n`,
      ),
    );
    const [delivery] = receiver.received;
    const verified = await verifyWebhook({
      payload: delivery?.body ?? '',
      headers: delivery?.headers ?? {},
      secret,
    });
    const { mode: _, ...sent } = event;
    expect(verified).toEqual({ ...sent, delivery_attempt: 1 });
    expect(delivery?.headers['user-agent']).toBe('VesperWise-Webhook/1.0');

    listener.child.kill('SIGINT');
    expect(await listener.exited).toBe(0);
    expect(listener.stdout()).toMatch(/Stopped\.\n$/);
    mock.child.kill('SIGINT');
    expect(await mock.exited).toBe(0);
  });
});

describe('iiq webhooks listen', () => {
  async function start(
    extra: string[],
    options: {
      env?: Record<string, string | undefined>;
      before?: (api: MockApiWithHandlers) => void;
    } = {},
  ) {
    const api = createMockApi({ now: Date.now() });
    options.before?.(api);
    const server = await api.listen();
    cleanups.push(server.close);
    const receiver = await receiveOverHttp(() => 202);
    cleanups.push(receiver.close);
    const { io, lines, errors } = memoryIO(options.env);
    const controller = new AbortController();
    const argv = [
      '--forward-to',
      receiver.url,
      '--base-url',
      server.url,
      '--interval',
      '100',
      ...extra,
    ];
    const running = runListen(parseArgs(argv, LISTEN_FLAGS), io, controller.signal);
    cleanups.push(() => controller.abort());
    await eventually('the banner', () =>
      lines.includes('Press Ctrl-C to stop.') ? true : undefined,
    );
    return { api, server, receiver, lines, errors, running, stop: () => controller.abort() };
  }

  it('forwards only the types given with --events, from events newer than its start', async () => {
    const run = await start(['--events', 'account.band_changed,credits.low'], {
      before: (api) => api.events.trigger('account.band_changed'), // before it starts: not forwarded
    });
    run.api.events.trigger('signal.spike');
    const band = run.api.events.trigger('account.band_changed');
    await eventually('the band change', () =>
      run.receiver.received.length > 0 ? true : undefined,
    );
    run.stop();
    expect(await run.running).toBe(0);
    expect(run.receiver.received.map(({ body }) => JSON.parse(body).id)).toEqual([band.id]);
    expect(run.lines[0]).toBe(
      `Listening for account.band_changed, credits.low at ${run.server.url} (key iiq_live_…${run.api.keys.live.slice(-4)}),`,
    );
    expect(run.lines.filter((line) => line.includes(' -> '))).toEqual([
      expect.stringMatching(
        new RegExp(`  ${band.id}  account\\.band_changed  -> 202 \\(\\d+ ms\\)$`),
      ),
    ]);
    expect(run.lines.at(-1)).toBe('Stopped.');
  });

  it('prints why a delivery failed and keeps listening', async () => {
    const run = await start([]);
    await run.receiver.close();
    const event = run.api.events.trigger('credits.low');
    const line = await eventually('the failure line', () =>
      run.lines.find((candidate) => candidate.includes(event.id)),
    );
    expect(line).toMatch(/ credits\.low {2}-> error: ECONNREFUSED \(\d+ ms\)$/);
    run.stop();
    expect(await run.running).toBe(0);
  });

  it('uses the key given with IIQ_API_KEY, and forwards that key’s mode', async () => {
    const test = createMockApi().keys.test; // the same seed: the same keys
    const run = await start([], { env: { IIQ_API_KEY: test } });
    expect(run.lines[0]).toContain(`(key iiq_test_…${test.slice(-4)})`);
    const event = run.api.events.trigger('person.scored', {}, { mode: 'test' });
    await eventually('the test-mode event', () =>
      run.receiver.received.length > 0 ? true : undefined,
    );
    expect(JSON.parse(run.receiver.received[0]?.body ?? '{}').id).toBe(event.id);
    run.stop();
    expect(await run.running).toBe(0);
  });

  it('explains a missing or bad option and exits 2', async () => {
    const cases = [
      [
        [],
        'iiq: iiq webhooks listen needs --forward-to, e.g. --forward-to http://localhost:3000/webhooks',
      ],
      [
        ['--forward-to', 'localhost:3000'],
        'iiq: --forward-to must be an http(s) URL, got localhost:3000',
      ],
      [
        ['--forward-to', 'http://localhost:3000', '--base-url', 'api.intentiq.dev'],
        'iiq: --base-url must be an http(s) URL, got api.intentiq.dev',
      ],
      [
        ['--forward-to', 'http://localhost:3000', '--interval', '10'],
        'iiq: --interval must be a duration of at least 100 ms, e.g. 1s or 500, got 10',
      ],
      [
        ['--forward-to', 'http://localhost:3000', '--events', 'score.computed,score.deleted'],
        'iiq: --events takes event types separated by commas (score.computed, score.bulk.completed, account.band_changed, signal.spike, person.scored, credits.low, scoring.score_changed); unknown: score.deleted',
      ],
    ] as const;
    for (const [args, message] of cases) {
      const { io, errors } = memoryIO();
      expect(await main(['webhooks', 'listen', ...args], io)).toBe(2);
      expect(errors).toEqual([message, 'Run iiq --help for usage.']);
    }
    const { io, errors } = memoryIO();
    expect(await main(['webhooks', 'forward'], io)).toBe(2);
    expect(errors[0]).toBe(
      'iiq: unknown command "webhooks forward"; did you mean iiq webhooks listen?',
    );
  });

  it('asks for a key when there is none and no iiq mock to lend one', async () => {
    const { io, errors } = memoryIO();
    const args = ['webhooks', 'listen', '--forward-to', 'http://127.0.0.1:3000/webhooks'];
    expect(await main([...args, '--base-url', 'http://127.0.0.1:9/v1'], io)).toBe(2);
    expect(errors[0]).toBe(
      'iiq: no API key: set IIQ_API_KEY or pass --api-key (no iiq mock answered at http://127.0.0.1:9 to lend its live key)',
    );
  });

  it('stops with exit code 1 when the key is refused, without printing it', async () => {
    const api = createMockApi();
    const server = await api.listen();
    cleanups.push(server.close);
    api.revokeKey(api.keys.live);
    const { io, errors } = memoryIO({ IIQ_API_KEY: api.keys.live, IIQ_BASE_URL: server.url });
    expect(
      await main(['webhooks', 'listen', '--forward-to', 'http://127.0.0.1:3000/hook'], io),
    ).toBe(1);
    expect(errors[0]).toMatch(/^iiq: /);
    expect(errors.join('\n')).not.toContain(api.keys.live);
  });
});
