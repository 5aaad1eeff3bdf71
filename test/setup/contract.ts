/**
 * The contract test, for the whole suite: every response the mock sends (through any door, in any
 * test file) is checked against `openapi.yaml`, and a test during which the mock broke the contract
 * fails with the list of mismatches. `/__mock/` controls and injected faults are not API responses
 * and are not checked.
 */
import { afterEach } from 'vitest';
import { observeResponses } from '../../mock-server/routes/observer.ts';
import { type ContractValidator, createContractValidator } from '../contract/validator.ts';

let validator: ContractValidator | undefined;
const problems: string[] = [];

observeResponses((exchange) => {
  if (exchange.admin || exchange.injected) return;
  validator ??= createContractValidator();
  const { response, request, route } = exchange;
  problems.push(
    ...validator.check({
      method: request.method,
      route: route?.path ?? null,
      status: response.status,
      headers: response.headers,
      body: response.body,
    }),
  );
});

afterEach(() => {
  if (problems.length === 0) return;
  const found = problems.splice(0);
  throw new Error(
    `The mock sent ${found.length} response(s) that break openapi.yaml:\n  - ${found.join('\n  - ')}`,
  );
});
