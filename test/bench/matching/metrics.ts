/** Benchmark metrics: recall@k, band-A/B precision, false A/B share, list length, latency. */

export interface QueryOutcome {
  readonly type: string;
  readonly nationality: string;
  /** Rank of the true record in the returned list (1-based), or null. */
  readonly rank: number | null;
  /** Number of A/B candidates and how many of them are the true record (0 or 1). */
  readonly abCount: number;
  readonly abTrue: number;
  readonly listed: number;
  readonly ms: number;
}

export interface Summary {
  readonly queries: number;
  readonly recallAt1: number;
  readonly recallAt10: number;
  /** Share of A/B candidates that are the true record (NaN when there were none). */
  readonly abPrecision: number;
  /** Share of queries with at least one A/B candidate that is not the true record. */
  readonly falseAbShare: number;
  readonly candidatesPerQuery: number;
  readonly p50: number;
  readonly p95: number;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export function summarize(outcomes: readonly QueryOutcome[]): Summary {
  const n = outcomes.length;
  const ab = outcomes.reduce((s, o) => s + o.abCount, 0);
  const abTrue = outcomes.reduce((s, o) => s + o.abTrue, 0);
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return {
    queries: n,
    recallAt1: outcomes.filter((o) => o.rank === 1).length / n,
    recallAt10: outcomes.filter((o) => o.rank !== null && o.rank <= 10).length / n,
    abPrecision: ab === 0 ? NaN : abTrue / ab,
    falseAbShare: outcomes.filter((o) => o.abCount > o.abTrue).length / n,
    candidatesPerQuery: outcomes.reduce((s, o) => s + o.listed, 0) / n,
    p50: quantile(ms, 0.5),
    p95: quantile(ms, 0.95),
  };
}

export function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    let list = m.get(k);
    if (list === undefined) m.set(k, (list = []));
    list.push(x);
  }
  return m;
}

const pct = (x: number) => (Number.isNaN(x) ? '–' : (x * 100).toFixed(1));
const num = (x: number, d = 1) => (Number.isNaN(x) ? '–' : x.toFixed(d));

/** One Markdown table: rows = groups, columns = matcher | baseline per metric. */
export function table(
  title: string,
  groups: readonly string[],
  matcher: ReadonlyMap<string, Summary>,
  baseline: ReadonlyMap<string, Summary> | undefined,
): string {
  const head = [
    title,
    'n',
    'R@1',
    'R@10',
    'A/B-Präz.',
    'falsche A/B',
    'Kand./Anfr.',
    'p50 ms',
    'p95 ms',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const g of groups) {
    const m = matcher.get(g);
    if (m === undefined) continue;
    const b = baseline?.get(g);
    const both = (f: (s: Summary) => string) => (b === undefined ? f(m) : `${f(m)} / ${f(b)}`);
    lines.push(
      `| ${g} | ${m.queries} | ${both((s) => pct(s.recallAt1))} | ${both((s) => pct(s.recallAt10))} | ${both((s) => pct(s.abPrecision))} | ${both((s) => pct(s.falseAbShare))} | ${both((s) => num(s.candidatesPerQuery))} | ${both((s) => num(s.p50, 2))} | ${both((s) => num(s.p95, 2))} |`,
    );
  }
  return lines.join('\n');
}
