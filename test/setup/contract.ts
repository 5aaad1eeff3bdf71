/**
 * The contract test, for the whole suite: every API response a mock sends (through any door, in
 * any test file) is checked against `openapi.yaml`, and a test during which a mock broke the
 * contract fails with the list of mismatches. Each mock's own request journal reports its
 * exchanges (`mock.requests.subscribe`); this file subscribes to every mock the suite creates by
 * wrapping the factory. `/__mock/` controls and injected faults are not API responses and are not
 * checked.
 */
import { afterEach, vi } from 'vitest';
import type { Exchange } from '../../mock-server/pipeline/journal.ts';
import { type ContractValidator, createContractValidator } from '../contract/validator.ts';

const hooks = vi.hoisted(() => ({ check: (_exchange: unknown): void => {} }));

vi.mock('../../mock-server/mock-api.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../mock-server/mock-api.ts')>();
  return {
    ...actual,
    createMockApiCore: (...args: Parameters<typeof actual.createMockApiCore>) => {
      const mock = actual.createMockApiCore(...args);
      mock.requests.subscribe((exchange) => hooks.check(exchange));
      return mock;
    },
  };
});

let validator: ContractValidator | undefined;
const problems: string[] = [];

hooks.check = (value) => {
  const exchange = value as Exchange;
  if (exchange.injected) return;
  validator ??= createContractValidator();
  const { response, entry, route } = exchange;
  problems.push(
    ...validator.check({
      method: entry.method,
      route: route?.path ?? null,
      status: response.status,
      headers: response.headers,
      body: response.body,
    }),
  );
};

afterEach(() => {
  if (problems.length === 0) return;
  const found = problems.splice(0);
  throw new Error(
    `The mock sent ${found.length} response(s) that break openapi.yaml:\n  - ${found.join('\n  - ')}`,
  );
});
