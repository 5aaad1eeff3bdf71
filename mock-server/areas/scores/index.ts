/**
 * The scores area: `POST /score`, `GET /score/{id}`, the 7-day cache and the magic domains'
 * request-time behaviour. Other areas score domains through the functions exported here.
 */
import { defineArea } from '../../pipeline/area.ts';
import { scoresOf } from './model.ts';
import { scoreRoutes } from './routes.ts';

export {
  applyRequestMagic,
  type CacheStatus,
  computeScore,
  domainScores,
  freshScore,
  latestScore,
  MAX_SCORES_PER_SPACE,
  type PendingRecord,
  type ScoreRecord,
  type ScoreTrigger,
  scoreById,
  scoreHistory,
  snapshotNow,
  unscorable,
} from './model.ts';
export { scoreRecord } from './records.ts';
export {
  intelligenceOfRecord,
  renderIntelligence,
  renderPerson,
  renderScore,
  type ScoreInclude,
  type WireIntelligence,
  type WirePerson,
  type WireScore,
} from './wire.ts';

export const scoresArea = defineArea({
  name: 'scores',
  routes: scoreRoutes,
  summarise: (space) => {
    const book = scoresOf(space);
    return { scores: book.latest.size, pending_scores: book.pending.size };
  },
});
