import { describe, expect, it } from 'vitest';
import { mockApi, type Reply } from '../helpers.ts';

function invalid(reply: Reply) {
  expect(reply.status).toBe(400);
  expect(reply.headers.get('content-type')).toBe('application/json');
  expect(reply.body.error.type).toBe('invalid_request_error');
  expect(reply.body.error.code).toBe('invalid_request');
  return reply.body.error;
}

describe('bad input is a 400 JSON error, never a 500 or a stack', () => {
  it('refuses malformed JSON', async () => {
    const error = invalid(
      await mockApi().post('/score', undefined, { raw: '{"domain": "stripe.com",}' }),
    );
    expect(error.message).toBe(
      'The request body is not valid JSON. Check for trailing commas, unquoted keys or single quotes.',
    );
  });

  it('refuses a missing body', async () => {
    const error = invalid(await mockApi().post('/score'));
    expect(error.message).toBe(
      'This endpoint needs a JSON body; send one with Content-Type: application/json.',
    );
  });

  it('refuses a body that is not an object', async () => {
    const error = invalid(await mockApi().post('/score', ['stripe.com']));
    expect(error).toMatchObject({ message: 'body must be an object.' });
    expect(error.field).toBe('body'); // a 400 always names a field
  });

  it('names the field of the wrong type', async () => {
    const error = invalid(
      await mockApi().post('/score', { domain: 'stripe.com', force_refresh: 'yes' }),
    );
    expect(error).toMatchObject({
      field: 'force_refresh',
      message: 'force_refresh must be true or false.',
    });
  });

  it('names a missing required field', async () => {
    const error = invalid(await mockApi().post('/score', { force_refresh: true }));
    expect(error).toMatchObject({ field: 'domain', message: 'domain is required.' });
  });

  it('refuses unknown fields', async () => {
    const error = invalid(await mockApi().post('/score', { domain: 'stripe.com', domian: 'x' }));
    expect(error).toMatchObject({
      field: 'domian',
      message:
        'domian is not a parameter of this endpoint (check the spelling; names are snake_case).',
    });
  });

  it('lists every wrong field in fields, the first in field', async () => {
    const error = invalid(await mockApi().post('/score', { domain: 1, include: ['everything'] }));
    expect(error).toEqual({
      type: 'invalid_request_error',
      code: 'invalid_request',
      message:
        'The request has 2 problems: domain must be a string; include[0] must be one of "signals.evidence", "history", "people", "talk_track", "email_subject".',
      request_id: expect.stringMatching(/^req_/),
      field: 'domain',
      fields: [
        { field: 'domain', message: 'domain must be a string' },
        {
          field: 'include[0]',
          message:
            'include[0] must be one of "signals.evidence", "history", "people", "talk_track", "email_subject"',
        },
      ],
    });
  });

  it('refuses a domain that is not a domain, without echoing it', async () => {
    const error = invalid(
      await mockApi().post('/score', { domain: 'iiq_live_notadomainatallreally0000' }),
    );
    expect(error).toMatchObject({
      field: 'domain',
      message: 'domain must be a domain name such as "stripe.com".',
    });
    expect(JSON.stringify(error)).not.toContain('iiq_live_');
  });

  it('refuses a public suffix', async () => {
    const error = invalid(await mockApi().post('/score', { domain: 'co.uk' }));
    expect(error).toMatchObject({
      field: 'domain',
      message: 'domain "co.uk" is a public suffix, not a company\'s domain.',
    });
  });

  it('refuses a webhook_url that is not http(s)', async () => {
    const error = invalid(
      await mockApi().post('/score', { domain: 'stripe.com', webhook_url: 'ftp://example.com/x' }),
    );
    expect(error).toMatchObject({
      field: 'webhook_url',
      message: 'webhook_url must be an http or https URL.',
    });
  });

  it('refuses the same expansion twice', async () => {
    const error = invalid(
      await mockApi().post('/score', { domain: 'stripe.com', include: ['history', 'history'] }),
    );
    expect(error).toMatchObject({
      field: 'include',
      message: 'include must not list the same value twice.',
    });
  });

  it('refuses a body over 1 MB', async () => {
    const domains = Array.from({ length: 1000 }, () => `${'a'.repeat(1100)}.com`);
    const error = invalid(await mockApi().post('/score/bulk', { domains }));
    expect(error.message).toBe(
      'The request body is larger than 1048576 bytes. Split the request (bulk jobs take up to 1,000 domains).',
    );
  });

  it('refuses a limit out of 1..100 and a non-numeric one', async () => {
    const api = mockApi();
    expect(invalid(await api.get('/watchlists?limit=0'))).toMatchObject({
      field: 'limit',
      message: 'limit must be at least 1.',
    });
    expect(invalid(await api.get('/watchlists?limit=101'))).toMatchObject({
      field: 'limit',
      message: 'limit must be at most 100.',
    });
    expect(invalid(await api.get('/watchlists?limit=ten'))).toMatchObject({
      field: 'limit',
      message: 'limit must be an integer.',
    });
  });

  it('refuses a one-value query parameter given twice, and takes a list parameter repeated', async () => {
    const api = mockApi();
    expect(invalid(await api.get('/prioritize?band=HOT&band=WARM'))).toEqual({
      type: 'invalid_request_error',
      code: 'invalid_request',
      message: 'band is given 2 times; it takes one value.',
      field: 'band',
      request_id: expect.stringMatching(/^req_/),
    });
    expect(invalid(await api.get('/watchlists?limit=5&limit=6'))).toMatchObject({ field: 'limit' });
    const listed = await api.get(
      '/scoring/scores?object_type=company&object_id=stripe.com&object_id=notion.so',
    );
    expect(listed.status).toBe(200);
  });

  it('refuses an unknown query parameter on a list', async () => {
    const error = invalid(await mockApi().get('/events?order=asc'));
    expect(error).toMatchObject({ field: 'order' });
  });

  it('refuses a cursor that does not belong to the list', async () => {
    const error = invalid(await mockApi().get('/watchlists?cursor=bm9wZQ'));
    expect(error).toMatchObject({
      field: 'cursor',
      message:
        'cursor does not point into this list (it may come from another list, or its item was deleted). Start again without a cursor.',
    });
  });
});
