/**
 * The scoring model: how five signals make a score and a band, and the rules that write a score's
 * `summary` and `action` from its numbers. A summary is three or four sentences built from the
 * signals (the strongest two, the weakest one, the trend, the band), so that what it says always
 * agrees with the numbers next to it.
 */
import type { SignalName } from './companies.ts';

export type Band = 'HOT' | 'WARM' | 'COLD';

/** HOT >= 80, WARM 60-79, COLD < 60. */
export function bandOf(score: number): Band {
  return score >= 80 ? 'HOT' : score >= 60 ? 'WARM' : 'COLD';
}

export const SIGNAL_NAMES: readonly SignalName[] = ['funding', 'hiring', 'news', 'tech', 'web'];

/** How much each signal weighs in the composite score. */
export const SIGNAL_WEIGHTS: Readonly<Record<SignalName, number>> = {
  funding: 0.25,
  hiring: 0.25,
  news: 0.2,
  tech: 0.15,
  web: 0.15,
};

/** A whole score from 0 to 100. */
export function clampScore(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

export function blend(signals: Readonly<Record<SignalName, number>>): number {
  let total = 0;
  for (const name of SIGNAL_NAMES) total += signals[name] * SIGNAL_WEIGHTS[name];
  return total;
}

const PHRASES: Readonly<Record<SignalName, readonly [high: string, mid: string, low: string]>> = {
  funding: ['fresh capital', 'steady funding', 'no recent funding'],
  hiring: ['aggressive hiring', 'selective hiring', 'a near hiring freeze'],
  news: ['a run of press coverage', 'occasional press mentions', 'little news flow'],
  tech: ['active changes to its stack', 'some tooling changes', 'a settled tech stack'],
  web: ['rising web traffic', 'steady web traffic', 'flat web traffic'],
};

const LABELS: Readonly<Record<SignalName, string>> = {
  funding: 'Funding',
  hiring: 'Hiring',
  news: 'News',
  tech: 'Tech',
  web: 'Web',
};

function phrase(name: SignalName, value: number): string {
  const [high, mid, low] = PHRASES[name];
  return value >= 75 ? high : value >= 50 ? mid : low;
}

function ranked(signals: Readonly<Record<SignalName, number>>): SignalName[] {
  return [...SIGNAL_NAMES].sort((a, b) => signals[b] - signals[a]);
}

const CLOSERS: Readonly<Record<Band, string>> = {
  HOT: 'Engage now while the buying window is open.',
  WARM: 'Worth a tailored touch this month; watch for a move into HOT.',
  COLD: 'Keep it on a nurture track until the signals pick up.',
};

export interface TextInput {
  name: string;
  score: number;
  delta: number;
  signals: Readonly<Record<SignalName, number>>;
}

/** Three or four sentences that explain the score from its signals. */
export function summaryFor({ name, score, delta, signals }: TextInput): string {
  const [first, second, , , last] = ranked(signals) as [SignalName, SignalName, ...SignalName[]];
  const weakest = last as SignalName;
  const sentences = [
    `${name} is showing ${phrase(first, signals[first])} and ${phrase(second, signals[second])}.`,
    `${LABELS[first]} leads at ${signals[first]}, while ${LABELS[weakest].toLowerCase()} trails at ${signals[weakest]}.`,
  ];
  if (Math.abs(delta) >= 8) {
    sentences.push(
      `The score is ${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)} points over 30 days.`,
    );
  }
  sentences.push(CLOSERS[bandOf(score)]);
  return sentences.join(' ');
}

const ACTIONS: Readonly<Record<SignalName, Readonly<Record<Band, string>>>> = {
  funding: {
    HOT: 'Lead with ROI on the new budget; {name} has fresh capital to deploy.',
    WARM: 'Open with a cost-of-delay case while {name} plans its spend.',
    COLD: 'Share a benchmark report and revisit {name} after its next round.',
  },
  hiring: {
    HOT: 'Pitch ramp speed for the new hires; {name} is scaling its team fast.',
    WARM: 'Reach the hiring managers at {name} with an onboarding angle.',
    COLD: 'Stay in touch with {name} until hiring picks up again.',
  },
  news: {
    HOT: 'Reference the recent coverage and ask {name} what it changes for them.',
    WARM: 'Congratulate {name} on the latest news and offer a short review.',
    COLD: 'Add {name} to a nurture sequence keyed to its next announcement.',
  },
  tech: {
    HOT: 'Offer a migration plan; {name} is reworking its stack right now.',
    WARM: 'Send an integration guide for the tools {name} is adding.',
    COLD: 'Keep a light touch on {name}; its stack has settled for now.',
  },
  web: {
    HOT: 'Follow up on the research spike; {name} is comparing vendors.',
    WARM: 'Retarget {name} with a case study from its segment.',
    COLD: 'Keep {name} in low-cost nurture until web activity returns.',
  },
};

/** One imperative sentence, never empty and never over 140 characters. */
export function actionFor({ name, score, signals }: TextInput): string {
  const [first] = ranked(signals) as [SignalName];
  const template = ACTIONS[first][bandOf(score)];
  const action = template.replace('{name}', name);
  return action.length <= 140 ? action : template.replace('{name}', 'the account');
}
