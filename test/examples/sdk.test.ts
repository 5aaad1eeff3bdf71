/**
 * The SDK examples run as users run them (`node examples/<name>.ts`, importing the built package by
 * name) against the reference mock served over HTTP, and print real results.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../mock-server/doors/http.ts';
import { createMockApiCore } from '../../mock-server/mock-api.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

let server: MockServer;
let key: string;
let readKey: string;

beforeAll(async () => {
  if (!existsSync(`${root}/dist/index.js`)) {
    throw new Error('The examples import the built package: run `npm run build` first.');
  }
  // Real time, so that bulk jobs move on their own while the example polls them.
  const mock = createMockApiCore({ realtime: true });
  key = mock.keys.test;
  readKey = mock.keys.read.test;
  server = await mock.listen();
});

afterAll(async () => {
  await server?.close();
});

async function example(name: string, ...args: string[]): Promise<string> {
  return exampleWith(key, name, ...args);
}

async function exampleWith(apiKey: string, name: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [`examples/${name}.ts`, ...args], {
    cwd: root,
    env: { ...process.env, IIQ_BASE_URL: server.url, IIQ_API_KEY: apiKey, IIQ_LOG: 'off' },
    timeout: 20_000,
  });
  return stdout;
}

describe('examples', () => {
  it('score.ts prints the score, band, action and signals of a domain', async () => {
    const lines = (await example('score', 'https://www.stripe.com/atlas')).split('\n');
    expect(lines[0]).toBe('stripe.com: 94 (HOT), +12 over 30 days [cache miss]');
    expect(lines[1]).toBe('Action: Reference Series H. Anchor on RevOps.');
    expect(lines.slice(2, 7).map((line) => line.trim().split(/\s+/).slice(0, 2))).toEqual([
      ['funding', '96'],
      ['hiring', '88'],
      ['news', '92'],
      ['tech', '78'],
      ['web', '84'],
    ]);
  });

  it('score.ts explains an unscorable domain instead of crashing', async () => {
    expect(await example('score', 'unscorable.test')).toMatch(
      /^unscorable\.test cannot be scored: /,
    );
  });

  it('bulk.ts waits for the job, then reads its results and CSV', async () => {
    const output = await example('bulk');
    expect(output).toMatch(/^job_\w+ completed: 4 scored, 0 credits$/m);
    expect(output).toMatch(/^ {2}skipped unscorable\.test: /m);
    expect(output).toMatch(/^completed: 5\/5 processed$/m);
    for (const domain of ['stripe.com', 'notion.so', 'linear.app', 'figma.com']) {
      expect(output).toMatch(
        new RegExp(`^ {2}${domain.replace('.', '\\.')} +\\d+ (HOT|WARM|COLD)$`, 'm'),
      );
    }
    expect(output).toContain(
      'CSV: 5 rows, header domain,status,score,band,delta_30d,funding,hiring,news,tech,web,action,computed_at',
    );
  });

  it('intent-search.ts finds people interested in a product, ranked by fit, and scores the best', async () => {
    const output = await example('intent-search', 'gong.io', 'hubspot.com');
    expect(output).toMatch(/^search queued$/m);
    expect(output).toMatch(/^search completed$/m);
    expect(output).toMatch(/^isr_\w+ completed: 10 people for 0 credits$/m);
    const ranked = output.split('\n').filter((line) => line.startsWith('  #'));
    expect(ranked.map((line) => line.split(' ')[2])).toEqual(
      Array.from({ length: 10 }, (_, i) => `#${i + 1}`),
    );
    expect(ranked[0]).toBe('  #1 94 Rosa Haddad, Chief Revenue Officer at Atlassian');
    const scores = ranked.map((line) => Number(line.split(' ')[3]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(output).toContain(
      'scored Rosa Haddad (the same person): atlassian.com, intent score 72',
    );
    expect(output.match(/\(the same person\)/g)).toHaveLength(3);
  });

  it('intent-search.ts explains a failed search instead of crashing', async () => {
    const output = await example('intent-search', 'search-fails.test', 'hubspot.com');
    expect(output).toMatch(
      /^isr_\w+ failed: no_interest_signal: Nobody showed interest in products like search-fails\.test's/m,
    );
  });

  it('watchlists.ts creates, fills, reads and deletes a watchlist', async () => {
    const output = await example('watchlists');
    const id = /^created (wl_\w+) "Q3 expansion targets"$/m.exec(output)?.[1];
    expect(id).toBeDefined();
    expect(output).toContain('added linear.app, figma.com; 4 accounts');
    expect(output).toContain('removed notion.so; 3 accounts');
    expect(output).toMatch(/^bands: \d+ HOT, \d+ WARM, \d+ COLD, 0 unscored$/m);
    expect(output).toMatch(/^ {2}stripe\.com +94 HOT$/m);
    expect(output).toContain(`deleted ${id}`);
  });

  it('scoring-profiles.ts prints explained scores that add up, rule by rule', async () => {
    const output = await example('scoring-profiles');
    const id = /^profile (prf_\w+) "Mid-market fintech": 7 rules$/m.exec(output)?.[1];
    expect(id).toBeDefined();
    expect(output).toContain(
      [
        'stripe.com fit 91 (80 of 88 points, coverage 100%)',
        '  employee_count      8500 (1000+)             +25 of 25',
        '  has_recent_funding  true                     +15 of 15',
        '  industry            Payments infrastructure  +20 of 20',
        '  is_public           false                    +10 of 10',
        '  tech_stack          Salesforce               +10 of 18',
        'stripe.com urgency 100 (30 of 30 points, coverage 100%)',
        '  hiring              88 (75+)                 +10 of 10',
        '  intent_score        94 (80+)                 +20 of 20',
        'notion.so fit 51 (45 of 88 points, coverage 100%)',
      ].join('\n'),
    );
    expect(output).toContain(`deleted ${id}`);
  });

  it('pipeline-report.ts records outcomes over two quarters and prints the report', async () => {
    expect((await example('pipeline-report')).trim().split('\n')).toEqual([
      '2026-Q2: 13 accounts scored (+30.0% vs 2026-Q1)',
      'bands: 7 HOT, 2 WARM, 4 COLD',
      '8 tracked: contacted 75.0%, meeting 62.5%, won 12.5%',
      '  HOT  4 tracked, meeting 75.0%, won 25.0%',
      '  WARM 2 tracked, meeting 50.0%, won 0.0%',
      '  COLD 2 tracked, meeting 50.0%, won 0.0%',
      'market demand: stable',
      'top account: Stripe (stripe.com) 94 HOT',
      'top trigger: Coverage of a growth-stage funding round (4 accounts)',
      'cached: won 12.5%; regenerated: won 25.0%',
    ]);
  });

  it('intelligence.ts prints why now, the triggers, the stage and the talk track', async () => {
    const lines = (await example('intelligence', 'stripe.com')).trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Stripe, Inc. (stripe.com): 94 HOT',
      'Stage: decision, urgency: act_now',
      'Why now: Today: Pricing page traffic up 18% month over month (web), with 4 more strong signals in 30 days.',
    ]);
    expect(lines).toContain('  - Coverage of a late-stage financing round');
    expect(lines).toContain("Email subject: Quick question about Stripe's evaluation");
    expect(lines.at(-1)).toBe(
      '- **Ask:** Who signs off, and what would it take to decide this quarter?',
    );
  });

  it('prioritize.ts lists the accounts to work today, each once, with its reasons', async () => {
    const lines = (await example('prioritize')).trimEnd().split('\n');
    expect(lines[0]).toBe('Work these today:');
    expect(lines[1]).toBe(' 96  stripe.com    act_now    on 2 lists');
    expect(lines[2]).toBe(
      '     Score 94 (HOT): +56; Urgency act_now: +25; Up 12 points in 30 days (capped): +10; Strong evidence today: +5',
    );
    expect(
      lines.filter((line) => /^ {0,2}\d+ {2}\S/.test(line)).map((l) => l.split(/\s+/)[2]),
    ).toEqual(['stripe.com', 'notion.so', 'adyen.com', 'airtable.com']);
    expect(lines).toContain('Act now: stripe.com, notion.so');
    expect(lines.at(-1)).toBe('HOT on Expansion: stripe.com');
  });

  it('csv-upload.ts sends the CRM export, lists the rejected row and prints the results CSV', async () => {
    const lines = (await example('csv-upload')).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^job_\w+ from csv: 6 rows accepted$/);
    expect(lines[1]).toBe(
      '  rejected row 7 ("not a domain"): domain must be a domain name such as "stripe.com"',
    );
    expect(lines[2]).toBe('completed: 5 scored, 1 unscorable');
    expect(lines[3]).toBe(
      'domain,company_name,status,score,band,delta_30d,funding,hiring,news,tech,web,action,computed_at',
    );
    expect(lines[4]).toMatch(/^stripe\.com,"Stripe, Inc\.",scored,94,HOT,12,/);
    expect(lines[9]).toBe('unscorable.test,Parked domain,unscorable,,,,,,,,,,');
  });

  it('score-all.ts scores a generator of domains, one result per item', async () => {
    const output = await example('score-all');
    expect(output).toMatch(/^#0 stripe\.com +94 act_now$/m);
    expect(output).toMatch(/^#6 stripe\.com +94 act_now$/m);
    expect(output).toMatch(/^#7 unscorable\.test: unscorable, /m);
    expect(output).toContain(
      '#8 not a domain: invalid, must be a domain name such as "stripe.com"',
    );
    expect(output).toMatch(
      /^7 scored, 1 unscorable, 1 invalid in 1 job\(s\), [01] reused, 0 credits$/m,
    );
  });

  it('scoped-keys.ts reads with a read key and is refused writes', async () => {
    const lines = (await exampleWith(readKey, 'scoped-keys')).trimEnd().split('\n');
    expect(lines).toEqual([
      `Key …${readKey.slice(-4)}: test mode, read scope`,
      expect.stringMatching(/^Reads work: \d+ watchlists$/),
      'Writes are refused: 403 insufficient_scope',
    ]);
  });
});
