// The smoke checks of the runtime matrix (scripts/runtimes.ts), run against the packed package on
// each runtime: by smoke.mjs on Node, Bun and Deno, by worker.mjs on workerd. Plain JavaScript, so
// that every runtime runs it as it is. Each check returns a short description or throws.
import { IntentIQ } from '@vesperwise/node';
import { createMockApi, installMockApi, MAGIC_DOMAINS } from '@vesperwise/node/mock';
import { verifyWebhook } from '@vesperwise/node/webhooks';

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** The client on mock.fetch, through one retry: flaky.test fails once with a 500, then answers. */
export async function clientWithRetry() {
  const mock = createMockApi();
  let attempts = 0;
  const iiq = new IntentIQ({
    apiKey: mock.keys.test,
    baseUrl: mock.baseUrl,
    fetch: (input, init) => {
      attempts++;
      return mock.fetch(input, init);
    },
    retryJitter: () => 10, // retry after 10 ms rather than a second
  });
  const score = await iiq.scores.create({ domain: MAGIC_DOMAINS.flaky });
  assert(typeof score.score === 'number', `no score for ${MAGIC_DOMAINS.flaky}`);
  assert(attempts === 2, `expected 2 attempts (one retry), made ${attempts}`);
  const stripe = await iiq.scores.create({ domain: 'stripe.com' });
  assert(stripe.score === 94 && stripe.band === 'HOT', 'stripe.com is not 94 HOT');
  return 'client on mock.fetch, 1 retry';
}

/** A real delivery of the mock, verified by both schemes, and refused once tampered with. */
export async function webhooks() {
  const mock = createMockApi();
  const url = 'https://receiver.example.com/webhooks';
  const created = await mock.fetch(`${mock.baseUrl}/webhook_endpoints`, {
    method: 'POST',
    headers: { authorization: `Bearer ${mock.keys.live}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url, events: ['account.band_changed'] }),
  });
  const { secret } = await created.json();
  let delivery;
  mock.webhooks.receive(url, async (request) => {
    delivery = { body: await request.text(), headers: Object.fromEntries(request.headers) };
    return new Response(null, { status: 204 });
  });
  mock.events.trigger('account.band_changed');
  await mock.deliveries.settle();
  assert(delivery !== undefined, 'the mock delivered nothing');

  const now = mock.clock.now(); // the mock's clock signed it
  const event = await verifyWebhook({
    payload: delivery.body,
    headers: delivery.headers,
    secret,
    now,
  });
  assert(event.type === 'account.band_changed', 'the verified event is not the one sent');
  const { 'x-iiq-signature': _, ...standardOnly } = delivery.headers;
  await verifyWebhook({ payload: delivery.body, headers: standardOnly, secret, now });
  for (const headers of [delivery.headers, standardOnly]) {
    const tampered = delivery.body.replace('"HOT"', '"COLD"');
    const error = await verifyWebhook({ payload: tampered, headers, secret, now }).then(
      () => undefined,
      (reason) => reason,
    );
    assert(error?.code === 'signature_mismatch', `a tampered body was not refused (${error})`);
  }
  return 'verifyWebhook: a delivery by both schemes, tampered ones refused';
}

/** The HTTP door, where the runtime has node:http. */
export async function httpDoor() {
  const mock = createMockApi();
  const server = await mock.listen();
  try {
    const iiq = new IntentIQ({ apiKey: mock.keys.test, baseUrl: server.url });
    const account = await iiq.account.retrieve();
    assert(account.plan === 'team', `GET /account over HTTP answered plan ${account.plan}`);
  } finally {
    await server.close();
  }
  return 'http door';
}

/** installMockApi with msw's setupServer: answers the global fetch where MSW intercepts it. */
export async function mswDoor(setupServer) {
  const hooks = { beforeAll: [], afterEach: [], afterAll: [] };
  const mock = installMockApi({
    beforeAll: (fn) => hooks.beforeAll.push(fn),
    afterEach: (fn) => hooks.afterEach.push(fn),
    afterAll: (fn) => hooks.afterAll.push(fn),
    setupServer,
  });
  for (const fn of hooks.beforeAll) await fn();
  try {
    const iiq = new IntentIQ({ apiKey: mock.keys.test, baseUrl: mock.baseUrl });
    const account = await iiq.account.retrieve();
    assert(account.plan === 'team', 'the global fetch did not reach the mock');
  } finally {
    for (const fn of [...hooks.afterEach, ...hooks.afterAll]) await fn();
  }
  return 'msw door';
}

/** Where MSW cannot intercept: installMockApi refuses setupServer at once, pointing to mock.fetch. */
export function mswRefused(setupServer) {
  const noop = () => {};
  try {
    installMockApi({ beforeAll: noop, afterEach: noop, afterAll: noop, setupServer });
  } catch (error) {
    assert(/mock\.fetch/.test(error.message), `the refusal does not point to mock.fetch: ${error}`);
    return 'msw door refused at once, pointing to mock.fetch';
  }
  throw new Error('installMockApi accepted setupServer where MSW cannot intercept');
}
