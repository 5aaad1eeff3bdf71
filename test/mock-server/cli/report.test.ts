import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../../mock-server/cli/io.ts';
import { main } from '../../../mock-server/cli/main.ts';
import { createMockApi, type MockServer } from '../../../mock-server/index.ts';
import { IntentIQ } from '../../../src/index.ts';

const CLI = fileURLToPath(new URL('../../../mock-server/cli/main.ts', import.meta.url));

function memoryIO(
  env: Record<string, string | undefined> = {},
  isTTY = false,
): CliIO & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    env,
    isTTY,
  };
}

// A workspace with a quarter behind it: two accounts scored in 2026-Q1, three in 2026-Q2.
const mock = createMockApi({ now: '2026-02-10T09:00:00Z' });
let server: MockServer;
let env: Record<string, string>;

beforeAll(async () => {
  const iiq = new IntentIQ({ apiKey: mock.keys.test, fetch: mock.fetch });
  for (const domain of ['stripe.com', 'notion.so']) await iiq.scores.create({ domain });
  await iiq.outcomes.create({ domain: 'stripe.com', outcome: 'contacted' });
  mock.clock.set('2026-05-28T14:02:11Z');
  for (const domain of ['stripe.com', 'linear.app', 'zendesk.com']) {
    await iiq.scores.create({ domain });
  }
  await iiq.outcomes.create({ domain: 'stripe.com', outcome: 'won' });
  await iiq.outcomes.create({ domain: 'linear.app', outcome: 'meeting_booked' });
  await iiq.outcomes.create({ domain: 'zendesk.com', outcome: 'no_response' });
  server = await mock.listen();
  env = { IIQ_API_KEY: mock.keys.test, IIQ_BASE_URL: server.url };
});
afterAll(() => server.close());

describe('iiq report', () => {
  it('prints the current quarter with bars and the signed trend', async () => {
    const io = memoryIO(env);
    expect(await main(['report'], io)).toBe(0);
    expect(io.lines).toEqual([
      'Pipeline report 2026-Q2  Apr 1 to Jun 30, 2026, generated 2026-05-28 14:02 UTC',
      '',
      'Accounts scored  3  +50.0% vs 2026-Q1',
      'Market demand    insufficient data',
      '',
      'Band distribution',
      '  HOT   █████████████░░░░░░░  2  66.7%',
      '  WARM  ░░░░░░░░░░░░░░░░░░░░  0   0.0%',
      '  COLD  ███████░░░░░░░░░░░░░  1  33.3%',
      '',
      'Outcomes  3 accounts tracked',
      '  contacted  66.7%   meeting  66.7%   opportunity  33.3%   won  33.3%',
      '',
      'Conversion by band',
      '             meeting                       won',
      '  HOT   (2)  ████████████████████ 100.0%   ██████████░░░░░░░░░░  50.0%',
      '  WARM  (0)  ░░░░░░░░░░░░░░░░░░░░   0.0%   ░░░░░░░░░░░░░░░░░░░░   0.0%',
      '  COLD  (1)  ░░░░░░░░░░░░░░░░░░░░   0.0%   ░░░░░░░░░░░░░░░░░░░░   0.0%',
      '',
      'Top accounts',
      '  stripe.com    94 HOT   +12  Stripe',
      '  linear.app    84 HOT   +11  Linear',
      '  zendesk.com   45 COLD   +1  Zendesk',
      '',
      'Top triggers',
      '  1  Added a CRM to the sales stack',
      '  1  Added a scheduling tool to the contact page',
      '  1  Analyst coverage of enterprise payments growth',
      '  1  Coverage of a growth-stage funding round',
      '  1  Coverage of a late-stage financing round',
      '  1  Coverage of a new product launch',
      '  1  Coverage of an AI agent product update',
      '  1  Developer conference keynote coverage',
      '  1  Employee tender offer coverage',
      '  1  Enterprise page traffic up 27% month over month',
    ]);
    expect(io.lines.join('\n')).not.toContain('\u001b[');
  });

  it('prints a past quarter with --period, and its trend as a minus or as nothing to compare', async () => {
    const io = memoryIO(env);
    expect(await main(['report', '--period', '2026-Q1'], io)).toBe(0);
    expect(io.lines.slice(0, 4)).toEqual([
      'Pipeline report 2026-Q1  Jan 1 to Mar 31, 2026, generated 2026-05-28 14:02 UTC',
      '',
      'Accounts scored  2  no accounts scored in 2025-Q4 to compare with',
      'Market demand    insufficient data',
    ]);
  });

  it('colours bands and the trend on a terminal, and never with NO_COLOR', async () => {
    const tty = memoryIO(env, true);
    await main(['report'], tty);
    expect(tty.lines[0]).toBe(
      '\u001b[1mPipeline report 2026-Q2\u001b[0m  Apr 1 to Jun 30, 2026, generated 2026-05-28 14:02 UTC',
    );
    expect(tty.lines[2]).toBe('Accounts scored  3  \u001b[32m+50.0% vs 2026-Q1\u001b[0m');
    expect(tty.lines[6]).toBe('  \u001b[31mHOT \u001b[0m  █████████████░░░░░░░  2  66.7%');
    const plain = memoryIO({ ...env, NO_COLOR: '1' }, true);
    await main(['report'], plain);
    expect(plain.lines.join('\n')).not.toContain('\u001b[');
    const forced = memoryIO({ ...env, FORCE_COLOR: '1' }, false);
    await main(['report'], forced);
    expect(forced.lines[2]).toContain('\u001b[32m');
  });

  it('prints the report as JSON with --json', async () => {
    const io = memoryIO(env);
    expect(await main(['report', '--json'], io)).toBe(0);
    expect(JSON.parse(io.lines.join('\n'))).toMatchObject({
      period: '2026-Q2',
      accounts_scored: { total: 3, trend_vs_prior: 50 },
      mode: 'test',
    });
  });

  it('refuses a malformed --period with a usage error, and a future one with the API’s', async () => {
    const bad = memoryIO(env);
    expect(await main(['report', '--period', '2026-q2'], bad)).toBe(2);
    expect(bad.errors).toEqual([
      'iiq: --period must be a quarter such as 2026-Q2, got 2026-q2',
      'Run iiq --help for usage.',
    ]);
    const future = memoryIO(env);
    expect(await main(['report', '--period', '2026-Q3'], future)).toBe(1);
    expect(future.errors[0]).toMatch(
      /^iiq: period 2026-Q3 has not begun: the API's clock reads 2026-05-28T14:02:11Z, in 2026-Q2\. \(400 invalid_request, request req_\w+\)$/,
    );
    expect(await main(['report', 'extra'], memoryIO(env))).toBe(2);
    expect(await main(['report', '--period'], memoryIO(env))).toBe(2);
  });

  it('says which plans have reports when the key’s workspace has none', async () => {
    const starter = mock.workspaces.create({ plan: 'starter' });
    const io = memoryIO({ ...env, IIQ_API_KEY: starter.keys.test });
    expect(await main(['report'], io)).toBe(1);
    expect(io.errors[0]).toMatch(
      /^iiq: Pipeline reports are part of the Team and Scale plans; this workspace is on Starter\. Upgrade the plan to use them\. \(403 plan_required, request req_\w+\)$/,
    );
  });

  it('shows a demo from a built-in mock without a key, readable when piped', async () => {
    const child = spawn(process.execPath, [CLI, 'report'], {
      env: {
        ...process.env,
        IIQ_API_KEY: undefined,
        IIQ_BASE_URL: undefined,
        FORCE_COLOR: undefined,
        NO_COLOR: undefined,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(
      /^Pipeline report \d{4}-Q[1-4] {2}\w{3} 1 to \w{3} \d\d, \d{4}, generated /,
    );
    expect(lines[2]).toMatch(/^Accounts scored {2}\d+ {2}[+-]\d+\.\d% vs \d{4}-Q[1-4]$/);
    expect(lines).toContain('Band distribution');
    expect(stdout).toContain(
      'Test mode: a demo workspace of the built-in mock. Set IIQ_API_KEY for your own report.',
    );
    expect(stdout).not.toContain('\u001b[');
  });
});
