/** `POST /fit`: how well an offering fits a company. */
import { FitParamsSchema } from '../../../src/schemas/params.ts';
import { route } from '../../pipeline/route.ts';
import { apexDomain } from '../../pipeline/validation.ts';
import { analyzeFit } from './model.ts';
import { renderFit } from './wire.ts';

export const fitRoutes = [
  route({
    method: 'POST',
    path: '/fit',
    operation: 'analyzeFit',
    bucket: 'write',
    body: FitParamsSchema,
    handler: (_request, { ctx, space, body, json }) =>
      json(
        200,
        renderFit(
          analyzeFit(ctx, space, {
            domain: apexDomain('domain', body.domain),
            offering: body.offering,
          }),
        ),
      ),
  }),
];
