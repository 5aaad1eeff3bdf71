/**
 * Middleware: one function adds a header to every attempt, another times each attempt (body
 * included) and logs it. Both run inside the retry loop, so a retried call shows each attempt.
 *
 *   IIQ_API_KEY=iiq_test_… node examples/middleware.ts flaky.test
 *
 * Against the reference mock: `npx iiq mock` in another terminal, then
 *   IIQ_BASE_URL=http://127.0.0.1:4010/v1 IIQ_API_KEY=<the printed test key> node examples/middleware.ts
 * (`flaky.test` fails once on the mock, then succeeds: the log shows both attempts.)
 */
import { IntentIQ, type Middleware } from '@vesperwise/node';

/** Tags every request with the team that sent it. */
const teamHeader: Middleware = (request, next) => {
  request.headers.set('x-team', 'growth');
  return next(request);
};

/** Logs how long each attempt took, and how it ended. */
const latency: Middleware = async (request, next) => {
  const started = performance.now();
  const took = () => `${Math.round(performance.now() - started)} ms`;
  try {
    const response = await next(request);
    console.log(
      `${request.operation} attempt ${request.attempt}: HTTP ${response.status} in ${took()} (x-team: ${request.headers.get('x-team')})`,
    );
    return response;
  } catch (error) {
    console.log(
      `${request.operation} attempt ${request.attempt}: ${(error as Error).message} after ${took()}`,
    );
    throw error;
  }
};

const iiq = new IntentIQ({
  middleware: [teamHeader, latency], // in order: teamHeader sees each request first
  retryJitter: () => 0, // retry at once, for the demonstration
});

const domain = process.argv[2] ?? 'flaky.test';
const score = await iiq.scores.create({ domain });
console.log(`${score.domain}: ${score.score} (${score.band})`);
