import type {
  MatchPerson,
  Treffer as MatchTreffer,
  QueryKeys,
  QuerySlot,
} from '../../../shared/matching';
import {
  compareTreffer,
  computeQueryKeys,
  preparePerson,
  scoreCandidate,
} from '../../../shared/matching';
import type { CandidateLookup } from '../db/candidates';
import type { Repository } from '../db/repository';
import { KEY_STATISTICS_FROM } from '../db/repository';
import type { PersonRecord } from './persons';
import { toMatchCandidate } from './persons';

export interface SearchHit {
  readonly record: PersonRecord;
  readonly result: MatchTreffer;
}

/**
 * How many pre-selected candidates are scored in full: scoring (75–150 µs per candidate on the
 * benchmark machine) is most of a search. At a million persons a common name pre-selects thousands
 * with equal gain; ordered by agreeing keys, the first 75 list the person sought within one query
 * in 1,300 as often as the first 100, and more often than the first 300 in arbitrary order did
 * (test/bench/sandbox/REPORT.md).
 */
export const MAX_SCORED = 75;

/**
 * A key held by more persons than `withYear` is looked up only within the query's birth-year
 * bucket (±1 year, or an unknown year): tens of thousands of index rows cost more than the rest of
 * the search, while whoever shares such a key outside the bucket needs a second name token anyway
 * and rarely is the person sought. Without a year there is no bucket: keys above `withoutYear` are
 * left out, the others go to the GIN index (db/candidates.ts) — lower bounds lost datum-fehlt hits.
 */
export const FREQUENT_KEY = { withYear: KEY_STATISTICS_FROM, withoutYear: 10_000 } as const;

const isYearSlot = (slot: QuerySlot) =>
  slot.keys.length > 0 && slot.keys.every((key) => /^J:\d+$/.test(key));

/** The query keys as a lookup: the birth-year slot is answered from the stored year. */
export function candidateLookup(keys: QueryKeys, limit: number): CandidateLookup {
  const yearSlot = keys.slots.find(isYearSlot);
  return {
    slots: keys.slots.filter((slot) => slot !== yearSlot),
    ...(yearSlot
      ? {
          years: {
            values: yearSlot.keys.map((key) => Number(key.slice(2))),
            gain: yearSlot.gain,
          },
        }
      : {}),
    threshold: keys.threshold,
    limit,
    frequentAbove: yearSlot ? FREQUENT_KEY.withYear : FREQUENT_KEY.withoutYear,
  };
}

/** Similar persons (§ 8 Abs. 6 AZRG-DV): key lookup in the database, full scoring in TypeScript. */
export async function searchSimilar(
  repository: Repository,
  query: MatchPerson,
  options: { limit?: number; maxScored?: number } = {},
): Promise<SearchHit[]> {
  const lookup = candidateLookup(computeQueryKeys(query), options.maxScored ?? MAX_SCORED);
  const records = await repository.candidates(lookup);
  const prepared = preparePerson(query);
  const hits: SearchHit[] = [];
  for (const record of records) {
    if (record.zusammengefuehrtIn !== null) continue;
    const result = scoreCandidate(prepared, toMatchCandidate(record));
    if (result.band !== null)
      hits.push({ record, result: { azrNummer: record.azrNummer, ...result } });
  }
  hits.sort((a, b) => compareTreffer(a.result, b.result));
  return hits.slice(0, options.limit ?? 10);
}
