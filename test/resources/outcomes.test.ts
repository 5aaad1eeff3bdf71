import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.ts';
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

const ID = 'out_01HZ9X7E2K5R8T3';
const outcome = {
  id: ID,
  domain: 'stripe.com',
  company: 'Stripe',
  outcome: 'meeting_booked',
  notes: 'Discovery call on Tuesday.',
  occurred_at: '2026-05-28T14:02:11Z',
  recorded_at: '2026-05-28T14:02:11Z',
  score_at_outcome: 94,
  band_at_outcome: 'HOT',
} as const;

describe('outcomes', () => {
  it('create() sends POST /outcomes with the domain normalised to its apex', async () => {
    answer('post', '/outcomes', 201, outcome);
    const created = await client().outcomes.create({
      domain: 'https://www.stripe.com/pricing',
      outcome: 'meeting_booked',
      notes: 'Discovery call on Tuesday.',
      occurred_at: '2026-05-28T14:02:11Z',
    });
    expect(created).toEqual({ ...outcome, mode: 'test' });
    const [request] = received;
    expect(request).toEqual({
      method: 'POST',
      path: '/v1/outcomes',
      query: {},
      headers: writeHeaders(request),
      body: {
        domain: 'stripe.com',
        outcome: 'meeting_booked',
        notes: 'Discovery call on Tuesday.',
        occurred_at: '2026-05-28T14:02:11Z',
      },
    });
  });

  it('create() refuses bad input before sending anything', async () => {
    const iiq = client();
    const cases = [
      [{ domain: 'localhost', outcome: 'won' }, 'domain'],
      [{ domain: 'stripe.com', outcome: 'booked' }, 'outcome'],
      [{ domain: 'stripe.com', outcome: 'won', notes: 'x'.repeat(1001) }, 'notes'],
      [{ domain: 'stripe.com', outcome: 'won', occurred_at: 'yesterday' }, 'occurred_at'],
    ] as const;
    for (const [params, field] of cases) {
      const error = await iiq.outcomes.create(params as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe(field);
    }
    expect(received).toEqual([]);
  });

  it('list() sends the filters, the domain normalised, and follows the cursor', async () => {
    answerInTurn('get', '/outcomes', [
      { data: [outcome], has_more: true, next_cursor: 'cur_2' },
      { data: [{ ...outcome, id: 'out_2' }], has_more: false, next_cursor: null },
    ]);
    const ids = (
      await client()
        .outcomes.list({ domain: 'www.stripe.com', outcome: 'meeting_booked', limit: 1 })
        .toArray({ max: 10 })
    ).map((o) => o.id);
    expect(ids).toEqual([ID, 'out_2']);
    expect(received.map((r) => [r.method, r.path, r.query])).toEqual([
      ['GET', '/v1/outcomes', { domain: 'stripe.com', outcome: 'meeting_booked', limit: '1' }],
      [
        'GET',
        '/v1/outcomes',
        { domain: 'stripe.com', outcome: 'meeting_booked', limit: '1', cursor: 'cur_2' },
      ],
    ]);
    expect(received[0]?.headers).toEqual(readHeaders());
  });

  it('list() refuses a bad domain filter with ValidationError, sending nothing', async () => {
    const error = await client()
      .outcomes.list({ domain: 'localhost' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('domain');
    expect(received).toEqual([]);
  });

  it('retrieve(), update() and delete() send GET, PATCH and DELETE /outcomes/{id}', async () => {
    answer('get', `/outcomes/${ID}`, 200, outcome);
    answer('patch', `/outcomes/${ID}`, 200, { ...outcome, outcome: 'won' });
    answer('delete', `/outcomes/${ID}`, 200, { id: ID, deleted: true });
    const iiq = client();
    expect((await iiq.outcomes.retrieve(ID)).outcome).toBe('meeting_booked');
    expect((await iiq.outcomes.update(ID, { outcome: 'won' })).outcome).toBe('won');
    expect(await iiq.outcomes.delete(ID)).toEqual({ id: ID, deleted: true, mode: 'test' });
    expect(received.map((r) => [r.method, r.path, r.body])).toEqual([
      ['GET', `/v1/outcomes/${ID}`, undefined],
      ['PATCH', `/v1/outcomes/${ID}`, { outcome: 'won' }],
      ['DELETE', `/v1/outcomes/${ID}`, undefined],
    ]);
  });

  it('update() needs outcome or notes, and takes nothing else', async () => {
    const iiq = client();
    const empty = await iiq.outcomes.update(ID, {}).catch((e: unknown) => e);
    expect((empty as ValidationError).message).toBe(
      'params must set at least one of outcome, notes.',
    );
    const moved = await iiq.outcomes
      .update(ID, { occurred_at: '2026-05-01T00:00:00Z' } as never)
      .catch((e: unknown) => e);
    expect((moved as ValidationError).field).toBe('occurred_at');
    expect(received).toEqual([]);
  });
});
