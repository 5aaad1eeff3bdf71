import { createMockApi } from './mock-server/index.ts';

const mock = createMockApi({ plan: 'scale', rateLimits: false, now: '2026-04-01T00:00:00Z' });
const key = mock.keys.test;
const call = (method: string, path: string, body?: unknown) =>
  mock.handle({
    method,
    path: `/v1${path}`,
    query: new URLSearchParams(),
    headers: (n) => (n === 'authorization' ? `Bearer ${key}` : undefined),
    body: body === undefined ? '' : JSON.stringify(body),
  });
const accounts = Array.from({ length: 10000 }, (_, i) => `account-${i}.com`);
call('POST', '/watchlists', { name: 'x', accounts });
mock.clock.advance('4d');
console.log(process.memoryUsage().heapUsed / 1e6);
for (let k = 0; k < 5; k++) {
  const t = performance.now();
  for (let i = 0; i < 50; i++) call('POST', '/outcomes', { domain: accounts[i], outcome: 'won' });
  console.log('per create', (performance.now() - t) / 50);
}
