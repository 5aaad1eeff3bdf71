/**
 * The SDK side of account intelligence, against the reference mock in-process: the new Score
 * fields and expansions, `prioritize.list`, `watchlists.accounts.list` with `band` and `sort`,
 * `bulk.createFromCsv` with every kind of file, and read keys (`PermissionDeniedError`).
 */
import { describe, expect, it } from 'vitest';
import { createMockApi } from '../../mock-server/index.ts';
import {
  AuthenticationError,
  IntentIQ,
  InvalidRequestError,
  PermissionDeniedError,
  RestrictedUseError,
  ValidationError,
} from '../../src/index.ts';
import { REFERENCE_SCORE } from '../support/reference-score.ts';

function setup(key?: string) {
  const mock = createMockApi();
  const iiq = new IntentIQ({
    apiKey: key ?? mock.keys.test,
    fetch: mock.fetch,
    retryJitter: () => 0,
    logLevel: 'off',
  });
  return { mock, iiq };
}

describe('scores', () => {
  it('carry the account intelligence, and the talk track and subject when asked', async () => {
    const { iiq } = setup();
    const score = await iiq.scores.create({
      domain: 'stripe.com',
      include: ['talk_track', 'email_subject'],
    });
    expect(score).toMatchObject({
      company: REFERENCE_SCORE.company,
      buying_stage: 'decision',
      urgency: 'act_now',
      why_now: REFERENCE_SCORE.why_now,
      key_triggers: REFERENCE_SCORE.key_triggers,
      decay_date: '2026-06-05T00:00:00Z',
      email_subject: "Quick question about Stripe's evaluation",
    });
    expect(score.talk_track?.split('\n')).toHaveLength(5);
  });

  it('refuses an expansion it does not know before sending', async () => {
    const { iiq, mock } = setup();
    const error = await iiq.scores
      .create({ domain: 'stripe.com', include: ['pitch' as 'talk_track'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(mock.requests.list()).toEqual([]);
  });
});

describe('prioritize.list', () => {
  it('iterates the accounts to work today, with band, urgency and watchlist filters', async () => {
    const { iiq } = setup();
    const list = await iiq.watchlists.create({
      name: 'Targets',
      accounts: ['airtable.com', 'stripe.com', 'notion.so', 'adyen.com'],
    });
    const all = await iiq.prioritize.list({ limit: 1 }).toArray({ max: 10 });
    expect(all.map((a) => [a.domain, a.priority])).toEqual([
      ['stripe.com', 96],
      ['notion.so', 80],
      ['adyen.com', 55],
      ['airtable.com', 21],
    ]);
    const hot = await iiq.prioritize
      .list({ watchlist_id: list.id, band: 'HOT', urgency: 'act_now' })
      .toArray({ max: 10 });
    expect(hot.map((a) => a.domain)).toEqual(['stripe.com', 'notion.so']);
    expect(hot[0]?.reasons[0]).toBe('Score 94 (HOT): +56');
  });

  it('refuses a filter it does not know before sending', async () => {
    const { iiq } = setup();
    const error = await iiq.prioritize
      .list({ urgency: 'yesterday' as 'act_now' })
      .toArray({ max: 1 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', field: 'urgency' });
  });
});

describe('watchlists.accounts.list', () => {
  it('passes band and sort to every page', async () => {
    const { iiq, mock } = setup();
    const list = await iiq.watchlists.create({
      name: 'Targets',
      accounts: ['airtable.com', 'stripe.com', 'linear.app', 'notion.so', 'adyen.com'],
    });
    const hot = await iiq.watchlists.accounts
      .list(list.id, { band: 'HOT', sort: 'score', limit: 1 })
      .toArray({ max: 10 });
    expect(hot.map((a) => [a.domain, a.score, a.urgency])).toEqual([
      ['stripe.com', 94, 'act_now'],
      ['linear.app', 84, 'act_now'],
      ['notion.so', 82, 'act_now'],
    ]);
    const pages = mock.requests.list({ path: `/watchlists/${list.id}/accounts` });
    expect(pages).toHaveLength(3);
    for (const page of pages) expect(page.query).toMatchObject({ band: 'HOT', sort: 'score' });
  });
});

describe('bulk.createFromCsv', () => {
  const CSV = 'company_name,domain\nStripe,stripe.com\nNotion,notion.so\nNobody,localhost\n';

  it.each([
    ['a string', () => CSV],
    ['a Blob', () => new Blob([CSV], { type: 'text/csv' })],
    ['a File', () => new File([CSV], 'crm-export.csv', { type: 'text/csv' })],
    ['a Uint8Array', () => new TextEncoder().encode(CSV)],
    [
      'a ReadableStream',
      () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            const bytes = new TextEncoder().encode(CSV);
            controller.enqueue(bytes.slice(0, 10));
            controller.enqueue(bytes.slice(10));
            controller.close();
          },
        }),
    ],
  ])('queues a job from %s', async (_, file) => {
    const { iiq, mock } = setup(undefined);
    const job = await iiq.bulk.createFromCsv(file(), { tag: 'crm', deferred: false });
    expect(job).toMatchObject({
      source: 'csv',
      tag: 'crm',
      domains_submitted: 2,
      rejected_rows: [
        {
          row: 3,
          value: 'localhost',
          message: 'domain must be a domain name such as "stripe.com"',
        },
      ],
    });
    mock.clock.advance('1m');
    const csv = await iiq.bulk.resultsCsv(job.id);
    expect(csv.split('\n')[1]).toMatch(/^stripe\.com,Stripe,scored,94,HOT/);
  });

  it('refuses a file over 1 MB, or of another type, before sending', async () => {
    const { iiq, mock } = setup();
    const big = `domain\n${'x'.repeat(1_048_576)}`;
    const error = await iiq.bulk.createFromCsv(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'file' });
    expect((error as Error).message).toBe(
      'file must be at most 1 MB (1048576 bytes), got 1048583; split it into files of at most 1,000 rows, or use bulk.scoreAll.',
    );
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(65_536));
      },
    });
    expect(await iiq.bulk.createFromCsv(stream).catch((e: unknown) => e)).toMatchObject({
      field: 'file',
    });
    const wrong = await iiq.bulk.createFromCsv(42 as unknown as string).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ field: 'file' });
    const tag = await iiq.bulk.createFromCsv(CSV, { tag: 't'.repeat(256) }).catch((e) => e);
    expect(tag).toMatchObject({ field: 'tag' });
    expect(mock.requests.list()).toEqual([]);
  });

  it('throws InvalidRequestError on file for a file the API cannot use', async () => {
    const { iiq } = setup();
    const error = await iiq.bulk
      .createFromCsv('name,website\nStripe,stripe.com\n')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', field: 'file' });
  });
});

describe('read keys', () => {
  it('read, and are refused writes with PermissionDeniedError, not RestrictedUseError', async () => {
    const mock = createMockApi();
    const iiq = new IntentIQ({ apiKey: mock.keys.read.test, fetch: mock.fetch, logLevel: 'off' });
    expect((await iiq.account.retrieve()).key).toEqual({
      mode: 'test',
      scope: 'read',
      last4: mock.keys.read.test.slice(-4),
    });
    const error = await iiq.scores.create({ domain: 'stripe.com' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).not.toBeInstanceOf(RestrictedUseError);
    expect(error).toMatchObject({ status: 403, code: 'insufficient_scope', attempts: 1 });
    expect((error as Error).message).toMatch(
      /^This API key is read-only \(scope read\); POST \/v1\/score needs a key with the write scope\. .* This key can only read: use a key with the write scope \(the apiKey option or IIQ_API_KEY\) for calls that change anything\. \(403 insufficient_scope, request req_[0-9A-Z]+\)$/,
    );
  });

  it('are refused with AuthenticationError once revoked', async () => {
    const mock = createMockApi();
    const { key } = mock.keys.create({ scope: 'read' });
    const iiq = new IntentIQ({ apiKey: key, fetch: mock.fetch, logLevel: 'off' });
    mock.keys.revoke(key);
    const error = await iiq.account.retrieve().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('was revoked');
    expect((error as Error).message).not.toContain(key);
  });
});
