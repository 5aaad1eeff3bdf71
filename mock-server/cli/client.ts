/**
 * The client a command talks to: the API when `IIQ_API_KEY` is set (at `IIQ_BASE_URL`, when set),
 * otherwise a built-in mock in test mode, so that each command works right after install.
 */
import { IntentIQ } from '../../src/client.ts';
import { IntentIQError } from '../../src/core/errors.ts';
import { createMockApiCore, type MockApi, type MockApiOptions } from '../mock-api.ts';
import type { CliIO } from './io.ts';

/** The client for `IIQ_API_KEY` and `IIQ_BASE_URL`, or undefined when no key is set. */
export function liveClient(io: CliIO): IntentIQ | undefined {
  const apiKey = io.env.IIQ_API_KEY?.trim();
  if (apiKey === undefined || apiKey === '') return undefined;
  const baseUrl = io.env.IIQ_BASE_URL?.trim();
  return new IntentIQ({ apiKey, logLevel: 'off', ...(baseUrl ? { baseUrl } : {}) });
}

/** A client of a fresh built-in mock, in test mode, and the mock itself. */
export function mockClient(options: MockApiOptions = {}): { iiq: IntentIQ; mock: MockApi } {
  const mock = createMockApiCore({ now: Date.now(), ...options });
  const iiq = new IntentIQ({
    apiKey: mock.keys.test,
    fetch: mock.fetch,
    baseUrl: mock.baseUrl,
    logLevel: 'off',
  });
  return { iiq, mock };
}

/** Runs a command's calls; an API error is printed (its message names status, code and request id) and exits 1. */
export async function exitOnApiError(io: CliIO, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof IntentIQError)) throw error;
    io.err(`iiq: ${error.message}`);
    return 1;
  }
}
