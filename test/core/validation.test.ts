/**
 * Parameters are checked before any request is sent, with the same rules as the API, and bad input
 * rejects with a `ValidationError` whose `field` is a path into the parameters.
 */
import { describe, expect, it } from 'vitest';
import { normalizeDomain, ValidationError } from '../../src/index.ts';
import { clientWith, json, ok, settle } from './helpers.ts';

/** Expects `call` to reject with a ValidationError and to send nothing. */
async function refused(
  call: (iiq: ReturnType<typeof clientWith>['iiq']) => PromiseLike<unknown>,
): Promise<ValidationError> {
  const { iiq, sent } = clientWith([ok()]);
  const error = await settle(call(iiq));
  expect(error).toBeInstanceOf(ValidationError);
  expect(sent).toHaveLength(0);
  return error as ValidationError;
}

/** Sends `call` and returns the JSON body it sent. */
async function sentBody(
  call: (iiq: ReturnType<typeof clientWith>['iiq']) => PromiseLike<unknown>,
): Promise<unknown> {
  const { iiq, sent } = clientWith([json(200, {})]);
  await call(iiq);
  return JSON.parse(sent[0]?.body ?? 'null');
}

describe('domains', () => {
  it('are sent as their apex domain, found with the Public Suffix List', async () => {
    const body = await sentBody((iiq) =>
      iiq.scores.create({ domain: 'https://www.shop.example.co.uk:8443/x' }),
    );
    expect(body).toEqual({ domain: 'example.co.uk' });
  });

  it('refuses a domain without an apex, naming the field', async () => {
    const error = await refused((iiq) => iiq.scores.create({ domain: '127.0.0.1' }));
    expect(error).toMatchObject({
      field: 'domain',
      issues: [{ field: 'domain', message: 'must be a domain name, not an IP address' }],
      message: 'domain must be a domain name, not an IP address.',
    });
  });

  it('normalizeDomain() is the same rule, synchronous', () => {
    expect(normalizeDomain('https://www.stripe.com/atlas')).toBe('stripe.com');
    expect(() => normalizeDomain('co.uk')).toThrow(TypeError);
  });
});

describe('bulk jobs', () => {
  it('normalise and de-duplicate domains, keeping the first occurrence order', async () => {
    const body = await sentBody((iiq) =>
      iiq.bulk.create({
        domains: ['notion.so', 'www.stripe.com', 'https://stripe.com/x', 'linear.app', 'NOTION.SO'],
      }),
    );
    expect(body).toEqual({ domains: ['notion.so', 'stripe.com', 'linear.app'] });
  });

  it('report every bad domain by its index', async () => {
    const error = await refused((iiq) =>
      iiq.bulk.create({ domains: ['stripe.com', 'notion.so', 'linear.app', 'localhost', 'co.uk'] }),
    );
    expect(error.field).toBe('domains[3]');
    expect(error.issues.map((issue) => issue.field)).toEqual(['domains[3]', 'domains[4]']);
    expect(error.message).toBe(
      'domains[3] must be a domain name such as "stripe.com" (and 1 more).',
    );
  });

  it('need at least 1 and at most 1000 domains', async () => {
    expect(await refused((iiq) => iiq.bulk.create({ domains: [] }))).toMatchObject({
      field: 'domains',
      message: 'domains must have at least 1 item.',
    });
    const many = Array.from({ length: 1001 }, (_, index) => `company${index}.com`);
    expect(await refused((iiq) => iiq.bulk.create({ domains: many }))).toMatchObject({
      field: 'domains',
      message: 'domains must have at most 1000 items.',
    });
  });
});

describe('people', () => {
  it('need exactly one of email and linkedin_url', async () => {
    expect(await refused((iiq) => iiq.people.score({} as never))).toMatchObject({
      field: 'email',
      message: 'email is required: pass exactly one of email or linkedin_url.',
    });
    const both = { email: 'jane.doe@stripe.com', linkedin_url: 'https://www.linkedin.com/in/jane' };
    expect(await refused((iiq) => iiq.people.score(both as never))).toMatchObject({
      field: 'linkedin_url',
      message:
        'linkedin_url cannot be given with email: pass exactly one of email or linkedin_url.',
    });
  });

  it('need a LinkedIn URL with /in/', async () => {
    const error = await refused((iiq) =>
      iiq.people.score({ linkedin_url: 'https://www.linkedin.com/company/stripe' }),
    );
    expect(error).toMatchObject({
      field: 'linkedin_url',
      message:
        'linkedin_url must be a LinkedIn profile URL containing /in/, such as https://www.linkedin.com/in/jane-doe.',
    });
  });

  it('need a well-formed email', async () => {
    expect(await refused((iiq) => iiq.people.score({ email: 'jane.doe' }))).toMatchObject({
      field: 'email',
      message: 'email must be an email address.',
    });
  });

  it('send a valid person as given', async () => {
    const person = { linkedin_url: 'https://www.linkedin.com/in/jane-doe', role_hint: 'RevOps' };
    expect(await sentBody((iiq) => iiq.people.score(person))).toEqual(person);
  });
});

describe('watchlists', () => {
  it('need a name of at most 80 characters', async () => {
    expect(await refused((iiq) => iiq.watchlists.create({ name: 'x'.repeat(81) }))).toMatchObject({
      field: 'name',
      message: 'name must be at most 80 characters.',
    });
  });

  it('need something to update', async () => {
    expect(await refused((iiq) => iiq.watchlists.update('wl_1', {}))).toMatchObject({
      field: 'params',
      message: 'params must set at least one of name, alert_threshold.',
    });
  });

  it('refuse an unknown alert threshold, listing the valid ones', async () => {
    const error = await refused((iiq) =>
      iiq.watchlists.update('wl_1', { alert_threshold: 'hot' as never }),
    );
    expect(error.message).toBe(
      'alert_threshold must be one of "hot_entry", "any_band_change", "score_delta_10".',
    );
  });

  it('normalise and de-duplicate accounts, reporting a bad one by index', async () => {
    const body = await sentBody((iiq) =>
      iiq.watchlists.accounts.add('wl_1', {
        accounts: ['www.figma.com', 'figma.com', 'linear.app'],
      }),
    );
    expect(body).toEqual({ accounts: ['figma.com', 'linear.app'] });
    const error = await refused((iiq) =>
      iiq.watchlists.accounts.remove('wl_1', { accounts: ['figma.com', ''] }),
    );
    expect(error.field).toBe('accounts[1]');
  });
});

describe('lists and everything else', () => {
  it('need a limit from 1 to 100, as an integer', async () => {
    for (const [limit, message] of [
      [0, 'limit must be at least 1.'],
      [101, 'limit must be at most 100.'],
      [1.5, 'limit must be an integer.'],
    ] as const) {
      expect(await refused((iiq) => iiq.watchlists.list({ limit }))).toMatchObject({
        field: 'limit',
        message,
      });
    }
  });

  it('name the field’s own bound for a number past the safe integers, not the safe range', async () => {
    for (const [max_results, message] of [
      [1e308, 'max_results must be at most 1000.'],
      [2 ** 53, 'max_results must be at most 1000.'],
      [-1e308, 'max_results must be at least 1.'],
    ] as const) {
      const error = await refused((iiq) =>
        iiq.intent.searches.create({
          interest_domain: 'gong.io',
          icp_domain: 'hubspot.com',
          max_results,
        }),
      );
      expect(error).toMatchObject({ field: 'max_results', message });
      expect(error.issues).toEqual([{ field: 'max_results', message: message.slice(12, -1) }]);
    }
    expect(await refused((iiq) => iiq.prioritize.list({ limit: 1e308 }))).toMatchObject({
      field: 'limit',
      message: 'limit must be at most 100.',
    });
  });

  it('refuse an unknown parameter, such as a camelCase name', async () => {
    const error = await refused((iiq) =>
      iiq.scores.create({ domain: 'stripe.com', forceRefresh: true } as never),
    );
    expect(error).toMatchObject({
      field: 'forceRefresh',
      message:
        'forceRefresh is not a parameter of this endpoint (check the spelling; names are snake_case).',
    });
  });

  it('refuse a webhook URL that is not http(s) and an empty event list', async () => {
    const error = await refused((iiq) =>
      iiq.webhookEndpoints.create({ url: 'ftp://example.com/hook', events: [] }),
    );
    expect(error.issues).toEqual([
      { field: 'url', message: 'must be an http or https URL' },
      { field: 'events', message: 'must have at least 1 item' },
    ]);
  });

  it('refuse a missing required parameter', async () => {
    expect(await refused((iiq) => iiq.scores.create({} as never))).toMatchObject({
      field: 'domain',
      message: 'domain is required.',
    });
  });

  it('refuse bad per-call options', async () => {
    expect(await refused((iiq) => iiq.account.retrieve({ timeout: -1 }))).toMatchObject({
      field: 'timeout',
    });
    expect(await refused((iiq) => iiq.account.retrieve({ maxRetries: 2.5 }))).toMatchObject({
      field: 'maxRetries',
    });
    expect(
      await refused((iiq) => iiq.scores.create({ domain: 'stripe.com' }, { idempotencyKey: '' })),
    ).toMatchObject({ field: 'idempotencyKey' });
  });

  it('refuse bad bulk.wait options', async () => {
    expect(await refused((iiq) => iiq.bulk.wait('job_1', { pollInterval: -5 }))).toMatchObject({
      field: 'pollInterval',
    });
  });
});
