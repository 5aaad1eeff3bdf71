import type { APIPromise } from '../core/api-promise.ts';
import { apexDomain } from '../core/domains.ts';
import type { RequestOptions } from '../core/options.ts';
import { path } from '../core/path.ts';
import { APIResource, type WithMode } from '../core/resource.ts';
import { parseParams, withoutRepeats } from '../core/validate.ts';
import type { components } from '../generated/openapi.ts';
import { ScoreCreateParamsSchema } from '../schemas/params.ts';

type Schemas = components['schemas'];

/** The canonical score of a domain: 0-100, its band, the five signals, an action and a summary. */
export type Score = Schemas['Score'];
/** A score accepted for asynchronous computation (`202`); poll `scores.retrieve(id)`. */
export type PendingScore = Schemas['PendingScore'];
/** `HOT` (>= 80), `WARM` (60-79), `COLD` (< 60), or `null` when unscorable. */
export type Band = Schemas['Band'];
/** The five signals of a score. */
export type Signals = Schemas['Signals'];
/** A signal's sub-score, or the full `Signal` when `include` has `signals.evidence`. */
export type SignalValue = Schemas['SignalValue'];
/** A signal with its evidence. */
export type Signal = Schemas['Signal'];
/** One raw observation behind a signal. */
export type Evidence = Schemas['Evidence'];
/** One daily score value (`include: ['history']`). */
export type HistoryPoint = Schemas['HistoryPoint'];
/** Parameters of `scores.create`. */
export type ScoreCreateParams = Schemas['ScoreCreateParams'];
/** An expansion of `scores.create`: `signals.evidence`, `history`, `people`, `talk_track`, `email_subject`. */
export type ScoreInclude = Schemas['ScoreInclude'];
/** Where the account is in a purchase: `awareness`, `research`, `active_evaluation`, `decision`. */
export type BuyingStage = Schemas['BuyingStage'];
/** How soon to reach out: `act_now`, `this_week`, `this_month`, `monitor`. */
export type Urgency = Schemas['Urgency'];

/**
 * True when the API accepted the score for later (`202`): it then has `status: 'pending'` and no
 * score yet.
 * @example
 * const result = await iiq.scores.retrieve(id);
 * if (isPendingScore(result)) console.log('still computing');
 * else console.log(result.score, result.band);
 */
export function isPendingScore(score: Score | PendingScore): score is PendingScore {
  return (score as { status?: unknown }).status === 'pending';
}

/** Score a company by its domain. */
export class ScoresResource extends APIResource {
  /**
   * Scores a domain (normalised to its apex first). A cached score younger than 7 days is free.
   * With `webhook_url`, a slow cold miss answers at once with a `PendingScore`.
   * @example const score = await iiq.scores.create({ domain: 'https://www.stripe.com/atlas' });
   */
  create(
    params: ScoreCreateParams & { webhook_url?: undefined },
    options?: RequestOptions,
  ): APIPromise<WithMode<Score>>;
  create(
    params: ScoreCreateParams,
    options?: RequestOptions,
  ): APIPromise<WithMode<Score> | WithMode<PendingScore>>;
  create(params: ScoreCreateParams, options?: RequestOptions) {
    return this.call<WithMode<Score> | WithMode<PendingScore>>(async () => {
      const body = parseParams(ScoreCreateParamsSchema, withoutRepeats(params, 'include'));
      const domain = await apexDomain('domain', body.domain);
      if (body.webhook_url) await this.checkWebhookUrl('webhook_url', body.webhook_url);
      return {
        operation: 'scores.create',
        method: 'POST',
        path: '/score',
        body: { ...body, domain },
      };
    }, options);
  }

  /**
   * The most recent score of the domain behind a score ID (never costs a credit), or the
   * `PendingScore` while a `202` score is still being computed.
   */
  retrieve(
    id: string,
    options?: RequestOptions,
  ): APIPromise<WithMode<Score> | WithMode<PendingScore>> {
    return this.call(
      () => ({ operation: 'scores.retrieve', method: 'GET', path: path`/score/${id}` }),
      options,
    );
  }
}
