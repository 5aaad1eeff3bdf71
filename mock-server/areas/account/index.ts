/** The account area: `GET /account`, the workspace behind the key. */
import { defineArea } from '../../pipeline/area.ts';
import { accountRoutes } from './routes.ts';

export const accountArea = defineArea({ name: 'account', routes: accountRoutes });
