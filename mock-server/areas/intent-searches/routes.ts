/** `POST|GET /intent/searches`, `GET /intent/searches/{id}` and its `/results`. */
import { IntentSearchCreateParamsSchema, ListParamsSchema } from '../../../src/schemas/params.ts';
import { paginate } from '../../kernel/pagination.ts';
import { route } from '../../pipeline/route.ts';
import { apexDomain } from '../../pipeline/validation.ts';
import { requireEndpointAt } from '../webhook-endpoints/index.ts';
import { createSearch, retrieveSearch, searchesNewestFirst, searchResults } from './model.ts';
import { renderPerson, renderSearch } from './wire.ts';

export const intentSearchRoutes = [
  route({
    method: 'POST',
    path: '/intent/searches',
    operation: 'createIntentSearch',
    bucket: 'write',
    body: IntentSearchCreateParamsSchema,
    handler: (_request, { ctx, space, body, json }) => {
      const interestDomain = apexDomain('interest_domain', body.interest_domain);
      const icpDomain = apexDomain('icp_domain', body.icp_domain);
      if (body.webhook_url !== undefined) requireEndpointAt(ctx, space, body.webhook_url);
      const search = createSearch(ctx, space, {
        interestDomain,
        icpDomain,
        maxResults: body.max_results ?? 25,
        lite: body.lite ?? false,
        ...(body.webhook_url === undefined ? {} : { webhookUrl: body.webhook_url }),
        ...(body.tag === undefined ? {} : { tag: body.tag }),
      });
      return json(202, renderSearch(search));
    },
  }),
  route({
    method: 'GET',
    path: '/intent/searches',
    operation: 'listIntentSearches',
    bucket: 'read',
    query: ListParamsSchema,
    handler: (_request, { space, query, json }) => {
      const page = paginate(searchesNewestFirst(space), (search) => search.id, query);
      return json(200, { ...page, data: page.data.map(renderSearch) });
    },
  }),
  route({
    method: 'GET',
    path: '/intent/searches/{id}',
    operation: 'retrieveIntentSearch',
    bucket: 'read',
    handler: (_request, { space, params, json }) =>
      json(200, renderSearch(retrieveSearch(space, params.id))),
  }),
  route({
    method: 'GET',
    path: '/intent/searches/{id}/results',
    operation: 'listIntentSearchResults',
    bucket: 'read',
    query: ListParamsSchema,
    handler: (_request, { ctx, space, params, query, json }) => {
      const search = retrieveSearch(space, params.id);
      const page = paginate(
        searchResults(ctx, space, params.id),
        (person) => String(person.rank),
        query,
      );
      return json(200, { ...page, data: page.data.map((person) => renderPerson(search, person)) });
    },
  }),
];
