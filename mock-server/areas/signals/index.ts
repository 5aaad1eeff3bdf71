/**
 * The signals area: aggregate signals across every workspace, behind a privacy threshold (Team and
 * Scale plans). In the mock, "every workspace" is a documented synthetic population plus every
 * workspace of the mock itself.
 */
import { defineArea } from '../../pipeline/area.ts';
import { signalRoutes } from './routes.ts';

export { PRIVACY_THRESHOLD } from './model.ts';
export { LADDERS, SYNTHETIC_SAMPLES_PER_COMPANY } from './population.ts';

export const signalsArea = defineArea({ name: 'signals', routes: signalRoutes });
