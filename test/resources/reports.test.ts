import { describe, expect, it } from 'vitest';
import { PlanRequiredError, ValidationError } from '../../src/index.ts';
import { answer, client, readHeaders, received, useServer, writeHeaders } from './server.ts';

useServer();

const report = {
  period: '2026-Q2',
  generated_at: '2026-05-28T14:02:11Z',
  cached: false,
  accounts_scored: { total: 1, trend_vs_prior: null },
  band_distribution: { HOT: 1, WARM: 0, COLD: 0 },
  top_accounts: [
    { domain: 'stripe.com', company: 'Stripe', score: 94, band: 'HOT', delta_30d: 12 },
  ],
  top_triggers: [{ trigger: 'Hiring: Revenue Operations Analyst', count: 1 }],
  outcome_summary: {
    total_tracked: 0,
    contacted_rate: 0,
    meeting_rate: 0,
    opportunity_rate: 0,
    win_rate: 0,
    by_band: {
      HOT: { tracked: 0, meeting_rate: 0, win_rate: 0 },
      WARM: { tracked: 0, meeting_rate: 0, win_rate: 0 },
      COLD: { tracked: 0, meeting_rate: 0, win_rate: 0 },
    },
  },
  market_demand_signal: 'insufficient_data',
} as const;

describe('reports.pipeline', () => {
  it('retrieve() sends GET /reports/pipeline, with the period when given', async () => {
    answer('get', '/reports/pipeline', 200, report);
    const iiq = client();
    expect(await iiq.reports.pipeline.retrieve()).toEqual({ ...report, mode: 'test' });
    await iiq.reports.pipeline.retrieve({ period: '2026-Q1' });
    expect(received.map((r) => [r.method, r.path, r.query, r.headers])).toEqual([
      ['GET', '/v1/reports/pipeline', {}, readHeaders()],
      ['GET', '/v1/reports/pipeline', { period: '2026-Q1' }, readHeaders()],
    ]);
  });

  it('regenerate() sends POST /reports/pipeline with the period, or an empty body', async () => {
    answer('post', '/reports/pipeline', 200, report);
    const iiq = client();
    await iiq.reports.pipeline.regenerate({ period: '2026-Q2' });
    await iiq.reports.pipeline.regenerate();
    const [first, second] = received;
    expect(first).toEqual({
      method: 'POST',
      path: '/v1/reports/pipeline',
      query: {},
      headers: writeHeaders(first),
      body: { period: '2026-Q2' },
    });
    expect(second?.body).toEqual({});
  });

  it('refuses a malformed period before sending anything', async () => {
    const iiq = client();
    for (const period of ['2026-Q5', 'Q2-2026', '2026q2']) {
      const error = await iiq.reports.pipeline.retrieve({ period }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe(
        'period must be a quarter such as "2026-Q2".',
      );
    }
    expect(received).toEqual([]);
  });

  it('rejects with PlanRequiredError on a plan without reports', async () => {
    answer('get', '/reports/pipeline', 403, {
      error: {
        type: 'permission_error',
        code: 'plan_required',
        message:
          'Pipeline reports are part of the Team and Scale plans; this workspace is on Starter. Upgrade the plan to use them.',
        request_id: 'req_01HZ9X3F7QMHN56',
      },
    });
    const error = await client()
      .reports.pipeline.retrieve({}, { maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanRequiredError);
    expect(error).toMatchObject({ status: 403, code: 'plan_required', attempts: 1 });
    expect((error as Error).message).toMatch(
      /^Pipeline reports are part of the Team and Scale plans; this workspace is on Starter\./,
    );
  });
});
