/**
 * The pipeline report recomputed from what a test saw, following the definitions of
 * `docs/mock-server.md` ("Pipeline reports") and nothing of the mock's code: the scores it saw
 * computed (`score.computed` events), the outcomes it recorded, and the domains it watchlisted.
 */

export interface SeenScore {
  domain: string;
  score: number;
  band: 'HOT' | 'WARM' | 'COLD';
  delta_30d: number;
  /** `computed_at`, unix ms. */
  at: number;
  /** The five sub-scores, which order the evidence into key triggers. */
  signals: Record<string, number>;
  /** The order in which the scores were computed. */
  order: number;
}

export interface SeenOutcome {
  domain: string;
  outcome: string;
  occurred_at: string;
  recorded_at: string;
  band_at_outcome: 'HOT' | 'WARM' | 'COLD' | null;
  /** The order in which the outcomes were recorded. */
  order: number;
}

export interface Quarter {
  name: string;
  start: number;
  end: number;
}

export interface OracleInputs {
  scores: readonly SeenScore[];
  outcomes: readonly SeenOutcome[];
  watchlisted: ReadonlySet<string>;
  /** Evidence titles by domain and signal, as `include: ['signals.evidence']` lists them. */
  evidence: ReadonlyMap<string, Record<string, string[]>>;
  company: (domain: string) => string;
  period: Quarter;
  prior: Quarter;
}

export function quarter(name: string): Quarter {
  const [year, q] = name.split('-Q').map(Number) as [number, number];
  return { name, start: Date.UTC(year, (q - 1) * 3, 1), end: Date.UTC(year, q * 3, 1) };
}

const SIGNAL_ORDER = ['funding', 'hiring', 'news', 'tech', 'web'];

/** The docs' rule for a score's key triggers. */
export function keyTriggers(score: SeenScore, evidence: Record<string, string[]>): string[] {
  const signals = [...SIGNAL_ORDER].sort(
    (a, b) =>
      (score.signals[b] as number) - (score.signals[a] as number) ||
      SIGNAL_ORDER.indexOf(a) - SIGNAL_ORDER.indexOf(b),
  );
  const triggers: string[] = [];
  for (const signal of signals) {
    for (const title of evidence[signal] ?? []) {
      const label = title.length > 60 ? `${title.slice(0, 59)}…` : title;
      if (label.startsWith('No ') || triggers.includes(label)) continue;
      if (triggers.length < 5) triggers.push(label);
    }
  }
  return triggers;
}

function latestScores(scores: readonly SeenScore[], q: Quarter): Map<string, SeenScore> {
  const latest = new Map<string, SeenScore>();
  for (const score of [...scores].sort((a, b) => a.at - b.at || a.order - b.order)) {
    if (score.at >= q.start && score.at < q.end) latest.set(score.domain, score);
  }
  return latest;
}

/** A share to 3 decimals, halves up; 0 of nothing is 0. */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part * 1000) / whole) / 1000;
}

const STAGE: Record<string, string[]> = {
  contacted: ['contacted', 'meeting_booked', 'opportunity', 'won', 'lost'],
  meeting: ['meeting_booked', 'opportunity', 'won', 'lost'],
  opportunity: ['opportunity', 'won', 'lost'],
  won: ['won'],
};

export function reached(outcome: string, stage: string): boolean {
  return (STAGE[stage] as string[]).includes(outcome);
}

function byCount(lists: readonly string[][]): { trigger: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const t of new Set(list)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return (
    [...counts.entries()]
      // Ties in code-point order, as the docs say.
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, 10)
      .map(([trigger, count]) => ({ trigger, count }))
  );
}

/** Every figure of the report of `inputs.period`, as the docs define it. */
export function expectedReport(inputs: OracleInputs) {
  const latest = latestScores(inputs.scores, inputs.period);
  const prior = latestScores(inputs.scores, inputs.prior);

  const total = latest.size;
  const trend =
    prior.size === 0
      ? null
      : (() => {
          const tenths = ((total - prior.size) * 1000) / prior.size;
          return (Math.sign(tenths) * Math.round(Math.abs(tenths))) / 10;
        })();

  const bands = { HOT: 0, WARM: 0, COLD: 0 };
  for (const score of latest.values()) bands[score.band]++;

  const top_accounts = [...latest.values()]
    .sort((a, b) => b.score - a.score || (a.domain < b.domain ? -1 : 1))
    .slice(0, 10)
    .map((s) => ({
      domain: s.domain,
      company: inputs.company(s.domain),
      score: s.score,
      band: s.band,
      delta_30d: s.delta_30d,
    }));

  const top_triggers = byCount(
    [...latest.values()].map((s) => keyTriggers(s, inputs.evidence.get(s.domain) ?? {})),
  );

  // Outcomes: each domain once, by its latest outcome in the period.
  const deciding = new Map<string, SeenOutcome>();
  for (const outcome of inputs.outcomes) {
    const at = Date.parse(outcome.occurred_at);
    if (at < inputs.period.start || at >= inputs.period.end) continue;
    const current = deciding.get(outcome.domain);
    const later =
      current === undefined ||
      at > Date.parse(current.occurred_at) ||
      (at === Date.parse(current.occurred_at) &&
        (Date.parse(outcome.recorded_at) > Date.parse(current.recorded_at) ||
          (outcome.recorded_at === current.recorded_at && outcome.order > current.order)));
    if (later) deciding.set(outcome.domain, outcome);
  }
  const all = [...deciding.values()];
  const rateOf = (list: SeenOutcome[], stage: string) =>
    rate(list.filter((o) => reached(o.outcome, stage)).length, list.length);
  const band = (name: string) => {
    const within = all.filter((o) => o.band_at_outcome === name);
    return {
      tracked: within.length,
      meeting_rate: rateOf(within, 'meeting'),
      win_rate: rateOf(within, 'won'),
    };
  };

  const watched = (map: Map<string, SeenScore>) =>
    [...map.values()].filter((s) => inputs.watchlisted.has(s.domain)).map((s) => s.score);
  const now = watched(latest);
  const before = watched(prior);
  let market_demand_signal: string;
  if (now.length < 10 || before.length < 10) market_demand_signal = 'insufficient_data';
  else {
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const change = (mean(now) - mean(before)) / mean(before);
    market_demand_signal = change > 0.05 ? 'increasing' : change < -0.05 ? 'decreasing' : 'stable';
  }

  return {
    accounts_scored: { total, trend_vs_prior: trend },
    band_distribution: bands,
    top_accounts,
    top_triggers,
    outcome_summary: {
      total_tracked: all.length,
      contacted_rate: rateOf(all, 'contacted'),
      meeting_rate: rateOf(all, 'meeting'),
      opportunity_rate: rateOf(all, 'opportunity'),
      win_rate: rateOf(all, 'won'),
      by_band: { HOT: band('HOT'), WARM: band('WARM'), COLD: band('COLD') },
    },
    market_demand_signal,
  };
}
