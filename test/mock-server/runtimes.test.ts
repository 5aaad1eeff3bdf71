/**
 * Where the mock's doors cannot work, they say so at once and point to mock.fetch, instead of
 * letting requests through to the network. The runtime matrix (scripts/runtimes.ts) checks the
 * same on a real Bun, Deno and workerd.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockApi, installMockApi } from '../../mock-server/index.ts';

const hooks = { beforeAll: vi.fn(), afterEach: vi.fn(), afterAll: vi.fn() };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe.each(['Bun', 'Deno'])('on %s', (runtime) => {
  it('installMockApi refuses setupServer before using it, pointing to mock.fetch', () => {
    vi.stubGlobal(runtime, {});
    const setupServer = vi.fn();
    expect(() => installMockApi({ ...hooks, setupServer })).toThrow(
      `MSW does not intercept fetch on ${runtime}, so installMockApi({ setupServer }) cannot answer your requests. Use mock.fetch instead`,
    );
    expect(setupServer).not.toHaveBeenCalled();
  });

  it('installMockApi without setupServer still gives a mock reset after each test', () => {
    vi.stubGlobal(runtime, {});
    expect(installMockApi(hooks).keys.test).toMatch(/^iiq_test_/);
  });
});

describe('mock.listen() where the runtime has no node:http', () => {
  it('rejects with a message that says what to use instead', async () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: () => undefined });
    const mock = createMockApi();
    await expect(mock.listen()).rejects.toThrow(
      'mock.listen() needs node:http, which this runtime does not have (Cloudflare Workers, a browser). Use mock.fetch in-process',
    );
  });
});
