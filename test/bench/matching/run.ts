/**
 * Matching benchmark (issue 3):
 *   npx tsx test/bench/matching/run.ts --persons 100000 [--queries 3900] [--seed 2] [--no-baseline]
 *     [--baseline-year-spread 0|1] [--report test/bench/matching/REPORT.md] [--verbose]
 * Builds a seeded population, indexes it with shared/matching's CandidateIndex and with the pg_trgm
 * baseline (PGlite), runs the corrupted queries against both and prints per-type and
 * per-nationality tables (matcher / baseline).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CandidateIndex } from '../../../shared/matching/candidate-index';
import { BASELINE_AB_SIMILARITY, PgTrgmBaseline } from './baseline-pgtrgm';
import { CORRUPTION_TYPES, generateQueries } from './corrupt';
import type { BenchQuery } from './corrupt';
import { groupBy, summarize, table } from './metrics';
import type { QueryOutcome, Summary } from './metrics';
import { generatePopulation, NATIONALITIES } from './population';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '10000' },
    queries: { type: 'string' },
    seed: { type: 'string', default: '2' },
    'no-baseline': { type: 'boolean', default: false },
    'baseline-year-spread': { type: 'string', default: '0' },
    report: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});
const persons = Number(values.persons);
const seed = Number(values.seed);
const totalQueries = Number(values.queries ?? 3900);
const perType = Math.max(1, Math.round(totalQueries / CORRUPTION_TYPES.length));

const t0 = performance.now();
const population = generatePopulation({ persons, seed });
const tPop = performance.now();
const index = new CandidateIndex();
for (const p of population) index.add(p);
const tIndex = performance.now();
const queries = generateQueries(population, { perType, seed });
console.log(
  `population ${persons} in ${((tPop - t0) / 1000).toFixed(1)} s, index in ${((tIndex - tPop) / 1000).toFixed(1)} s, ${queries.length} queries`,
);

function matcherOutcomes(qs: readonly BenchQuery[]): QueryOutcome[] {
  return qs.map((q) => {
    const start = performance.now();
    const hits = index.search(q.query, { limit: 10 });
    const ms = performance.now() - start;
    const pos = hits.findIndex((h) => h.azrNummer === q.truth);
    const ab = hits.filter((h) => h.band === 'A' || h.band === 'B');
    if (values.verbose && (pos < 0 || ab.some((h) => h.azrNummer !== q.truth))) {
      const truth = population.find((p) => p.azrNummer === q.truth);
      console.log(
        `[${q.type}] ${pos < 0 ? 'MISS' : 'FALSE-AB'} q=${JSON.stringify(q.query)}\n  truth=${JSON.stringify({ ...truth, herkunft: undefined })}\n  hits=${hits
          .slice(0, 3)
          .map((h) => `${h.azrNummer === q.truth ? '*' : ''}${h.band}/${h.rule}/${h.score}`)
          .join(' ')}`,
      );
      const falseAb = ab.find((h) => h.azrNummer !== q.truth);
      if (falseAb !== undefined) {
        const fp = population.find((p) => p.azrNummer === falseAb.azrNummer);
        console.log(`  falseAB=${JSON.stringify({ ...fp, herkunft: undefined })}`);
      }
    }
    return {
      type: q.type,
      nationality: q.nationality,
      rank: pos < 0 ? null : pos + 1,
      abCount: ab.length,
      abTrue: ab.some((h) => h.azrNummer === q.truth) ? 1 : 0,
      listed: hits.length,
      ms,
    };
  });
}

async function baselineOutcomes(qs: readonly BenchQuery[]): Promise<QueryOutcome[]> {
  const start = performance.now();
  const baseline = await PgTrgmBaseline.create(population, Number(values['baseline-year-spread']));
  console.log(`pg_trgm baseline loaded in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  const out: QueryOutcome[] = [];
  for (const q of qs) {
    const t = performance.now();
    const hits = await baseline.search(q.query, 10);
    const ms = performance.now() - t;
    const pos = hits.findIndex((h) => h.azrNummer === q.truth);
    const ab = hits.filter((h) => h.similarity >= BASELINE_AB_SIMILARITY);
    out.push({
      type: q.type,
      nationality: q.nationality,
      rank: pos < 0 ? null : pos + 1,
      abCount: ab.length,
      abTrue: ab.some((h) => h.azrNummer === q.truth) ? 1 : 0,
      listed: hits.length,
      ms,
    });
  }
  await baseline.close();
  return out;
}

function summaries(outcomes: readonly QueryOutcome[], key: (o: QueryOutcome) => string) {
  const m = new Map<string, Summary>();
  for (const [k, list] of groupBy(outcomes, key)) m.set(k, summarize(list));
  m.set('gesamt', summarize(outcomes));
  return m;
}

const matcher = matcherOutcomes(queries);
const tMatch = performance.now();
console.log(`matcher: ${queries.length} queries in ${((tMatch - tIndex) / 1000).toFixed(1)} s`);
const baseline = values['no-baseline'] ? undefined : await baselineOutcomes(queries);

const byType = table(
  'Abweichung',
  [...CORRUPTION_TYPES, 'gesamt'],
  summaries(matcher, (o) => o.type),
  baseline === undefined ? undefined : summaries(baseline, (o) => o.type),
);
const byNat = table(
  'Staatsangeh.',
  [...NATIONALITIES.map((n) => n.key), 'gesamt'],
  summaries(matcher, (o) => o.nationality),
  baseline === undefined ? undefined : summaries(baseline, (o) => o.nationality),
);

const overall = summarize(matcher);
const overallBase = baseline === undefined ? undefined : summarize(baseline);
const minTypeRecall = Math.min(
  ...[...groupBy(matcher, (o) => o.type).values()].map((l) => summarize(l).recallAt10),
);
const checks = [
  [`recall@10 gesamt ≥ 0.98`, overall.recallAt10 >= 0.98, overall.recallAt10.toFixed(3)],
  [`recall@10 je Abweichung ≥ 0.95`, minTypeRecall >= 0.95, minTypeRecall.toFixed(3)],
  [`A/B-Präzision ≥ 0.80`, overall.abPrecision >= 0.8, overall.abPrecision.toFixed(3)],
  [
    `falsche A/B in ≤ 10 % der Anfragen`,
    overall.falseAbShare <= 0.1,
    overall.falseAbShare.toFixed(3),
  ],
  ...(overallBase === undefined
    ? []
    : [
        [
          `recall@10 ≥ pg_trgm + 15 Punkte`,
          overall.recallAt10 - overallBase.recallAt10 >= 0.15,
          `${((overall.recallAt10 - overallBase.recallAt10) * 100).toFixed(1)} Punkte`,
        ] as const,
      ]),
] as const;

const spreadArg =
  values['baseline-year-spread'] === '0'
    ? ''
    : ` --baseline-year-spread ${values['baseline-year-spread']}`;
const report = `Run: \`npx tsx test/bench/matching/run.ts --persons ${persons} --queries ${totalQueries} --seed ${seed}${spreadArg}\`
(${queries.length} queries, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}).
Each cell: **matcher / pg_trgm baseline**. Percentages; latency per query in ms, single thread.

### Per corruption type

${byType}

### Per nationality

${byNat}

### Targets (issue 3)

${checks.map(([name, ok, value]) => `- ${ok ? '✅' : '❌'} ${name}: ${value}`).join('\n')}
`;
console.log(`\n${report}`);
if (values.report !== undefined) {
  const path = values.report;
  const { readFileSync } = await import('node:fs');
  const existing = readFileSync(path, 'utf8');
  const marker = '<!-- results -->';
  const at = existing.indexOf(marker);
  writeFileSync(path, `${at < 0 ? existing : existing.slice(0, at + marker.length)}\n\n${report}`);
  console.log(`report written to ${path}`);
}
