/**
 * `iiq.intent.searches`: the requests each method sends, exactly, and what it gives back.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.ts';
import { settle } from '../core/helpers.ts';
import { intentPerson, intentSearch } from './fixtures.ts';
import {
  answer,
  answerInTurn,
  client,
  readHeaders,
  received,
  useServer,
  writeHeaders,
} from './server.ts';

useServer();

const ID = 'isr_01HZ9X7E4R5S8T3';

describe('intent.searches', () => {
  it('create() sends POST /intent/searches with both domains normalised to their apex', async () => {
    answer('post', '/intent/searches', 202, intentSearch('queued'));
    const search = await client().intent.searches.create({
      interest_domain: 'https://www.gong.io/pricing',
      icp_domain: 'app.hubspot.com',
      max_results: 50,
      lite: true,
      tag: 'q3-outbound',
    });
    expect(search).toEqual({ ...intentSearch('queued'), mode: 'test' });
    const [request] = received;
    expect(request).toEqual({
      method: 'POST',
      path: '/v1/intent/searches',
      query: {},
      headers: writeHeaders(request),
      body: {
        interest_domain: 'gong.io',
        icp_domain: 'hubspot.com',
        max_results: 50,
        lite: true,
        tag: 'q3-outbound',
      },
    });
  });

  it('create() refuses bad parameters before sending anything', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ icp_domain: 'hubspot.com' }, 'interest_domain', 'interest_domain is required.'],
      [
        { interest_domain: 'gong.io', icp_domain: 'localhost' },
        'icp_domain',
        'icp_domain must be a domain name such as "stripe.com".',
      ],
      [
        { interest_domain: 'gong.io', icp_domain: 'hubspot.com', max_results: 1001 },
        'max_results',
        'max_results must be at most 1000.',
      ],
      [
        { interest_domain: 'gong.io', icp_domain: 'hubspot.com', maxResults: 10 },
        'maxResults',
        'maxResults is not a parameter of this endpoint (check the spelling; names are snake_case).',
      ],
    ];
    for (const [params, field, message] of cases) {
      const error = await settle(client().intent.searches.create(params as never));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ field, message });
    }
    expect(received).toEqual([]);
  });

  it('retrieve() sends GET /intent/searches/{id}', async () => {
    answer('get', `/intent/searches/${ID}`, 200, intentSearch('processing'));
    expect(await client().intent.searches.retrieve(ID)).toMatchObject({ status: 'processing' });
    expect(received).toEqual([
      {
        method: 'GET',
        path: `/v1/intent/searches/${ID}`,
        query: {},
        headers: readHeaders(),
        body: undefined,
      },
    ]);
  });

  it('list() pages through GET /intent/searches', async () => {
    answerInTurn('get', '/intent/searches', [
      { data: [intentSearch('completed')], has_more: true, next_cursor: 'c1' },
      {
        data: [intentSearch('failed', { id: 'isr_01HZ9X7E4R5S8T4' })],
        has_more: false,
        next_cursor: null,
      },
    ]);
    const ids: string[] = [];
    for await (const search of client().intent.searches.list({ limit: 1 })) ids.push(search.id);
    expect(ids).toEqual([ID, 'isr_01HZ9X7E4R5S8T4']);
    expect(received.map((request) => request.query)).toEqual([
      { limit: '1' },
      { limit: '1', cursor: 'c1' },
    ]);
  });

  it('results() pages through GET /intent/searches/{id}/results in rank order', async () => {
    const second = { ...intentPerson, rank: 2, score: 91, person_id: 'prs_BXDQTY2V3CJS2MAJ' };
    answerInTurn('get', `/intent/searches/${ID}/results`, [
      { data: [intentPerson], has_more: true, next_cursor: 'MQ' },
      { data: [second], has_more: false, next_cursor: null },
    ]);
    const people = await client().intent.searches.results(ID, { limit: 1 }).toArray({ max: 10 });
    expect(people).toEqual([intentPerson, second]);
    expect(received.map((request) => [request.path, request.query])).toEqual([
      [`/v1/intent/searches/${ID}/results`, { limit: '1' }],
      [`/v1/intent/searches/${ID}/results`, { limit: '1', cursor: 'MQ' }],
    ]);
  });

  it('createAndWait() creates, then polls until the search is over', async () => {
    answer('post', '/intent/searches', 202, intentSearch('queued'));
    answerInTurn('get', `/intent/searches/${ID}`, [
      intentSearch('processing'),
      intentSearch('completed'),
    ]);
    const seen: string[] = [];
    const search = await client().intent.searches.createAndWait(
      { interest_domain: 'gong.io', icp_domain: 'hubspot.com' },
      { pollInterval: 0, onProgress: (s) => seen.push(s.status) },
    );
    expect(search).toMatchObject({ status: 'completed', total_results: 25, credits_charged: 250 });
    expect(seen).toEqual(['processing', 'completed']);
    expect(received.map((request) => request.method)).toEqual(['POST', 'GET', 'GET']);
  });
});
