/**
 * An in-memory candidate index: the same key-based blocking a database would do with an index on
 * (key, azrNummer), followed by full scoring. Used by tests, the benchmark and local duplicate hints.
 */
import { computeMatchKeys, computeQueryKeys } from './keys';
import { nameComboKey, preparePerson, scoreCandidate } from './score';
import type { Band, MatchStats, PreparedPerson, ScoreResult } from './score';
import type { MatchCandidate, MatchQuery } from './types';

export interface Treffer extends ScoreResult {
  readonly azrNummer: string;
}

export interface SearchOptions {
  /** Maximum number of hits returned (default 10). */
  readonly limit?: number;
  /** How many pre-selected candidates are scored in full (default 300). */
  readonly maxScored?: number;
}

const BAND_ORDER: Readonly<Record<Band, number>> = { A: 0, B: 1, C: 2 };

/** Orders hits: band first (a must-show B before a C), then score. */
export function compareTreffer(a: ScoreResult, b: ScoreResult): number {
  const ba = a.band === null ? 3 : BAND_ORDER[a.band];
  const bb = b.band === null ? 3 : BAND_ORDER[b.band];
  return ba !== bb ? ba - bb : b.score - a.score;
}

export class CandidateIndex implements MatchStats {
  private readonly records: PreparedPerson[] = [];
  private readonly ids: string[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly tokenCounts = new Map<string, number>();
  private readonly dateCounts = new Map<string, number>();
  private readonly comboCounts = new Map<string, number>();
  private stamp = new Int32Array(0);
  private hits = new Float32Array(0);
  private generation = 0;

  get persons(): number {
    return this.records.length;
  }

  nameTokenCount(token: string): number {
    return this.tokenCounts.get(token) ?? 0;
  }

  birthDateCount(dateKey: string): number {
    return this.dateCounts.get(dateKey) ?? 0;
  }

  nameComboCount(key: string): number {
    return this.comboCounts.get(key) ?? 0;
  }

  add(candidate: MatchCandidate): void {
    const id = this.records.length;
    const prepared = preparePerson(candidate);
    this.records.push(prepared);
    this.ids.push(candidate.azrNummer);
    const keys = computeMatchKeys(candidate);
    for (const key of keys.all) {
      let list = this.postings.get(key);
      if (list === undefined) this.postings.set(key, (list = []));
      list.push(id);
    }
    const tokens = new Set<string>();
    for (const form of keys.nameForms) for (const t of form.tokens) tokens.add(t.token);
    for (const t of tokens) this.tokenCounts.set(t, (this.tokenCounts.get(t) ?? 0) + 1);
    const combos = new Set(
      prepared.forms.map((f) => nameComboKey(f.form.familienname, f.form.vornamen)),
    );
    for (const k of combos) this.comboCounts.set(k, (this.comboCounts.get(k) ?? 0) + 1);
    if (prepared.dateKey !== undefined) {
      this.dateCounts.set(prepared.dateKey, (this.dateCounts.get(prepared.dateKey) ?? 0) + 1);
    }
  }

  /**
   * Candidates that share keys with the query in at least two independent places (two name tokens,
   * or a name token and the birth date), scored in full and ordered; only listed bands are returned.
   */
  search(query: MatchQuery, options: SearchOptions = {}): Treffer[] {
    const limit = options.limit ?? 10;
    const maxScored = options.maxScored ?? 300;
    const n = this.records.length;
    if (this.stamp.length < n) {
      this.stamp = new Int32Array(Math.max(n, 1024) * 2);
      this.hits = new Float32Array(this.stamp.length);
      this.generation = 0;
    }
    const { slots, threshold } = computeQueryKeys(query);
    const touched: number[] = [];
    const baseGen = this.generation;
    slots.forEach((slot, i) => {
      // Stamps mark the slot in which a person was last counted: each slot counts once.
      const gen = baseGen + i + 1;
      for (const key of slot.keys) {
        const list = this.postings.get(key);
        if (list === undefined) continue;
        for (const id of list) {
          if (this.stamp[id]! >= gen) continue;
          if (this.stamp[id]! <= baseGen) {
            this.hits[id] = 0;
            touched.push(id);
          }
          this.stamp[id] = gen;
          this.hits[id]! += slot.gain;
        }
      }
    });
    this.generation = baseGen + slots.length + 1;
    if (this.generation > 2_000_000_000) {
      this.stamp.fill(0);
      this.generation = 0;
    }

    const selected = touched.filter((id) => this.hits[id]! >= threshold);
    selected.sort((a, b) => this.hits[b]! - this.hits[a]!);
    const prepared = preparePerson(query);
    const out: Treffer[] = [];
    for (const id of selected.slice(0, maxScored)) {
      const result = scoreCandidate(prepared, this.records[id]!, this);
      if (result.band !== null) out.push({ azrNummer: this.ids[id]!, ...result });
    }
    out.sort(compareTreffer);
    return out.slice(0, limit);
  }
}
