/** The fit area: `POST /fit`, an offering met against a company's industry, stack, size and evidence. */
import { defineArea } from '../../pipeline/area.ts';
import { fitRoutes } from './routes.ts';

export { AREA_POINTS, SIZE_TERMS } from './areas.ts';
export { MAYBE_SCORE, STRONG_FIT_SCORE } from './model.ts';

export const fitArea = defineArea({ name: 'fit', routes: fitRoutes });
