/** The people area: `POST /people/score` resolves a work email or LinkedIn profile to a person. */
import { defineArea } from '../../pipeline/area.ts';
import { peopleRoutes } from './routes.ts';

export { personByLinkedin } from './model.ts';

export const peopleArea = defineArea({ name: 'people', routes: peopleRoutes });
