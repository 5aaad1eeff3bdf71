/**
 * Score accounts against your own ideal customer, and see why each score is what it is: a profile
 * with fit and urgency rules, two companies assigned to it, and their scores explained rule by
 * rule.
 *
 *   IIQ_API_KEY=iiq_test_… node examples/scoring-profiles.ts
 *
 * Against the reference mock: `npx iiq mock` in another terminal, then
 *   IIQ_BASE_URL=http://127.0.0.1:4010/v1 IIQ_API_KEY=<the printed test key> node examples/scoring-profiles.ts
 */
import { IntentIQ, type ScoringScore } from '@vesperwise/node';

const iiq = new IntentIQ();

const profile = await iiq.scoring.profiles.create({
  object_type: 'company',
  name: 'Mid-market fintech',
});
const rules = iiq.scoring.profiles.rules;
// Fit: how well a company matches the ideal customer.
await rules.upsert(profile.id, {
  attribute: 'employee_count',
  dimension: 'fit',
  points: {
    ranges: [
      { min: 0, max: 100, points: 2 },
      { min: 100, max: 1000, points: 10 },
      { min: 1000, max: null, points: 25 },
    ],
  },
});
await rules.upsert(profile.id, {
  attribute: 'tech_stack',
  dimension: 'fit',
  points: { choices: { Salesforce: 10, HubSpot: 8 } }, // additive: both count
});
await rules.upsert(profile.id, {
  attribute: 'is_public',
  dimension: 'fit',
  points: { true: -5, false: 10 },
});
await rules.upsert(profile.id, {
  attribute: 'has_recent_funding',
  dimension: 'fit',
  points: { true: 15 },
});
await rules.upsert(profile.id, {
  attribute: 'industry',
  dimension: 'fit',
  points: {
    choices: { 'Payments infrastructure': 20, 'Spend management': 15 },
    mode: 'exact_match',
  },
});
// Urgency: how ready it is to buy now.
await rules.upsert(profile.id, {
  attribute: 'intent_score',
  dimension: 'urgency',
  points: {
    ranges: [
      { min: 80, max: null, points: 20 },
      { min: 60, max: 80, points: 10 },
    ],
  },
});
await rules.upsert(profile.id, {
  attribute: 'hiring',
  dimension: 'urgency',
  points: { ranges: [{ min: 75, points: 10 }] },
});
const { rule_count } = await iiq.scoring.profiles.retrieve(profile.id);
console.log(`profile ${profile.id} "${profile.name}": ${rule_count} rules`);

// Assigned companies are scored at once.
await iiq.scoring.assignments.createMany({
  profile_id: profile.id,
  object_type: 'company',
  object_ids: ['stripe.com', 'notion.so'],
});

function explain(row: ScoringScore): void {
  const coverage = Math.round(row.signal_coverage * 100);
  console.log(
    `${row.object_id} ${row.dimension} ${row.score ?? '-'} (${row.raw_points} of ${row.max_points} points, coverage ${coverage}%)`,
  );
  for (const c of row.contributions) {
    const earned = c.points_earned >= 0 ? `+${c.points_earned}` : `${c.points_earned}`;
    console.log(
      `  ${c.attribute.padEnd(19)} ${String(c.matched_value ?? 'no value').padEnd(24)} ${earned} of ${c.max_points}`,
    );
  }
}

for await (const row of iiq.scoring.scores.list({
  object_type: 'company',
  object_ids: ['stripe.com', 'notion.so'],
  profile_id: profile.id,
})) {
  explain(row);
}

await iiq.scoring.profiles.delete(profile.id); // its rules, assignments and scores go with it
console.log(`deleted ${profile.id}`);
