import { describe, expect, it } from 'vitest';
import { bulkJob, score } from './fixtures.ts';
import {
  answer,
  answerInTurn,
  answerText,
  client,
  readHeaders,
  received,
  useServer,
  writeHeaders,
} from './server.ts';

useServer();

const JOB = 'job_01HZ9X4B2W8K7R1';

describe('bulk', () => {
  it('create() sends POST /score/bulk with normalised, de-duplicated domains', async () => {
    answer('post', '/score/bulk', 202, bulkJob('queued'));
    const job = await client().bulk.create({
      domains: ['stripe.com', 'www.notion.so', 'https://stripe.com/', 'linear.app'],
      tag: 'q3-enrichment',
    });
    expect(job).toEqual({ ...bulkJob('queued'), mode: 'test' });
    const [request] = received;
    expect(request).toEqual({
      method: 'POST',
      path: '/v1/score/bulk',
      query: {},
      headers: writeHeaders(request),
      body: { domains: ['stripe.com', 'notion.so', 'linear.app'], tag: 'q3-enrichment' },
    });
  });

  it('retrieve() sends GET /score/bulk/{id}', async () => {
    answer('get', `/score/bulk/${JOB}`, 200, bulkJob('running', 1));
    expect(await client().bulk.retrieve(JOB)).toMatchObject({
      status: 'running',
      progress: { processed: 1 },
    });
    expect(received).toEqual([
      {
        method: 'GET',
        path: `/v1/score/bulk/${JOB}`,
        query: {},
        headers: readHeaders(),
        body: undefined,
      },
    ]);
  });

  it('results() lists scores page by page with limit and cursor', async () => {
    answerInTurn('get', `/score/bulk/${JOB}/results`, [
      { data: [score], has_more: true, next_cursor: 'cur_2' },
      {
        data: [{ ...score, id: 'scr_2', domain: 'notion.so' }],
        has_more: false,
        next_cursor: null,
      },
    ]);
    const domains: string[] = [];
    for await (const result of client().bulk.results(JOB, { limit: 1 }))
      domains.push(result.domain);
    expect(domains).toEqual(['stripe.com', 'notion.so']);
    expect(received.map(({ method, path, query }) => ({ method, path, query }))).toEqual([
      { method: 'GET', path: `/v1/score/bulk/${JOB}/results`, query: { limit: '1' } },
      {
        method: 'GET',
        path: `/v1/score/bulk/${JOB}/results`,
        query: { limit: '1', cursor: 'cur_2' },
      },
    ]);
    expect(received[0]?.headers).toEqual(readHeaders());
  });

  it('resultsCsv() sends format=csv, accepts text/csv and returns the text', async () => {
    const csv =
      'domain,status,score,band,delta_30d,funding,hiring,news,tech,web,action,computed_at\n' +
      'stripe.com,scored,94,HOT,12,96,88,92,78,84,Reference Series H. Anchor on RevOps.,2026-05-28T14:02:11Z\n';
    answerText(`/score/bulk/${JOB}/results`, csv, 'text/csv');
    expect(await client().bulk.resultsCsv(JOB)).toBe(csv);
    expect(received).toEqual([
      {
        method: 'GET',
        path: `/v1/score/bulk/${JOB}/results`,
        query: { format: 'csv' },
        headers: readHeaders('text/csv'),
        body: undefined,
      },
    ]);
  });

  it('wait() polls GET /score/bulk/{id} until the job completes, reporting progress', async () => {
    answerInTurn('get', `/score/bulk/${JOB}`, [
      bulkJob('queued'),
      bulkJob('running', 2),
      bulkJob('completed', 3),
    ]);
    const seen: number[] = [];
    const job = await client().bulk.wait(JOB, {
      pollInterval: 0,
      onProgress: (current) => seen.push(current.progress.processed),
    });
    expect(job).toMatchObject({ status: 'completed', progress: { processed: 3 } });
    expect(seen).toEqual([0, 2, 3]);
    expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
      `GET /v1/score/bulk/${JOB}`,
      `GET /v1/score/bulk/${JOB}`,
      `GET /v1/score/bulk/${JOB}`,
    ]);
  });

  it('createAndWait() creates the job, then polls it to completion', async () => {
    answer('post', '/score/bulk', 202, bulkJob('queued'));
    answerInTurn('get', `/score/bulk/${JOB}`, [bulkJob('completed', 3)]);
    const job = await client().bulk.createAndWait({ domains: ['stripe.com'] }, { pollInterval: 0 });
    expect(job).toMatchObject({ id: JOB, status: 'completed' });
    expect(received.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /v1/score/bulk',
      `GET /v1/score/bulk/${JOB}`,
    ]);
    expect(received[0]?.body).toEqual({ domains: ['stripe.com'] });
  });
});
