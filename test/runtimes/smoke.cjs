// CommonJS: every entry point loads with require() and works (see scripts/runtimes.ts).
const { IntentIQ } = require('@vesperwise/node');
const { createMockApi } = require('@vesperwise/node/mock');
const { createTestEvent, signWebhook, verifyWebhook } = require('@vesperwise/node/webhooks');

(async () => {
  const mock = createMockApi();
  const iiq = new IntentIQ({ apiKey: mock.keys.test, baseUrl: mock.baseUrl, fetch: mock.fetch });
  const { band } = await iiq.scores.create({ domain: 'stripe.com' });
  if (band !== 'HOT') throw new Error(`stripe.com is ${band}`);
  const secret = 'whsec_TESTtestFAKEfake0123456789abcdEF';
  const { body, headers } = await signWebhook({ payload: createTestEvent('credits.low'), secret });
  await verifyWebhook({ payload: body, headers, secret });
  console.log('require');
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
