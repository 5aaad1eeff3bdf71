// Verifications per second of a ~1 KB score.computed delivery: verifyWebhook (default and Web
// Crypto only) against a bare node:crypto baseline and stripe's constructEvent, in one run.
// Run: node bench/webhooks.bench.ts
import { createHmac, timingSafeEqual } from 'node:crypto';
import Stripe from 'stripe';
import {
  createTestEvent,
  createWebCryptoProvider,
  signWebhook,
  verifyWebhook,
} from '../src/webhooks/index.ts';

const ROUNDS = 15;
const ROUND_MS = 150;
const TARGET_RATIO = 0.5;
const secret = 'whsec_bench_not_a_real_secret_000000000000';

// A delivery as IntentIQ sends it: a score with a 30-day history trimmed to about 1 KB.
const event = createTestEvent('score.computed');
event.data.score.history = Array.from({ length: 11 }, (_, day) => ({
  date: `2026-05-${String(18 + day).padStart(2, '0')}`,
  score: 82 + day,
}));
const signed = await signWebhook({ payload: event, secret });
const { body, header } = signed;
const bodyBytes = new TextEncoder().encode(body);

/** The fewest steps a receiver can take with node:crypto: a floor, not a product. */
function baseline(): unknown {
  const [timestampPart, signaturePart] = header.split(',');
  const timestamp = (timestampPart as string).slice(2);
  if (Math.abs(Math.floor(Date.now() / 1000) - Number(timestamp)) > 300) throw new Error('stale');
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  const received = (signaturePart as string).slice(3);
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(received))) throw new Error('mismatch');
  return JSON.parse(body);
}

const webCrypto = createWebCryptoProvider();
const stripe = new Stripe('sk_test_bench_not_a_real_key');
const stripeWebCrypto = Stripe.createSubtleCryptoProvider();

type Variant = { name: string; run: () => unknown };
const variants: Variant[] = [
  { name: 'node:crypto baseline', run: baseline },
  { name: 'verifyWebhook (default)', run: () => verifyWebhook({ payload: body, header, secret }) },
  {
    name: 'verifyWebhook (Buffer payload)',
    run: () => verifyWebhook({ payload: bodyBytes, header, secret }),
  },
  {
    name: 'verifyWebhook (Web Crypto only)',
    run: () => verifyWebhook({ payload: body, header, secret, cryptoProvider: webCrypto }),
  },
  {
    name: 'stripe constructEvent',
    run: () => stripe.webhooks.constructEvent(body, header, secret),
  },
  {
    name: 'stripe constructEventAsync (Web Crypto)',
    run: () =>
      stripe.webhooks.constructEventAsync(body, header, secret, undefined, stripeWebCrypto),
  },
];

/**
 * Calls per second over one round. Asynchronous variants are awaited one after the other, as a
 * receiver handles a delivery; synchronous ones are not awaited, so they pay no promise overhead.
 */
async function measure(run: () => unknown): Promise<number> {
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < ROUND_MS) {
    for (let i = 0; i < 200; i++) {
      const result = run();
      if (result instanceof Promise) await result;
    }
    calls += 200;
    elapsed = performance.now() - started;
  }
  return (calls / elapsed) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

// Every variant must accept the delivery before its speed means anything.
for (const variant of variants) await variant.run();

const samples = new Map<string, number[]>(variants.map((variant) => [variant.name, []]));
for (let round = 0; round < ROUNDS; round++) {
  // Alternate the order so that drift (thermal, GC, JIT) does not favour one variant.
  const order = round % 2 === 0 ? variants : [...variants].reverse();
  for (const variant of order) samples.get(variant.name)?.push(await measure(variant.run));
}

const perSecond = new Map([...samples].map(([name, values]) => [name, median(values)]));
const baselineRate = perSecond.get('node:crypto baseline') as number;
console.log(
  `webhook verification, ${bodyBytes.byteLength}-byte score.computed body, Node ${process.version}`,
);
console.log(`median of ${ROUNDS} alternating rounds of ${ROUND_MS} ms\n`);
console.log(
  `${'variant'.padEnd(42)}${'verifications/s'.padStart(16)}${'vs baseline'.padStart(13)}`,
);
for (const [name, rate] of perSecond) {
  const ratio = (rate / baselineRate).toFixed(2);
  console.log(
    `${name.padEnd(42)}${Math.round(rate).toLocaleString('en-US').padStart(16)}${ratio.padStart(13)}`,
  );
}
const ratio = (perSecond.get('verifyWebhook (default)') as number) / baselineRate;
const webRatio = (perSecond.get('verifyWebhook (Web Crypto only)') as number) / baselineRate;
console.log(
  `\nratio verifyWebhook/baseline = ${ratio.toFixed(2)} (target >= ${TARGET_RATIO.toFixed(2)}); Web Crypto only = ${webRatio.toFixed(2)}`,
);
if (ratio < TARGET_RATIO) process.exitCode = 1;
