/**
 * The event types of the API, in the order the API reference lists them. A plain constant with no
 * dependency, shared by the request schemas and by `@vesperwise/node/webhooks` (which must stay free
 * of zod); `test/schemas/types.test.ts` proves it equal to `EventType` in `openapi.yaml`.
 */
export const EVENT_TYPES = [
  'score.computed',
  'score.bulk.completed',
  'account.band_changed',
  'signal.spike',
  'person.scored',
  'credits.low',
  'scoring.score_changed',
] as const;
