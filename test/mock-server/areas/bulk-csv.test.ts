/**
 * Bulk jobs from a CSV file (`multipart/form-data` on `POST /v1/score/bulk`): what a CRM export
 * looks like, and every way a file can be wrong, each with its exact status, code and field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApi, type MockServer } from '../../../mock-server/index.ts';
import { type Api, mockApi } from '../helpers.ts';

interface Upload {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: the assertions check the body
  body: any;
}

/** Sends a CSV file (and form fields) as `multipart/form-data`, the way a browser form does. */
async function upload(
  api: Api,
  file: string | Uint8Array,
  fields: Record<string, string> = {},
  options: { key?: string; headers?: Record<string, string> } = {},
): Promise<Upload> {
  const form = new FormData();
  form.append('file', new Blob([file], { type: 'text/csv' }), 'companies.csv');
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await api.mock.fetch(`${api.mock.baseUrl}/score/bulk`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${options.key ?? api.mock.keys.test}`, ...options.headers },
    body: form,
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

function refusedOnFile(reply: Upload, message: string | RegExp): void {
  expect(reply.status).toBe(400);
  expect(reply.body.error).toMatchObject({
    type: 'invalid_request_error',
    code: 'invalid_request',
    field: 'file',
  });
  expect(reply.body.error.message).toMatch(message);
}

const rows = (count: number) =>
  ['domain', ...Array.from({ length: count }, (_, i) => `company-${i}.com`)].join('\n');

describe('POST /v1/score/bulk with a CSV file', () => {
  it('queues a job from the domain column, with source csv and the rows it rejected', async () => {
    const api = mockApi();
    const reply = await upload(
      api,
      'Company_Name,Domain\nStripe,https://www.stripe.com/\nNotion,notion.so\nNobody,not a domain\nStripe again,STRIPE.com\n',
      { tag: 'crm-export' },
      { key: api.mock.keys.live },
    );
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({
      source: 'csv',
      status: 'queued',
      tag: 'crm-export',
      deferred: false,
      domains_submitted: 3,
      progress: { total: 2, processed: 0 },
      credits_charged: 2,
      rejected_rows: [
        {
          row: 3,
          value: 'not a domain',
          message: 'domain must be a domain name such as "stripe.com"',
        },
      ],
    });
    expect(api.mock.credits.get().used).toBe(2);
  });

  it('carries company_name into the results CSV, after domain', async () => {
    const api = mockApi();
    const reply = await upload(
      api,
      'domain,company_name\nstripe.com,"Stripe, Inc."\nunscorable.test,Parked\n',
    );
    api.mock.clock.advance('1m');
    const csv = await api.get(`/score/bulk/${reply.body.id}/results?format=csv`);
    expect(csv.text.split('\n').slice(0, 3)).toEqual([
      'domain,company_name,status,score,band,delta_30d,funding,hiring,news,tech,web,action,computed_at',
      'stripe.com,"Stripe, Inc.",scored,94,HOT,12,96,88,92,78,84,Reference Series H. Anchor on RevOps.,2026-05-28T14:02:14Z',
      'unscorable.test,Parked,unscorable,,,,,,,,,,',
    ]);
  });

  it('leaves the results CSV as it is when the file has no company_name', async () => {
    const api = mockApi();
    const reply = await upload(api, 'Domain\nstripe.com\n');
    api.mock.clock.advance('1m');
    const csv = await api.get(`/score/bulk/${reply.body.id}/results?format=csv`);
    expect(csv.text.split('\n')[0]).toBe(
      'domain,status,score,band,delta_30d,funding,hiring,news,tech,web,action,computed_at',
    );
  });

  it('reads a byte order mark, and deferred as a form field (half the credits)', async () => {
    const api = mockApi();
    const reply = await upload(
      api,
      '\uFEFFdomain\nstripe.com\nnotion.so\nlinear.app\n',
      { deferred: 'true' },
      { key: api.mock.keys.live },
    );
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ deferred: true, credits_charged: 2, domains_submitted: 3 });
  });

  it('accepts mixed line endings (CRLF, LF and CR in one file)', async () => {
    const api = mockApi();
    const reply = await upload(api, 'domain\r\nstripe.com\nnotion.so\rlinear.app\r\n');
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ domains_submitted: 3, rejected_rows: [] });
  });

  it('keeps a quoted line break inside a field: one row, not two', async () => {
    const api = mockApi();
    const reply = await upload(
      api,
      'company_name,domain\n"Stripe\nPayments",stripe.com\nBroken,"notion.so\nextra"\nLinear,linear.app\n',
    );
    expect(reply.status).toBe(202);
    expect(reply.body.domains_submitted).toBe(2);
    expect(reply.body.rejected_rows).toEqual([
      {
        row: 2,
        value: 'notion.so\nextra',
        message: 'domain "notion.soextra" does not end in a public top-level domain',
      },
    ]);
    api.mock.clock.advance('1m');
    const csv = await api.get(`/score/bulk/${reply.body.id}/results?format=csv`);
    expect(csv.text).toContain('stripe.com,"Stripe\nPayments",scored,94');
  });

  it('replays the same upload (any boundary) for the same Idempotency-Key', async () => {
    const api = mockApi();
    const headers = { 'Idempotency-Key': 'crm-upload-1' };
    const first = await upload(api, 'domain\nstripe.com\n', {}, { headers });
    const again = await upload(api, 'domain\nstripe.com\n', {}, { headers });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const other = await upload(api, 'domain\nnotion.so\n', {}, { headers });
    expect(other.status).toBe(409);
  });

  it('takes up to 1,000 data rows', async () => {
    const reply = await upload(mockApi(), rows(1000));
    expect(reply.status).toBe(202);
    expect(reply.body.domains_submitted).toBe(1000);
  });
});

describe('POST /v1/score/bulk with a CSV file that cannot be used', () => {
  it('refuses a file without a domain column', async () => {
    refusedOnFile(
      await upload(mockApi(), 'company_name,website\nStripe,stripe.com\n'),
      'The header row has no "domain" column (any case). Name the column of domains "domain"; a "company_name" column is optional.',
    );
  });

  it('refuses an empty file', async () => {
    refusedOnFile(
      await upload(mockApi(), ''),
      'The file is empty: send a CSV file with a header row.',
    );
    refusedOnFile(await upload(mockApi(), '\uFEFF \r\n\n'), 'The file is empty');
  });

  it('refuses a binary file', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0xff, 0xfe, 0x00]);
    refusedOnFile(
      await upload(mockApi(), zip),
      'The file is not UTF-8 text: it looks binary (a spreadsheet, an archive, UTF-16 text). Export it as "CSV UTF-8".',
    );
    const utf16 = new Uint8Array([...'domain\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    refusedOnFile(await upload(mockApi(), utf16), /^The file is not UTF-8 text/);
  });

  it('refuses 1,001 data rows', async () => {
    refusedOnFile(
      await upload(mockApi(), rows(1001)),
      'The file has more than 1,000 data rows. Split it into files of at most 1,000 rows, or use bulk.scoreAll in the SDK (or iiq bulk), which splits it for you.',
    );
  });

  it('refuses a row with 10,000 columns', async () => {
    const wide = `domain,company_name\nstripe.com,Stripe\n${'x,'.repeat(9_999)}x\n`;
    refusedOnFile(
      await upload(mockApi(), wide),
      "A row on line 3 has 10,000 fields; the header has 2. Every row needs the header's columns.",
    );
  });

  it('refuses a header of more than 100 columns', async () => {
    const header = Array.from({ length: 101 }, (_, i) => (i === 0 ? 'domain' : `c${i}`)).join(',');
    refusedOnFile(
      await upload(mockApi(), `${header}\n`),
      'The header row has 101 columns; a file may have at most 100.',
    );
  });

  it('refuses a file over 1 MB', async () => {
    const big = `domain\n${'stripe.com\n'.repeat(100_000)}`;
    expect(big.length).toBeGreaterThan(1_048_576);
    refusedOnFile(await upload(mockApi(), big), /^The request body is larger than 1048576 bytes/);
  });

  it('refuses a quote that is never closed', async () => {
    refusedOnFile(
      await upload(mockApi(), 'domain\n"stripe.com\nnotion.so\n'),
      'A quoted field is never closed: every opening " needs a closing ".',
    );
  });

  it('refuses a file without a single valid domain, and a header without rows', async () => {
    refusedOnFile(
      await upload(mockApi(), 'domain\nlocalhost\n10.0.0.1\n'),
      /^None of the 2 rows has a valid domain/,
    );
    refusedOnFile(
      await upload(mockApi(), 'domain\n'),
      'The file has a header row but no data rows.',
    );
  });

  it('names the form field at fault', async () => {
    const api = mockApi();
    const deferred = await upload(api, 'domain\nstripe.com\n', { deferred: 'maybe' });
    expect(deferred.status).toBe(400);
    expect(deferred.body.error).toMatchObject({ code: 'invalid_request', field: 'deferred' });
    const unknown = await upload(api, 'domain\nstripe.com\n', { domains: 'stripe.com' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('domains');
    const tag = await upload(api, 'domain\nstripe.com\n', { tag: 't'.repeat(256) });
    expect(tag.body.error.field).toBe('tag');
    const form = new FormData();
    form.append('tag', 'no file');
    const noFile = await api.mock.fetch(`${api.mock.baseUrl}/score/bulk`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.mock.keys.test}` },
      body: form,
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as Upload['body']).error).toMatchObject({
      code: 'invalid_request',
      field: 'file',
    });
    expect(api.mock.inspect().workspaces[0]?.test.bulk_jobs.queued).toBe(0);
  });

  it('refuses a multipart body without a boundary, and stores nothing', async () => {
    const api = mockApi();
    const reply = await api.post('/score/bulk', undefined, {
      raw: 'domain\nstripe.com\n',
      headers: { 'Content-Type': 'multipart/form-data' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid_request');
    expect(reply.body.error.message).toMatch(/^The multipart\/form-data body could not be read/);
  });
});

describe('CSV uploads over HTTP', () => {
  const mock = createMockApi();
  let server: MockServer;
  beforeAll(async () => {
    server = await mock.listen();
  });
  afterAll(() => server.close());

  it('reads the file as bytes: a binary one is refused, a UTF-8 one queued', async () => {
    const send = async (file: Uint8Array | string) => {
      const form = new FormData();
      form.append('file', new Blob([file]), 'companies.csv');
      const response = await fetch(`${server.url}/score/bulk`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${mock.keys.test}` },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as Upload['body'] };
    };
    const binary = await send(new Uint8Array([0x64, 0x6f, 0xc3, 0x28, 0x0a]));
    expect(binary.status).toBe(400);
    expect(binary.body.error.field).toBe('file');
    const utf8 = await send('domain,company_name\nstripe.com,Société Générale\n');
    expect(utf8.status).toBe(202);
    expect(utf8.body.source).toBe('csv');
  });
});

describe('webhook_url of a CSV upload', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.8/hook',
    'http://[::ffff:127.0.0.1]/hook',
  ])('goes through the URL guard like the JSON one: %s is refused on webhook_url', async (url) => {
    const api = mockApi();
    const reply = await upload(api, rows(2), { webhook_url: url });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'invalid_request', field: 'webhook_url' });
    expect(api.mock.inspect().workspaces[0]?.test.bulk_jobs.queued).toBe(0);
  });
});
