import { createMockApi } from './mock-server/index.ts';

const mock = createMockApi({ rateLimits: false });
const t = performance.now();
for (let i = 0; i < 10000; i++) {
  const r = await mock.fetch(`${mock.baseUrl}/outcomes`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${mock.keys.test}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ domain: 'stripe.com', outcome: 'contacted' }),
  });
  if (r.status !== 201) throw new Error(String(r.status));
  await r.text();
}
console.log('10k creates', performance.now() - t);
const t2 = performance.now();
const r = await mock.fetch(`${mock.baseUrl}/reports/pipeline`, {
  headers: { Authorization: `Bearer ${mock.keys.test}` },
});
console.log(r.status, performance.now() - t2);
const h = (body: string) =>
  mock.handle({
    method: 'POST',
    path: '/v1/outcomes',
    query: new URLSearchParams(),
    headers: (n: string) => (n === 'authorization' ? `Bearer ${mock.keys.test}` : undefined),
    body,
  });
console.log(h(JSON.stringify({ domain: 'stripe.com', outcome: 'contacted' })).body);
