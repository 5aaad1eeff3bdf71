/** Scoring profiles: attributes, profiles, rules, assignments, scores and compute. */
import {
  ListParamsSchema,
  ScoringAssignmentBulkParamsSchema,
  ScoringAssignmentCreateParamsSchema,
  ScoringAssignmentListParamsSchema,
  ScoringAttributeListParamsSchema,
  ScoringAttributeValuesParamsSchema,
  ScoringComputeParamsSchema,
  ScoringProfileCreateParamsSchema,
  ScoringProfileListParamsSchema,
  ScoringProfileUpdateParamsSchema,
  ScoringRuleUpsertParamsSchema,
  ScoringScoresQuerySchema,
} from '../../../src/schemas/params.ts';
import { invalidRequest } from '../../kernel/errors.ts';
import { paginate } from '../../kernel/pagination.ts';
import { route } from '../../pipeline/route.ts';
import { isJsonObject, updateNeedsOneOf } from '../../pipeline/validation.ts';
import { catalog, valuesOf } from './attributes.ts';
import {
  assign,
  assignMany,
  createProfile,
  deleteProfile,
  deleteRule,
  listAssignments,
  listProfiles,
  listRules,
  queueCompute,
  retrieveProfile,
  scoreEntries,
  unassign,
  updateProfile,
  upsertRule,
} from './model.ts';
import { objectIdOf, objectIdsOf } from './objects.ts';
import { renderAssignment, renderProfile, renderRule, renderScore } from './wire.ts';

const needsOneField = updateNeedsOneOf('name', 'description');

/** `object_type` is immutable, and an update must change something: said plainly. */
function profileUpdateCheck(raw: unknown): void {
  if (isJsonObject(raw) && 'object_type' in raw) {
    throw invalidRequest(
      'object_type',
      'object_type cannot be changed: a profile scores one type of object. Create a new profile for the other type.',
    );
  }
  needsOneField(raw);
}

export const scoringRoutes = [
  route({
    method: 'GET',
    path: '/scoring/attributes',
    operation: 'listScoringAttributes',
    bucket: 'read',
    query: ScoringAttributeListParamsSchema,
    handler: (_request, { query, json }) =>
      json(
        200,
        paginate(catalog(query.object_type), (attribute) => attribute.id, query),
      ),
  }),
  route({
    method: 'GET',
    path: '/scoring/attributes/values',
    operation: 'retrieveScoringAttributeValues',
    bucket: 'read',
    query: ScoringAttributeValuesParamsSchema,
    handler: (_request, { ctx, space, query, json }) => {
      const objectId = objectIdOf(query.object_type, query.object_id, 'object_id');
      return json(200, {
        object_type: query.object_type,
        object_id: objectId,
        values: valuesOf(ctx, space, query.object_type, objectId),
      });
    },
  }),
  route({
    method: 'GET',
    path: '/scoring/profiles',
    operation: 'listScoringProfiles',
    bucket: 'read',
    query: ScoringProfileListParamsSchema,
    handler: (_request, { space, query, json }) => {
      const page = paginate(listProfiles(space, query.object_type), (p) => p.id, query);
      return json(200, { ...page, data: page.data.map(renderProfile) });
    },
  }),
  route({
    method: 'POST',
    path: '/scoring/profiles',
    operation: 'createScoringProfile',
    bucket: 'write',
    body: ScoringProfileCreateParamsSchema,
    handler: (_request, { ctx, space, body, json }) => {
      const profile = createProfile(ctx, space, {
        objectType: body.object_type,
        name: body.name,
        ...(body.description === undefined ? {} : { description: body.description }),
      });
      return json(201, renderProfile(profile));
    },
  }),
  route({
    method: 'GET',
    path: '/scoring/profiles/{id}',
    operation: 'retrieveScoringProfile',
    bucket: 'read',
    handler: (_request, { space, params, json }) =>
      json(200, renderProfile(retrieveProfile(space, params.id))),
  }),
  route({
    method: 'PATCH',
    path: '/scoring/profiles/{id}',
    operation: 'updateScoringProfile',
    bucket: 'write',
    body: ScoringProfileUpdateParamsSchema,
    precheck: profileUpdateCheck,
    handler: (_request, { ctx, space, params, body, json }) => {
      const profile = updateProfile(ctx, retrieveProfile(space, params.id), {
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.description === undefined ? {} : { description: body.description }),
      });
      return json(200, renderProfile(profile));
    },
  }),
  route({
    method: 'DELETE',
    path: '/scoring/profiles/{id}',
    operation: 'deleteScoringProfile',
    bucket: 'write',
    handler: (_request, { space, params, json }) => {
      const profile = deleteProfile(space, params.id);
      return json(200, { id: profile.id, deleted: true });
    },
  }),
  route({
    method: 'GET',
    path: '/scoring/profiles/{id}/rules',
    operation: 'listScoringRules',
    bucket: 'read',
    query: ListParamsSchema,
    handler: (_request, { space, params, query, json }) => {
      const rules = listRules(retrieveProfile(space, params.id));
      const page = paginate(rules, (rule) => rule.id, query);
      return json(200, { ...page, data: page.data.map(renderRule) });
    },
  }),
  route({
    method: 'PUT',
    path: '/scoring/profiles/{id}/rules',
    operation: 'upsertScoringRule',
    bucket: 'write',
    body: ScoringRuleUpsertParamsSchema,
    handler: (_request, { ctx, space, params, body, json }) => {
      const rule = upsertRule(ctx, space, retrieveProfile(space, params.id), body);
      return json(200, renderRule(rule));
    },
  }),
  route({
    method: 'DELETE',
    path: '/scoring/profiles/{id}/rules/{rule_id}',
    operation: 'deleteScoringRule',
    bucket: 'write',
    handler: (_request, { ctx, space, params, json }) => {
      const rule = deleteRule(ctx, space, retrieveProfile(space, params.id), params.rule_id);
      return json(200, { id: rule.id, deleted: true });
    },
  }),
  route({
    method: 'GET',
    path: '/scoring/assignments',
    operation: 'listScoringAssignments',
    bucket: 'read',
    query: ScoringAssignmentListParamsSchema,
    handler: (_request, { space, query, json }) => {
      const { object_type: objectType, object_id: rawId, profile_id: profileId } = query;
      if (rawId !== undefined && objectType === undefined) {
        throw invalidRequest(
          'object_type',
          'object_type is required with object_id: it says whether object_id is a domain or a LinkedIn profile URL.',
        );
      }
      const objectId =
        rawId === undefined || objectType === undefined
          ? undefined
          : objectIdOf(objectType, rawId, 'object_id');
      const assignments = listAssignments(space, {
        ...(objectType === undefined ? {} : { objectType }),
        ...(objectId === undefined ? {} : { objectId }),
        ...(profileId === undefined ? {} : { profileId }),
      });
      const page = paginate(assignments, (assignment) => assignment.id, query);
      return json(200, { ...page, data: page.data.map(renderAssignment) });
    },
  }),
  route({
    method: 'POST',
    path: '/scoring/assignments',
    operation: 'createScoringAssignment',
    bucket: 'write',
    body: ScoringAssignmentCreateParamsSchema,
    handler: (_request, { ctx, space, body, json }) => {
      const { assignment, created } = assign(ctx, space, {
        profileId: body.profile_id,
        objectType: body.object_type,
        objectId: objectIdOf(body.object_type, body.object_id, 'object_id'),
      });
      return json(created ? 201 : 200, renderAssignment(assignment));
    },
  }),
  route({
    method: 'POST',
    path: '/scoring/assignments/bulk',
    operation: 'createScoringAssignments',
    bucket: 'write',
    body: ScoringAssignmentBulkParamsSchema,
    handler: (_request, { ctx, space, body, json }) => {
      const { created, skipped } = assignMany(ctx, space, {
        profileId: body.profile_id,
        objectType: body.object_type,
        objectIds: objectIdsOf(body.object_type, body.object_ids, 'object_ids'),
      });
      return json(200, { data: created.map(renderAssignment), skipped });
    },
  }),
  route({
    method: 'DELETE',
    path: '/scoring/assignments/{id}',
    operation: 'deleteScoringAssignment',
    bucket: 'write',
    handler: (_request, { space, params, json }) => {
      const assignment = unassign(space, params.id);
      return json(200, { id: assignment.id, deleted: true });
    },
  }),
  route({
    method: 'GET',
    path: '/scoring/scores',
    operation: 'listScoringScores',
    bucket: 'read',
    query: ScoringScoresQuerySchema,
    queryLists: ['object_id'],
    handler: (_request, { space, query, json }) => {
      const objectIds = objectIdsOf(query.object_type, query.object_id, 'object_id');
      const entries = scoreEntries(space, query.object_type, objectIds, query.profile_id);
      const page = paginate(entries, (entry) => `${entry.assignment.id} ${entry.dimension}`, query);
      return json(200, {
        ...page,
        data: page.data.map((entry) => renderScore(entry.assignment, entry.dimension)),
      });
    },
  }),
  route({
    method: 'POST',
    path: '/scoring/compute',
    operation: 'computeScoringScores',
    bucket: 'write',
    body: ScoringComputeParamsSchema,
    handler: (_request, { ctx, space, body, json }) => {
      const objectIds = objectIdsOf(body.object_type, body.object_ids, 'object_ids');
      return json(202, queueCompute(ctx, space, body.object_type, objectIds));
    },
  }),
];
