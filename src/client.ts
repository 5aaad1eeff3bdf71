import { type ClientOptions, resolveOptions } from './core/options.ts';
import { Transport } from './internal/transport.ts';
import { AccountResource } from './resources/account.ts';
import { BulkResource } from './resources/bulk.ts';
import { EventsResource } from './resources/events.ts';
import { FitResource } from './resources/fit.ts';
import { IntentResource } from './resources/intent-searches.ts';
import { OutcomesResource } from './resources/outcomes.ts';
import { PeopleResource } from './resources/people.ts';
import { PrioritizeResource } from './resources/prioritize.ts';
import { PipelineReportsResource, type ReportsResource } from './resources/reports.ts';
import { ScoresResource } from './resources/scores.ts';
import { ScoringResource } from './resources/scoring.ts';
import { SignalsResource } from './resources/signals.ts';
import { WatchlistsResource } from './resources/watchlists.ts';
import { WebhookEndpointsResource } from './resources/webhook-endpoints.ts';

/**
 * The IntentIQ API client.
 *
 * @example
 * import { IntentIQ } from '@vesperwise/node';
 *
 * const iiq = new IntentIQ(); // reads IIQ_API_KEY
 * const score = await iiq.scores.create({ domain: 'stripe.com' });
 * console.log(score.score, score.band, score.action);
 */
export class IntentIQ {
  /** `'test'` for an `iiq_test_` key (no credits spent, no webhooks fired), else `'live'`. */
  readonly mode: 'test' | 'live';
  /** The API's base URL, without a trailing slash. */
  readonly baseUrl: string;

  /** Score a company by its domain. */
  readonly scores: ScoresResource;
  /** Score up to 1,000 domains in one asynchronous job. */
  readonly bulk: BulkResource;
  /** Score a person by work email or LinkedIn profile. */
  readonly people: PeopleResource;
  /** People who showed interest in products like yours, ranked by fit: `intent.searches`. */
  readonly intent: IntentResource;
  /** Watchlists and their accounts. */
  readonly watchlists: WatchlistsResource;
  /** Where webhooks are delivered. */
  readonly webhookEndpoints: WebhookEndpointsResource;
  /** The events webhooks carry, for polling and replay. */
  readonly events: EventsResource;
  /** The workspace behind the key: plan, credits, rate limits. */
  readonly account: AccountResource;
  /** Scoring profiles: your own fit and urgency rules, with every score explained. */
  readonly scoring: ScoringResource;
  /** What happened with each account, recorded against the score it had at the time. */
  readonly outcomes: OutcomesResource;
  /** The pipeline report of a quarter (Team and Scale plans). */
  readonly reports: ReportsResource;
  /** Anonymised conversion signals across every workspace (Team and Scale plans). */
  readonly signals: SignalsResource;
  /** How well what you sell fits a company. */
  readonly fit: FitResource;
  /** Which watchlist accounts to work today, and why. */
  readonly prioritize: PrioritizeResource;

  /**
   * @throws {ConfigurationError} when the key is missing or malformed, or an option is unusable;
   * the message says how to fix it and never contains the key.
   */
  constructor(options: ClientOptions = {}) {
    const resolved = resolveOptions(options);
    // The key lives only inside the transport (a private field), so neither `util.inspect(iiq)`
    // nor `JSON.stringify(iiq)` can show it.
    const transport = new Transport(resolved);
    this.mode = resolved.mode;
    this.baseUrl = resolved.baseUrl;
    // Resources that take URLs the API will call check them against the URL guard.
    const urls = { allowLoopbackWebhooks: resolved.allowLoopbackWebhooks };
    this.scores = new ScoresResource(transport, urls);
    this.bulk = new BulkResource(transport, urls);
    this.people = new PeopleResource(transport);
    this.intent = new IntentResource(transport, urls);
    this.watchlists = new WatchlistsResource(transport);
    this.webhookEndpoints = new WebhookEndpointsResource(transport, urls);
    this.events = new EventsResource(transport);
    this.account = new AccountResource(transport);
    this.scoring = new ScoringResource(transport);
    this.outcomes = new OutcomesResource(transport);
    this.reports = { pipeline: new PipelineReportsResource(transport) };
    this.signals = new SignalsResource(transport);
    this.fit = new FitResource(transport);
    this.prioritize = new PrioritizeResource(transport);
  }
}
