/**
 * Every area of the API, one line each: `engine.ts` wires whatever this file exports. Adding an
 * area is its folder and one line here.
 */
export { accountArea } from './account/index.ts';
export { bulkArea } from './bulk/index.ts';
export { eventsArea } from './events/index.ts';
export { fitArea } from './fit/index.ts';
export { intentSearchesArea } from './intent-searches/index.ts';
export { outcomesArea } from './outcomes/index.ts';
export { peopleArea } from './people/index.ts';
export { prioritizeArea } from './prioritize/index.ts';
export { reportsArea } from './reports/index.ts';
export { scoresArea } from './scores/index.ts';
export { scoringProfilesArea } from './scoring-profiles/index.ts';
export { signalsArea } from './signals/index.ts';
export { watchlistsArea } from './watchlists/index.ts';
export { webhookEndpointsArea } from './webhook-endpoints/index.ts';
