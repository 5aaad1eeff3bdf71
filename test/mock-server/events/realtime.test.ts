/**
 * A mock whose clock follows the wall clock (what `iiq mock` runs) sends its retries by itself
 * when they fall due, with nobody moving the clock or calling the API. Fake timers stand in for
 * the five minutes of waiting.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { createEndpoint, liveApi, receiveInProcess } from './helpers.ts';

const HOOK = 'https://hooks.example.com/intentiq';

afterEach(() => {
  vi.useRealTimers();
});

it('retries on the wall clock by itself when the mock runs in real time', async () => {
  vi.useFakeTimers({ now: Date.parse('2026-05-28T14:02:11Z') });
  const api = liveApi({ realtime: true, now: Date.now() });
  const received = receiveInProcess(api.mock, HOOK, (n) => (n === 1 ? 500 : 204));
  await createEndpoint(api, HOOK, ['signal.spike']);
  api.mock.events.trigger('signal.spike');
  await api.mock.deliveries.settle();
  expect(received).toHaveLength(1);

  await vi.advanceTimersByTimeAsync(338_000);
  expect(received).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1_000);
  // No settle() here: it would run what is due itself. The retry must have been sent on its own.
  vi.useRealTimers();
  for (let i = 0; i < 100 && received.length < 2; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(received).toHaveLength(2);
  await api.mock.deliveries.settle();
  expect(api.mock.deliveries.list()[0]).toMatchObject({
    status: 'succeeded',
    attempts: [
      { at: '2026-05-28T14:02:11Z', status_code: 500 },
      { at: '2026-05-28T14:07:50Z', status_code: 204 },
    ],
  });
});

it('finishes a bulk job and records its event on the wall clock, with no request to wake it', async () => {
  vi.useFakeTimers({ now: Date.parse('2026-05-28T14:02:11Z') });
  const api = liveApi({ realtime: true, now: Date.now() });
  const completed: string[] = [];
  api.mock.events.subscribe((_space, event) => {
    if (event.type === 'score.bulk.completed') completed.push(event.id);
  });
  const job = await api.post('/score/bulk', { domains: ['stripe.com', 'notion.so'] });
  expect(job.status).toBe(202);
  await vi.advanceTimersByTimeAsync(2_500);
  expect(completed).toEqual([]);
  await vi.advanceTimersByTimeAsync(1_000);
  expect(completed).toHaveLength(1);
  expect((await api.get(`/score/bulk/${job.body.id}`)).body.status).toBe('completed');
});
