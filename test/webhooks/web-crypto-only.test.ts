/**
 * `@vesperwise/node/webhooks` must run where there is no Node: Cloudflare Workers, browsers, Deno
 * without compatibility flags. This bundles the entry as a Worker build would and runs it in a
 * `node:vm` context that has only what a Worker has: Web Crypto and the fetch and encoding classes,
 * no `process`, no `Buffer`, no `require`.
 */
import { createHmac } from 'node:crypto';
import vm from 'node:vm';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { BODY, referenceHeader, SECRET, T } from './helpers.ts';

const entry = 'src/webhooks/index.ts';

async function bundle(format: 'esm' | 'iife'): Promise<{ code: string; metafile: Metafile }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'neutral',
    format,
    globalName: format === 'iife' ? 'IIQWebhooks' : undefined,
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]?.text ?? '', metafile: result.metafile };
}

/** A fresh context with a Worker's globals and nothing from Node. */
function workerLikeContext(): vm.Context {
  return vm.createContext({
    crypto: globalThis.crypto,
    TextEncoder,
    TextDecoder,
    Request,
    Response,
    Headers,
    URL,
    URLSearchParams,
    atob,
    btoa,
    structuredClone,
    queueMicrotask,
    setTimeout,
    clearTimeout,
    console,
  });
}

describe('the webhooks entry, bundled for a Worker', () => {
  let esm: { code: string; metafile: Metafile };
  let iife: string;

  beforeAll(async () => {
    esm = await bundle('esm');
    iife = (await bundle('iife')).code;
  });

  it('bundles only its own files: nothing from the client, ky, zod, msw or node_modules', () => {
    const inputs = Object.keys(esm.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(5);
    // Besides its own files, only the dependency-free list of event types it shares with the schemas.
    for (const input of inputs) {
      expect(input).toMatch(/^src\/webhooks\/[a-z-]+\.ts$|^src\/schemas\/event-types\.ts$/);
    }
    for (const library of ['zod', 'msw', 'ky/', 'tldts']) expect(esm.code).not.toContain(library);
  });

  it('imports no node: module and never calls require', () => {
    expect(esm.code).not.toMatch(/^\s*import\b/m);
    expect(esm.code).not.toMatch(/\bimport\s*\(/);
    expect(esm.code).not.toMatch(/\brequire\s*\(/);
    expect(iife).not.toMatch(/\brequire\s*\(/);
  });

  describe('run in a context with only Web Crypto', () => {
    let context: vm.Context;

    beforeAll(() => {
      context = workerLikeContext();
      vm.runInContext(iife, context);
    });

    /** Runs `body` as an async function inside the context, with `input` in scope; returns its JSON result. */
    async function inside(body: string, input: Record<string, unknown> = {}): Promise<unknown> {
      context.input = JSON.stringify(input);
      const script = `(async () => { const input = JSON.parse(globalThis.input); const w = IIQWebhooks; ${body} })().then(JSON.stringify)`;
      return JSON.parse(await vm.runInContext(script, context));
    }

    it('has no process, Buffer or require to fall back on', async () => {
      await expect(
        inside('return [typeof process, typeof Buffer, typeof require, typeof crypto.subtle];'),
      ).resolves.toEqual(['undefined', 'undefined', 'undefined', 'object']);
    });

    it('verifies a delivery signed with node:crypto by the API reference recipe', async () => {
      const result = await inside(
        'const event = await w.verifyWebhook({ payload: input.body, header: input.header, secret: input.secret, now: input.now }); return event;',
        { body: BODY, header: referenceHeader(BODY), secret: SECRET, now: T * 1000 },
      );
      expect(result).toEqual(JSON.parse(BODY));
    });

    it('verifies a Request, reading its body and header', async () => {
      const result = await inside(
        `const request = new Request('https://example.com/webhooks', { method: 'POST', headers: { 'X-IIQ-Signature': input.header }, body: new TextEncoder().encode(input.body) });
         const event = await w.verifyWebhook({ payload: request, secret: input.secret, now: new Date(input.now) });
         return event.type;`,
        { body: BODY, header: referenceHeader(BODY), secret: SECRET, now: T * 1000 },
      );
      expect(result).toBe('credits.low');
    });

    it('rejects a tampered body with signature_mismatch', async () => {
      const result = await inside(
        `try {
           await w.verifyWebhook({ payload: input.body, header: input.header, secret: input.secret, now: input.now });
           return 'verified';
         } catch (error) {
           return [error instanceof w.WebhookVerificationError, error.code];
         }`,
        {
          body: BODY.replace('480', '481'),
          header: referenceHeader(BODY),
          secret: SECRET,
          now: T * 1000,
        },
      );
      expect(result).toEqual([true, 'signature_mismatch']);
    });

    it('signs deliveries that match an independent node:crypto HMAC', async () => {
      const header = await inside(
        'const signed = await w.signWebhook({ payload: input.body, secret: input.secret, timestamp: input.t }); return signed.header;',
        { body: BODY, secret: SECRET, t: T },
      );
      const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
      expect(header).toBe(`t=${T},v1=${expected}`);
    });

    it('builds test events with Web Crypto randomness', async () => {
      const id = await inside("return w.createTestEvent('signal.spike').id;");
      expect(id).toMatch(/^evt_[0-9A-Z]{26}$/);
    });
  });
});
