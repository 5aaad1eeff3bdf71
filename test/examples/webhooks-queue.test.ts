/**
 * examples/webhooks/queue.ts, fed by the mock server: deliveries verified after a wait in the queue
 * (against the time they arrived), each event handled once however often it is delivered.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { liveEndpoint, realTimeMock, requireBuild } from './webhooks-helpers.ts';

let example: typeof import('../../examples/webhooks/queue.ts');

beforeAll(async () => {
  requireBuild();
  example = await import('../../examples/webhooks/queue.ts');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  example.queue.length = 0;
});

/** A mock delivering to the example's receiver in-process, with the endpoint's secret set. */
async function setup() {
  const mock = realTimeMock();
  const url = 'https://queue.example.com/webhooks';
  mock.webhooks.receive(url, example.receive);
  vi.stubEnv('IIQ_WEBHOOK_SECRET', await liveEndpoint(mock, url));
  return mock;
}

describe('the queue example', () => {
  it('verifies a delivery that waited 10 minutes in the queue, against its arrival', async () => {
    const mock = await setup();
    const event = mock.events.trigger('signal.spike');
    await mock.deliveries.settle();
    expect(mock.deliveries.list()[0]?.attempts[0]?.status_code).toBe(202);

    vi.useFakeTimers({ now: Date.now() + 10 * 60_000, toFake: ['Date'] });
    expect(await example.drain()).toEqual([`${event.id} signal.spike: handled (attempt 1)`]);
  });

  it('handles an event once when it is delivered again', async () => {
    const mock = await setup();
    const event = mock.events.trigger('account.band_changed');
    await mock.deliveries.settle();
    const [first] = example.queue;
    if (first === undefined) throw new Error('nothing was queued');
    example.queue.push({ ...first }); // the same delivery again: a replay, or a retry's twin
    expect(await example.drain()).toEqual([
      `${event.id} account.band_changed: handled (attempt 1)`,
      `${event.id} account.band_changed: already handled`,
    ]);
  });

  it('refuses a tampered delivery in the worker, after the receiver accepted it', async () => {
    const mock = await setup();
    mock.events.trigger('account.band_changed');
    await mock.deliveries.settle();
    const [queued] = example.queue;
    if (queued === undefined) throw new Error('nothing was queued');
    queued.body = queued.body.replace('"HOT"', '"COLD"');
    expect(await example.drain()).toEqual(['refused: signature_mismatch']);
  });
});
