/**
 * The baseline a team would reach for first: PostgreSQL pg_trgm similarity on the full name
 * (DIN 91379 search form, lower case) plus a birth-year filter (same year; an unknown year on
 * either side passes), on
 * PGlite with a GIN trigram index. "Band A/B" for the baseline means similarity ≥ 0.6.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { toSearchForm } from '../../../shared/matching/normalize';
import type { MatchCandidate, MatchQuery } from '../../../shared/matching/types';

export const BASELINE_AB_SIMILARITY = 0.6;

export interface BaselineHit {
  readonly azrNummer: string;
  readonly similarity: number;
}

const fullName = (p: { familienname: string; vornamen: string }) =>
  toSearchForm(`${p.familienname} ${p.vornamen}`).toLowerCase();

export class PgTrgmBaseline {
  private constructor(
    private readonly db: PGlite,
    private readonly yearSpread: number,
  ) {}

  /** `yearSpread` 0: same birth year; 1: ±1 year (a sensitivity check, not the default). */
  static async create(
    population: readonly MatchCandidate[],
    yearSpread = 0,
  ): Promise<PgTrgmBaseline> {
    const db = await PGlite.create({ extensions: { pg_trgm } });
    await db.exec(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE TABLE person (azr text PRIMARY KEY, name text NOT NULL, jahr int);
    `);
    const batch = 2000;
    for (let i = 0; i < population.length; i += batch) {
      const rows = population.slice(i, i + batch);
      const params: unknown[] = [];
      const values = rows.map((p, j) => {
        params.push(p.azrNummer, fullName(p), p.geburtsdatum.jahr ?? null);
        return `($${j * 3 + 1}, $${j * 3 + 2}, $${j * 3 + 3})`;
      });
      await db.query(`INSERT INTO person (azr, name, jahr) VALUES ${values.join(',')}`, params);
    }
    await db.exec(`
      CREATE INDEX person_name_trgm ON person USING gin (name gin_trgm_ops);
      ANALYZE person;
    `);
    return new PgTrgmBaseline(db, yearSpread);
  }

  async search(query: MatchQuery, limit = 10): Promise<BaselineHit[]> {
    const res = await this.db.query<{ azr: string; s: number }>(
      `SELECT azr, similarity(name, $1) AS s
         FROM person
        WHERE name % $1
          AND ($2::int IS NULL OR jahr IS NULL OR jahr BETWEEN $2::int - $4::int AND $2::int + $4::int)
        ORDER BY s DESC
        LIMIT $3`,
      [fullName(query), query.geburtsdatum.jahr ?? null, limit, this.yearSpread],
    );
    return res.rows.map((r) => ({ azrNummer: r.azr, similarity: Number(r.s) }));
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
