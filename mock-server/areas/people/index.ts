/**
 * The people area: `POST /people/score` resolves a work email or LinkedIn profile to a person.
 * Other areas find people in its prospect pool (intent searches), which it resolves the same way.
 */
import { defineArea } from '../../pipeline/area.ts';
import { peopleRoutes } from './routes.ts';

export { personByLinkedin } from './model.ts';
export { PROSPECTS_PER_COMPANY, type Prospect, prospects } from './prospects.ts';

export const peopleArea = defineArea({ name: 'people', routes: peopleRoutes });
