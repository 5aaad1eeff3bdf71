/**
 * Enumerations shared by the request and object schemas. Kept apart from `objects.ts` so that the
 * client, which only needs the request schemas, does not bundle every object schema.
 */
import * as z from 'zod/mini';
import { EVENT_TYPES } from './event-types.ts';

export const AlertThresholdSchema = z.enum(['hot_entry', 'any_band_change', 'score_delta_10']);

export const EventTypeSchema = z.enum(EVENT_TYPES);

export const OutcomeKindSchema = z.enum([
  'no_response',
  'contacted',
  'meeting_booked',
  'opportunity',
  'won',
  'lost',
  'disqualified',
]);

/** A band to filter by (a filter never asks for "unscored"). */
export const BandFilterSchema = z.enum(['HOT', 'WARM', 'COLD']);

export const UrgencySchema = z.enum(['act_now', 'this_week', 'this_month', 'monitor']);
